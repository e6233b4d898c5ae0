// The summary and generation views offscreen over a real index and the gateway simulator:
// pasted text is summarised by a cleared model, very-high text locally with nothing sent, an
// imported PDF's summary names its pages; a draft follows its template and tone, and very-high
// material is refused with nothing sent.
#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/services/summaryservice.h"
#include "core/services/prompts.h"
#include "core/services/templatelibrary.h"
#include "core/storage/conversationstore.h"
#include "fixture/simulatorprocess.h"
#include "gui/functiontestsupport.h"
#include "gui/screenshotsupport.h"
#include "ui/generationpage.h"
#include "ui/mainwindow.h"
#include "ui/questionpage.h"
#include "ui/summarypage.h"

#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace genius;
using namespace Qt::StringLiterals;
using domain::ProtectionClass;
using ui::SummaryPage;

namespace {

const QString kNotice = u"Bekanntmachung der Gemeinde Musterdorf. Der Bebauungsplan Nr. 12 liegt vom 2. bis "
                        "30. März im Rathaus öffentlich aus. Während dieser Frist kann jede Person Stellungnahmen "
                        "abgeben. Nicht fristgerecht abgegebene Stellungnahmen können unberücksichtigt bleiben. "
                        "Die Unterlagen stehen auch im Internet bereit."_s;

struct Fixture : test::FunctionFixture {
    std::unique_ptr<SummaryPage> page;
    std::unique_ptr<ui::GenerationPage> drafts;
    std::unique_ptr<ui::QuestionPage> questions;
    std::unique_ptr<ui::QuestionPage> research; ///< as staff see it: published collections only

    bool open(const sim::SimulatorProcess& simulator)
    {
        if (!openServices(simulator))
            return false;
        page = std::make_unique<SummaryPage>(functions->summaries(), &curation->documents());
        drafts = std::make_unique<ui::GenerationPage>(functions->generation(), functions->templates(),
            &curation->documents());
        questions = std::make_unique<ui::QuestionPage>(ui::QuestionPage::Mode::Documents, functions->ask(),
            &curation->documents(), &curation->collections(), true);
        research = std::make_unique<ui::QuestionPage>(ui::QuestionPage::Mode::Research, functions->ask(),
            &curation->documents(), &curation->collections(), false);
        return true;
    }

    bool summarizeAndWait()
    {
        QSignalSpy finished(page.get(), &SummaryPage::finished);
        page->summarize();
        return finished.size() > 0 || finished.wait(30000);
    }

    bool askAndWait(ui::QuestionPage& questionPage, const QString& question)
    {
        QSignalSpy finished(&questionPage, &ui::QuestionPage::finished);
        questionPage.ask(question);
        return finished.size() > 0 || finished.wait(30000);
    }

    int chatRequests(const sim::SimulatorProcess& simulator) const
    {
        int count = 0;
        for (const QJsonObject& entry : simulator.logEntries())
            count += entry.value(u"path"_s).toString().endsWith(u"/chat/completions"_s) ? 1 : 0;
        return count;
    }

    bool draftAndWait()
    {
        QSignalSpy finished(drafts.get(), &ui::GenerationPage::finished);
        drafts->draft();
        return finished.size() > 0 || finished.wait(30000);
    }
};

} // namespace

