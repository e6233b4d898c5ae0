// The chat view offscreen against the gateway simulator over real sockets, with a real
// conversation store: sending streams and stores, stopping keeps the partial answer, the
// model picker offers only cleared models, very-high never leaves, regenerate adds a sibling.
#include "core/security/memorysecretstore.h"
#include "core/services/conversationchat.h"
#include "core/services/gatewayservices.h"
#include "core/settings/settings.h"
#include "core/storage/conversationstore.h"
#include "fixture/simulatorprocess.h"
#include "gui/guitestsupport.h"
#include "gui/screenshotsupport.h"
#include "ui/chatpage.h"
#include "ui/contrast.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

#include <memory>

using namespace genius;
using namespace Qt::StringLiterals;
using domain::ProtectionClass;
using ui::ChatPage;

namespace {

struct Fixture {
    test::TestProfile profile;
    std::unique_ptr<settings::Settings> settings;
    security::MemorySecretStore secrets;
    std::unique_ptr<services::GatewayServices> gateway;
    std::unique_ptr<storage::ConversationStore> store;
    std::unique_ptr<services::ConversationChat> chat;
    std::unique_ptr<ChatPage> page;

    bool open(const sim::SimulatorProcess* simulator)
    {
        if (simulator)
            profile.saveUserValue(u"gateway/url"_s, simulator->baseUrl().toString());
        settings = std::make_unique<settings::Settings>(profile.locations());
        auto opened = storage::ConversationStore::open(profile.path() + u"/conversations.sqlite"_s);
        if (!opened)
            return false;
        store = std::move(*opened);
        ChatPage::Services services;
        services.store = store.get();
        if (simulator) {
            gateway = std::make_unique<services::GatewayServices>(*settings, profile.path());
            bool resolved = false;
            gateway->resolveApiKey(secrets, [&resolved](std::optional<common::Error>) { resolved = true; });
            if (!QTest::qWaitFor([&resolved] { return resolved; }, 5000))
                return false;
            chat = std::make_unique<services::ConversationChat>(*store, gateway->chat(),
                services::ConversationChat::Defaults { u"sim-sovereign"_s, {} });
            services.chat = chat.get();
            services.models = &gateway->models();
        }
        services.defaultModel = u"sim-sovereign"_s;
        page = std::make_unique<ChatPage>(services);
        return true;
    }

    template <typename T>
    T* child(const QString& name) const
    {
        return page->findChild<T*>(name);
    }

    bool sendAndWait(const QString& prompt)
    {
        QSignalSpy ended(page.get(), &ChatPage::answerEnded);
        page->send(prompt);
        return ended.size() > 0 || ended.wait(20000);
    }

    QList<storage::MessageRecord> path() const
    {
        return store->activePath(page->currentConversation()).value_or(QList<storage::MessageRecord>());
    }
};

} // namespace

class TestChatPage final : public QObject
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

    void send_streamsTheAnswerAndStoresTheConversation()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QVERIFY(f.sendAndWait(u"Wie beantrage ich einen Bewohnerparkausweis?"_s));
        const auto path = f.path();
        QCOMPARE(path.size(), 2);
        QCOMPARE(path.at(0).content, u"Wie beantrage ich einen Bewohnerparkausweis?"_s);
        QCOMPARE(path.at(1).state, storage::MessageState::Complete);
        QVERIFY(!path.at(1).content.isEmpty());
        // The transcript shows question and answer (as rendered Markdown, so compare a word).
        const QString firstWord = path.at(1).content.section(u' ', 0, 0).remove(u'*');
        QVERIFY2(f.page->transcriptText().contains(u"Bewohnerparkausweis"_s), qPrintable(f.page->transcriptText()));
        QVERIFY2(f.page->transcriptText().contains(firstWord), qPrintable(firstWord));
        QVERIFY(f.page->status().contains(u"Tokens"_s));
        QCOMPARE(f.child<QListWidget>(u"conversationList"_s)->count(), 1);
        // The next question continues the same conversation.
        QVERIFY(f.sendAndWait(u"Und was kostet er?"_s));
        QCOMPARE(f.path().size(), 4);
        QCOMPARE(f.store->conversations()->size(), 1);
    }

    void stop_keepsThePartialAnswerAsStopped()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QVERIFY(m_sim->setFault(u"slow-chunks"_s, 1, { { u"gap_ms"_s, 300 } }));
        QSignalSpy ended(f.page.get(), &ChatPage::answerEnded);
        f.page->send(u"Wie lange dauert eine Baugenehmigung?"_s);
        QVERIFY(f.page->isStreaming());
        QVERIFY(!f.child<QPushButton>(u"sendButton"_s)->isEnabled());
        auto* stop = f.child<QPushButton>(u"stopButton"_s);
        QVERIFY(stop->isEnabled());
        const QString before = f.page->transcriptText();
        QTRY_VERIFY_WITH_TIMEOUT(f.page->transcriptText().size() > before.size(), 10000);
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(ended.size() > 0 || ended.wait(10000));
        const auto path = f.path();
        QCOMPARE(path.size(), 2);
        QCOMPARE(path.at(1).state, storage::MessageState::Cancelled);
        QVERIFY(!path.at(1).content.isEmpty());
        QVERIFY(f.page->transcriptText().contains(ChatPage::tr("(Stopped.)")));
        QVERIFY(f.child<QPushButton>(u"sendButton"_s)->isEnabled());
    }

    void modelPicker_offersOnlyModelsClearedForTheClass()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        auto* models = f.child<QComboBox>(u"modelPicker"_s);
        QTRY_VERIFY_WITH_TIMEOUT(models->count() > 1, 10000);
        const auto enabled = [models](const QString& id) {
            const int row = models->findData(id);
            return row >= 0 && qobject_cast<QStandardItemModel*>(models->model())->item(row)->isEnabled();
        };
        QVERIFY(models->findData(u"sim-embed"_s) < 0); // embedding models are no chat partners
        QVERIFY(!enabled(u"sim-public"_s)); // the default class is normal
        QVERIFY(enabled(u"sim-sovereign"_s));
        auto* cls = f.child<QComboBox>(u"requestClass"_s);
        cls->setCurrentIndex(cls->findData(static_cast<int>(ProtectionClass::High)));
        QVERIFY(!enabled(u"sim-sovereign"_s));
        QVERIFY(enabled(u"sim-onprem"_s));
        models->setCurrentIndex(models->findData(u"sim-onprem"_s));
        QVERIFY(f.sendAndWait(u"Bitte prüfe den Bescheid."_s));
        QCOMPARE(f.path().at(1).model, u"sim-onprem"_s);
        // The conversation is high now: normal cannot be chosen again.
        QVERIFY(!qobject_cast<QStandardItemModel*>(cls->model())
                     ->item(cls->findData(static_cast<int>(ProtectionClass::Normal)))
                     ->isEnabled());
        QVERIFY(f.child<QLabel>(u"classBanner"_s)->text().contains(ChatPage::tr("goes only to on-premises models")));
    }

    void veryHigh_neverLeavesTheWorkstation()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QTRY_VERIFY_WITH_TIMEOUT(f.child<QComboBox>(u"modelPicker"_s)->count() > 1, 10000); // the catalogue came
        auto* cls = f.child<QComboBox>(u"requestClass"_s);
        cls->setCurrentIndex(cls->findData(static_cast<int>(ProtectionClass::VeryHigh)));
        const int requestsBefore = m_sim->logLineCount();
        QVERIFY(f.sendAndWait(u"Vertraulicher Personalvorgang"_s));
        QVERIFY(!f.page->status().isEmpty());
        QCOMPARE(m_sim->logLineCount(), requestsBefore);
        QCOMPARE(f.store->conversations()->size(), 0);
        QVERIFY(f.child<QLabel>(u"classBanner"_s)->text().contains(ChatPage::tr("never leaves this workstation")));
    }

    void regenerate_addsASecondAnswerBesideTheFirst()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QVERIFY(f.sendAndWait(u"Was ist ein Verwaltungsakt?"_s));
        const QString firstAnswer = f.path().at(1).id;
        QSignalSpy ended(f.page.get(), &ChatPage::answerEnded);
        QTest::mouseClick(f.child<QPushButton>(u"regenerateButton"_s), Qt::LeftButton);
        QVERIFY(ended.size() > 0 || ended.wait(20000));
        const auto path = f.path();
        QCOMPARE(path.size(), 2);
        QVERIFY(path.at(1).id != firstAnswer);
        QCOMPARE(f.store->siblings(path.at(1).id)->size(), 2);
    }

    void versionLinks_switchBetweenTheAnswers_andTheNextQuestionFollowsTheShownOne()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QVERIFY(f.sendAndWait(u"Was ist ein Verwaltungsakt?"_s));
        const QString firstAnswer = f.path().at(1).id;
        QVERIFY(!f.page->transcriptText().contains(u"version 1 of"_s)); // one answer: no versions shown
        QSignalSpy ended(f.page.get(), &ChatPage::answerEnded);
        QTest::mouseClick(f.child<QPushButton>(u"regenerateButton"_s), Qt::LeftButton);
        QVERIFY(ended.size() > 0 || ended.wait(20000));
        const QString secondAnswer = f.path().at(1).id;
        QVERIFY(f.page->transcriptText().contains(u"version 2 of 2"_s));
        QVERIFY(f.page->transcriptText().contains(u"‹ earlier version"_s));
        QVERIFY(!f.page->transcriptText().contains(u"later version ›"_s));

        // The link to the earlier version, clicked as a user does.
        auto* transcript = f.child<QTextBrowser>(u"transcript"_s);
        f.page->resize(1000, 700);
        f.page->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.page.get()));
        QPoint at(-1, -1);
        for (QTextBlock block = transcript->document()->begin(); block.isValid() && at.x() < 0; block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                if (!it.fragment().charFormat().anchorHref().endsWith(firstAnswer))
                    continue;
                QTextCursor cursor(transcript->document());
                cursor.setPosition(it.fragment().position() + 2);
                at = transcript->cursorRect(cursor).center();
                break;
            }
        }
        QVERIFY(at.x() >= 0);
        QTest::mouseClick(transcript->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(f.path().at(1).id, firstAnswer);
        QVERIFY(f.page->transcriptText().contains(u"version 1 of 2"_s));
        QVERIFY(f.page->transcriptText().contains(u"later version ›"_s));
        QVERIFY2(f.page->status().contains(u"version 1 of 2"_s), qPrintable(f.page->status()));
        // The next question continues from the version shown.
        QVERIFY(f.sendAndWait(u"Und wer erlässt ihn?"_s));
        const auto path = f.path();
        QCOMPARE(path.size(), 4);
        QCOMPARE(path.at(1).id, firstAnswer);
        QVERIFY(f.page->showVersion(secondAnswer));
        QCOMPARE(f.path().size(), 2); // the second answer's branch has no follow-up
    }

    void budget_isShownWhereTheGatewayReportsIt()
    {
        // A key with a budget of 5 EUR on a simulator of its own.
        sim::SimulatorProcess budgeted({u"--key"_s, sim::SimulatorProcess::defaultKey() + u":budget=5"_s});
        QVERIFY2(budgeted.isRunning(), qPrintable(budgeted.errorString()));
        Fixture f;
        QVERIFY(f.open(&budgeted));
        QTRY_VERIFY_WITH_TIMEOUT(!f.page->budgetText().isEmpty(), 10000);
        QVERIFY(f.sendAndWait(u"Was ist ein Verwaltungsakt?"_s));
        QVERIFY2(f.page->budgetText().startsWith(u"Budget: 0.0000 of 5.00 spent"_s), qPrintable(f.page->budgetText()));
        // The answer spent something: the line follows.
        QTRY_VERIFY2(f.page->budgetText().contains(u"of 5.00 spent"_s)
                         && !f.page->budgetText().startsWith(u"Budget: 0.0000 "_s),
                     qPrintable(f.page->budgetText()));
        // Without a budget only the spend is shown.
        Fixture plain;
        QVERIFY(plain.open(m_sim.get()));
        QVERIFY(plain.sendAndWait(u"Was ist ein Verwaltungsakt?"_s));
        QTRY_VERIFY2(plain.page->budgetText().startsWith(u"Spent: "_s), qPrintable(plain.page->budgetText()));
    }

    void classBanner_isReadableInEveryClass_underTheDefaultAndAHighContrastTheme()
    {
        // A high-contrast theme: white on black, yellow selection.
        QPalette contrast;
        for (const auto role : {QPalette::Window, QPalette::Base, QPalette::Button})
            contrast.setColor(role, Qt::black);
        for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            contrast.setColor(role, Qt::white);
        contrast.setColor(QPalette::Highlight, Qt::yellow);
        contrast.setColor(QPalette::HighlightedText, Qt::black);
        for (const QPalette& palette : {QApplication::palette(), contrast}) {
            for (const ProtectionClass cls :
                 {ProtectionClass::None, ProtectionClass::Normal, ProtectionClass::High, ProtectionClass::VeryHigh}) {
                const double ratio = ui::contrastRatio(ui::classBannerColour(cls, palette), palette.color(QPalette::Text));
                QVERIFY2(ratio >= 4.5, qPrintable(u"class %1: %2:1"_s.arg(static_cast<int>(cls)).arg(ratio))); // WCAG AA
            }
        }
        // The banners of the classes differ (the colour repeats the class the text names).
        QVERIFY(ui::classBannerColour(ProtectionClass::High, contrast) != ui::classBannerColour(ProtectionClass::VeryHigh, contrast));

        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        auto* banner = f.child<QLabel>(u"classBanner"_s);
        f.page->setPalette(contrast);
        QVERIFY2(banner->styleSheet().contains(u"color: #ffffff"_s), qPrintable(banner->styleSheet()));
        f.page->setPalette(QApplication::palette());
        QVERIFY2(banner->styleSheet().contains(QApplication::palette().color(QPalette::Text).name()),
                 qPrintable(banner->styleSheet()));
    }

    void editQuestion_startsANewBranch_andExportWritesTheConversation()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QVERIFY(f.sendAndWait(u"Wie hoch ist die Hundesteuer?"_s));
        const QString firstQuestion = f.path().at(0).id;
        QTest::mouseClick(f.child<QPushButton>(u"editButton"_s), Qt::LeftButton);
        auto* input = f.child<QPlainTextEdit>(u"questionInput"_s);
        QCOMPARE(input->toPlainText(), u"Wie hoch ist die Hundesteuer?"_s);
        input->setPlainText(u"Wie hoch ist die Hundesteuer für zwei Hunde?"_s);
        QSignalSpy ended(f.page.get(), &ChatPage::answerEnded);
        input->setFocus();
        QTest::keyClick(input, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(ended.size() > 0 || ended.wait(20000));
        const auto path = f.path();
        QCOMPARE(path.size(), 2);
        QCOMPARE(path.at(0).content, u"Wie hoch ist die Hundesteuer für zwei Hunde?"_s);
        QCOMPARE(f.store->siblings(path.at(0).id)->size(), 2); // the first question stays beside it
        QVERIFY(path.at(0).id != firstQuestion);
        QVERIFY(!f.page->transcriptText().contains(u"Hundesteuer?"_s));

        const QString file = f.profile.path() + u"/unterhaltung.md"_s;
        QVERIFY(f.page->exportTo(file));
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(exported.readAll()).contains(u"zwei Hunde"_s));
        QVERIFY(!f.page->exportTo(f.profile.path() + u"/unterhaltung.xyz"_s));
    }

    void mainAgent_suggestsAnotherFunction_withOneClickEitherWay()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QTRY_VERIFY_WITH_TIMEOUT(f.child<QComboBox>(u"modelPicker"_s)->count() > 1, 10000);
        const int requestsBefore = m_sim->logLineCount();
        const QString request = u"Fasse mir den Bescheid im Hinblick auf die Fristen zusammen"_s;
        f.page->send(request);
        // Nothing was sent: the agent says which function it recognised and why.
        QVERIFY(!f.page->isStreaming());
        QCOMPARE(m_sim->logLineCount(), requestsBefore);
        QVERIFY2(f.page->suggestion().contains(ui::viewTitle(ui::ViewId::Summarize)), qPrintable(f.page->suggestion()));
        QSignalSpy chosen(f.page.get(), &ChatPage::functionChosen);
        QTest::mouseClick(f.child<QPushButton>(u"followSuggestionButton"_s), Qt::LeftButton);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(0).value<services::AssistantFunction>(), services::AssistantFunction::Summarize);
        QCOMPARE(chosen.first().at(1).toString(), request);
        QVERIFY(f.page->suggestion().isEmpty());

        // The other click keeps it in the chat.
        f.page->send(request);
        QSignalSpy ended(f.page.get(), &ChatPage::answerEnded);
        QTest::mouseClick(f.child<QPushButton>(u"askInChatButton"_s), Qt::LeftButton);
        QVERIFY(ended.size() > 0 || ended.wait(20000));
        QCOMPARE(f.path().size(), 2);
        // A plain chat question goes straight out.
        f.page->newConversation();
        QVERIFY(f.sendAndWait(u"Wie geht es dir heute?"_s));
        QVERIFY(f.page->suggestion().isEmpty());
    }

    void mainWindow_followsTheAgentToTheChosenView()
    {
        Fixture f;
        QVERIFY(f.open(nullptr)); // recognising is local: no gateway needed
        ui::MainWindow::Services services;
        services.conversations = f.store.get();
        ui::MainWindow window(*f.settings, f.profile.path(), services);
        auto* page = qobject_cast<ChatPage*>(window.page(ui::ViewId::Chat));
        QVERIFY(page);
        page->send(u"Recherchiere in den Sammlungen, welche Fristen für Widersprüche gelten"_s);
        QVERIFY2(page->suggestion().contains(ui::viewTitle(ui::ViewId::Research)), qPrintable(page->suggestion()));
        QTest::mouseClick(page->findChild<QPushButton*>(u"followSuggestionButton"_s), Qt::LeftButton);
        QCOMPARE(window.currentView(), ui::ViewId::Research);
    }

    void openingAStoredConversation_showsItAndItsClass()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QTRY_VERIFY_WITH_TIMEOUT(f.child<QComboBox>(u"modelPicker"_s)->count() > 1, 10000);
        auto* cls = f.child<QComboBox>(u"requestClass"_s);
        cls->setCurrentIndex(cls->findData(static_cast<int>(ProtectionClass::High)));
        // The default model (sovereign cloud) is not cleared for high: a cleared one is chosen.
        QCOMPARE(f.page->chosenModel(), u"sim-onprem"_s);
        QVERIFY(f.sendAndWait(u"Erste Frage zur Gewerbeanmeldung"_s));
        const QString id = f.page->currentConversation();
        f.page->newConversation();
        QVERIFY(!f.page->transcriptText().contains(u"Gewerbeanmeldung"_s));
        QCOMPARE(f.page->requestClass(), ProtectionClass::Normal);
        f.page->openConversation(id);
        QVERIFY(f.page->transcriptText().contains(u"Gewerbeanmeldung"_s));
        QCOMPARE(f.page->requestClass(), ProtectionClass::High);
        // Search finds it by a word of the question.
        auto* search = f.page->findChild<QLineEdit*>(u"conversationSearch"_s);
        search->setText(u"gewerbe"_s);
        QCOMPARE(f.child<QListWidget>(u"conversationList"_s)->count(), 1);
        search->setText(u"Baugenehmigung"_s);
        QCOMPARE(f.child<QListWidget>(u"conversationList"_s)->count(), 0);
    }

    void withoutAGateway_conversationsCanBeReadButNothingSent()
    {
        Fixture f;
        QVERIFY(f.open(nullptr));
        QVERIFY(!f.child<QPushButton>(u"sendButton"_s)->isEnabled());
        QVERIFY(f.child<QPlainTextEdit>(u"questionInput"_s)->isReadOnly());
        QVERIFY(!f.page->status().isEmpty());
    }

    void everyControl_hasAnAccessibleName()
    {
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        const QStringList unnamed = test::widgetsWithoutAccessibleName(f.page.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    }

    /// With GENIUS_SCREENSHOT_DIR set (under Xvfb, see the README): the view after two
    /// questions, saved as chat.png, in the language of GENIUS_SCREENSHOT_LANGUAGE.
    void screenshot()
    {
        bool languageInstalled = false;
        const QString target = test::screenshotDirectory(&languageInstalled);
        if (target.isEmpty())
            QSKIP("Set GENIUS_SCREENSHOT_DIR to save a screenshot of the view.");
        QVERIFY(languageInstalled);
        Fixture f;
        QVERIFY(f.open(m_sim.get()));
        QTRY_VERIFY_WITH_TIMEOUT(f.child<QComboBox>(u"modelPicker"_s)->count() > 1, 10000);
        QVERIFY(f.sendAndWait(u"Welche Unterlagen brauche ich für einen Wohngeldantrag?"_s));
        QVERIFY(f.sendAndWait(u"Und wie lange dauert die Bearbeitung?"_s));
        f.page->resize(1400, 860);
        QVERIFY(test::saveScreenshot(*f.page, target, u"chat.png"_s));
    }

private:
    std::unique_ptr<sim::SimulatorProcess> m_sim;
};

QTEST_MAIN(TestChatPage)
#include "tst_chatpage.moc"