class TestFunctionPages final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("GENIUS_API_KEY", sim::SimulatorProcess::defaultKey().toUtf8());
        m_sim = std::make_unique<sim::SimulatorProcess>();
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
    }

    void init() { QVERIFY(m_sim->reset()); }

    void pastedText_isSummarisedByAClearedModel()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        f.page->setPastedText(kNotice);
        const int before = m_sim->logLineCount();
        QVERIFY(f.summarizeAndWait());
        QVERIFY2(f.page->status().contains(u"sim-sovereign"_s), qPrintable(f.page->status()));
        QVERIFY(m_sim->logLineCount() > before);
        QVERIFY(!f.page->result().trimmed().isEmpty());
        QVERIFY(!f.page->isBusy());
    }

    void veryHighText_isSummarisedLocally_andNothingIsSent()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        f.page->setPastedText(kNotice);
        auto* cls = f.page->findChild<QComboBox*>(u"summaryTextClass"_s);
        cls->setCurrentIndex(cls->findData(static_cast<int>(ProtectionClass::VeryHigh)));
        const int before = m_sim->logLineCount();
        QVERIFY(f.summarizeAndWait());
        QCOMPARE(m_sim->logLineCount(), before);
        QVERIFY2(f.page->status().contains(u"very-high"_s), qPrintable(f.page->status()));
        // The extractive summary keeps the notice's key sentence.
        QVERIFY2(f.page->result().contains(u"Bebauungsplan"_s), qPrintable(f.page->result()));
    }

    void importedDocument_summaryNamesItsPages()
    {
        const QString pdf = QStringLiteral(GENIUS_CORPUS_DIR "/pdf/BauNVO_libreoffice.pdf");
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        Fixture f;
        QVERIFY(f.open(*m_sim));
        const qint64 id = f.curation->importFiles({ pdf }, ProtectionClass::Normal).ids.value(0);
        QVERIFY(!f.page->chooseDocument(id)); // not offered while it imports
        QVERIFY(f.waitIdle());
        QVERIFY(f.page->chooseDocument(id));
        auto* length = f.page->findChild<QComboBox*>(u"summaryLength"_s);
        length->setCurrentIndex(0); // short
        f.page->findChild<QLineEdit*>(u"summaryAspect"_s)->setText(u"Gewerbegebiete"_s);
        QVERIFY(f.summarizeAndWait());
        QVERIFY2(f.page->result().contains(u"BauNVO_libreoffice.pdf, "_s), qPrintable(f.page->result()));
        QVERIFY(!f.page->status().isEmpty());
    }

    void emptyText_saysWhatIsMissing()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        f.page->setPastedText(u"   "_s);
        f.page->summarize();
        QVERIFY(!f.page->isBusy());
        QVERIFY(!f.page->status().isEmpty());
    }

    void draft_followsTheTemplateAndTone()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        QVERIFY(f.drafts->chooseTemplate(u"buergeranfrage"_s));
        QVERIFY(!f.drafts->chooseTemplate(u"gibt-es-nicht"_s));
        auto* tone = f.drafts->findChild<QComboBox*>(u"generationTone"_s);
        tone->setCurrentIndex(tone->findData(static_cast<int>(services::Tone::Citizen)));
        f.drafts->setMaterial(u"- Antrag auf Sondernutzung eingegangen\n- Genehmigung bis Ende Mai"_s);
        QVERIFY(f.draftAndWait());
        QVERIFY2(f.drafts->status().contains(u"sim-"_s), qPrintable(f.drafts->status()));
        QVERIFY(!f.drafts->result().trimmed().isEmpty());
        // The draft came from a chat request (tst_clifunctions checks template and tone in its body).
        bool sawTemplate = false;
        for (const QJsonObject& entry : m_sim->logEntries())
            sawTemplate = sawTemplate || entry.value(u"path"_s).toString().endsWith(u"/chat/completions"_s);
        QVERIFY(sawTemplate);
    }

    void draft_ofVeryHighMaterial_isRefusedAndNothingIsSent()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        f.drafts->setMaterial(u"- Personalakte Müller, Abmahnung"_s);
        auto* cls = f.drafts->findChild<QComboBox*>(u"generationClass"_s);
        cls->setCurrentIndex(cls->findData(static_cast<int>(ProtectionClass::VeryHigh)));
        const int before = m_sim->logLineCount();
        QVERIFY(f.draftAndWait());
        QCOMPARE(m_sim->logLineCount(), before);
        QVERIFY(f.drafts->result().trimmed().isEmpty());
        QVERIFY(!f.drafts->status().isEmpty());
        // Without material nothing starts at all.
        f.drafts->setMaterial(QString());
        f.drafts->draft();
        QVERIFY(!f.drafts->isBusy());
    }

    void askDocuments_answersWithTheDocumentAsSource()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        const qint64 id = f.curation->importFiles({ f.law(u"verfahrensgesetz.md"_s, 4) }, ProtectionClass::Normal).ids.value(0);
        QVERIFY(f.waitIdle());
        f.questions->ask(u"Wie entscheidet die Behörde?"_s);
        QVERIFY(!f.questions->isBusy()); // nothing ticked yet
        QVERIFY(!f.questions->status().isEmpty());
        QVERIFY(f.questions->choose(QString::number(id)));
        QVERIFY(f.askAndWait(*f.questions, u"Wie entscheidet die Behörde über den Antrag?"_s));
        QVERIFY2(f.questions->status().contains(u"sim-"_s), qPrintable(f.questions->status()));
        QVERIFY2(f.questions->answerText().contains(u"verfahrensgesetz.md"_s), qPrintable(f.questions->answerText()));
        QVERIFY(f.questions->answerText().contains(u"pflichtgemäßem Ermessen"_s)); // the quoted passage
    }

    void finishedAnswer_isAnnouncedToScreenReaders()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        const qint64 id = f.curation->importFiles({ f.law(u"verfahrensgesetz.md"_s, 4) }, ProtectionClass::Normal).ids.value(0);
        QVERIFY(f.waitIdle());
        QVERIFY(f.questions->choose(QString::number(id)));
        QVERIFY(f.askAndWait(*f.questions, u"Wie entscheidet die Behörde über den Antrag?"_s));
        // What an assistive technology reads after the name change: the status line's name is
        // the outcome (offscreen there is no platform bridge to receive the event itself).
        auto* status = f.questions->findChild<QLabel*>(u"questionStatus"_s);
        QAccessibleInterface* line = QAccessible::queryAccessibleInterface(status);
        QVERIFY(line);
        QCOMPARE(line->text(QAccessible::Name), f.questions->status());
        QVERIFY(line->text(QAccessible::Name).contains(u"sim-sovereign"_s));
    }

    void attachedFiles_areImportedTickedAndAsked()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        f.questions->enableAttaching(*f.curation);
        const QString broken = f.dir.filePath(u"kaputt.pdf"_s);
        QVERIFY(test::writeFile(broken, "%PDF-1.7\n1 0 obj <<"));
        f.questions->attach({ f.law(u"satzung.md"_s, 3), broken });
        QVERIFY2(f.questions->status().contains(u"Importing"_s), qPrintable(f.questions->status()));
        QVERIFY(f.waitIdle());
        QTRY_VERIFY(f.questions->status().contains(u"ready"_s));
        QVERIFY2(f.questions->status().contains(u"kaputt.pdf"_s), qPrintable(f.questions->status()));
        // The ready one is ticked without further clicks: the question goes to it.
        QVERIFY(f.askAndWait(*f.questions, u"Wie entscheidet die Behörde über den Antrag?"_s));
        QVERIFY2(f.questions->answerText().contains(u"satzung.md"_s), qPrintable(f.questions->answerText()));
    }

    void research_offersStaffPublishedCollections_andSaysWhenThereIsNoEvidence()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        const qint64 id = f.curation->importFiles({ f.law(u"verfahrensgesetz.md"_s, 4) }, ProtectionClass::Normal).ids.value(0);
        QVERIFY(f.waitIdle());
        QVERIFY(f.curation->createCollection(u"Entwurf"_s, ProtectionClass::Normal));
        QVERIFY(f.curation->createCollection(u"Verwaltungsrecht"_s, ProtectionClass::Normal));
        QVERIFY(!f.curation->assign({ id }, u"Verwaltungsrecht"_s).changed.isEmpty());
        QVERIFY(f.curation->setPublished(u"Verwaltungsrecht"_s, true));
        QVERIFY(!f.research->choose(u"Entwurf"_s)); // not published: staff do not see it
        QVERIFY(f.research->choose(u"Verwaltungsrecht"_s));
        QVERIFY(f.askAndWait(*f.research, u"Wie entscheidet die Behörde über den Antrag?"_s));
        QVERIFY2(f.research->answerText().contains(u"verfahrensgesetz.md"_s), qPrintable(f.research->answerText()));
        const int chatBefore = f.chatRequests(*m_sim);
        QVERIFY(f.askAndWait(*f.research, u"Welche Zimmerpflanzen vertragen wenig Licht?"_s));
        QVERIFY2(f.research->status().contains(u"no evidence"_s), qPrintable(f.research->status()));
        QCOMPARE(f.chatRequests(*m_sim), chatBefore);
    }

    void mainWindow_withEveryService_walksEveryViewWithoutAnUnnamedControl_inReadingOrder()
    {
        // The whole app as the composition root builds it: each view is the real page, not a
        // placeholder, and every interactive control in it has an accessible name.
        Fixture f;
        QVERIFY(f.open(*m_sim));
        auto conversations = storage::ConversationStore::open(f.profile.path() + u"/conversations.sqlite"_s);
        QVERIFY(conversations);
        ui::MainWindow::Services services;
        services.curation = f.curation.get();
        services.canManage = true;
        services.conversations = conversations->get();
        services.models = &f.gateway->models();
        services.functions = f.functions.get();
        ui::MainWindow window(*f.settings, f.profile.path(), services);
        QVERIFY(qobject_cast<ui::QuestionPage*>(window.page(ui::ViewId::Documents)));
        QVERIFY(qobject_cast<ui::QuestionPage*>(window.page(ui::ViewId::Research)));
        QVERIFY(qobject_cast<SummaryPage*>(window.page(ui::ViewId::Summarize)));
        QVERIFY(qobject_cast<ui::GenerationPage*>(window.page(ui::ViewId::Generate)));
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const ui::ViewId view : ui::allViews()) {
            window.showView(view);
            const QStringList unnamed = test::widgetsWithoutAccessibleName(window.page(view));
            QVERIFY2(unnamed.isEmpty(), qPrintable(ui::viewName(view) + u": "_s + unnamed.join(u", "_s)));
            // Tab reaches every control, top to bottom within each column.
            const QStringList order = test::tabOrderProblems(window.page(view));
            QVERIFY2(order.isEmpty(), qPrintable(ui::viewName(view) + u": "_s + order.join(u"; "_s)));
            QVERIFY(test::tabOrder(window.page(view)).size() >= 3);
        }
    }

    void everyControl_hasAnAccessibleName()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        for (QWidget* page : std::initializer_list<QWidget*> { f.page.get(), f.drafts.get(), f.questions.get(), f.research.get() }) {
            const QStringList unnamed = test::widgetsWithoutAccessibleName(page);
            QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
        }
    }

    /// With GENIUS_SCREENSHOT_DIR set (under Xvfb, see the README): the summary, generation and
    /// research views with real results, and the settings view, in GENIUS_SCREENSHOT_LANGUAGE.
    void screenshots()
    {
        bool languageInstalled = false;
        const QString target = test::screenshotDirectory(&languageInstalled);
        if (target.isEmpty())
            QSKIP("Set GENIUS_SCREENSHOT_DIR to save screenshots of the views.");
        QVERIFY(languageInstalled);
        const QString pdf = QStringLiteral(GENIUS_CORPUS_DIR "/pdf/BauNVO_libreoffice.pdf");
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        Fixture f;
        QVERIFY(f.open(*m_sim));
        f.page->enableSources(f.functions->sources()); // as the main window builds them
        f.research->enableSources(f.functions->sources());
        const qint64 id = f.curation->importFiles({ pdf, f.law(u"verfahrensgesetz.md"_s, 4) }, ProtectionClass::Normal).ids.value(0);
        QVERIFY(f.waitIdle());
        QVERIFY(f.page->chooseDocument(id));
        f.page->findChild<QLineEdit*>(u"summaryAspect"_s)->setText(u"Gewerbegebiete"_s);
        QVERIFY(f.summarizeAndWait());
        f.page->resize(1200, 800);
        QVERIFY(test::saveScreenshot(*f.page, target, u"summary.png"_s));

        QVERIFY(f.drafts->chooseTemplate(u"buergeranfrage"_s));
        f.drafts->setMaterial(u"- Anfrage von Frau Schmidt zur Bebauung des Grundstücks Lindenweg 4\n"
                              "- Fläche liegt im Gewerbegebiet nach § 8 BauNVO\n- Bauvoranfrage empfohlen"_s);
        QVERIFY(f.draftAndWait());
        f.drafts->resize(1200, 800);
        QVERIFY(test::saveScreenshot(*f.drafts, target, u"generation.png"_s));

        QVERIFY(f.curation->createCollection(u"Baurecht"_s, ProtectionClass::Normal));
        QVERIFY(!f.curation->assign({ id }, u"Baurecht"_s).changed.isEmpty());
        QVERIFY(f.curation->setPublished(u"Baurecht"_s, true));
        QVERIFY(f.research->choose(u"Baurecht"_s));
        const QString question = u"Welche Anlagen sind in Gewerbegebieten zulässig?"_s;
        f.research->findChild<QPlainTextEdit*>(u"questionText"_s)->setPlainText(question);
        QVERIFY(f.askAndWait(*f.research, question));
        f.research->resize(1200, 800);
        QVERIFY(test::saveScreenshot(*f.research, target, u"research.png"_s));
    }

private:
    std::unique_ptr<sim::SimulatorProcess> m_sim;
};

QTEST_MAIN(TestFunctionPages)
#include "tst_functionpages.moc"
