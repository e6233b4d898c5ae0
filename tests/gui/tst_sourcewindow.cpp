// Citations that open their source, offscreen over a real index and the gateway simulator: a
// click on [1] in an answer opens the original PDF (Qt Pdf) at the cited page with the cited
// sentence framed where the PDF has it; Markdown sources open in the stored text, scrolled to
// the passage and selected; a moved original falls back to the stored page text and says so.
#include "core/services/sourceservice.h"
#include "fixture/simulatorprocess.h"
#include "gui/functiontestsupport.h"
#include "gui/screenshotsupport.h"
#include "ui/citationlinks.h"
#include "ui/pdfpageview.h"
#include "ui/questionpage.h"
#include "ui/sourcewindow.h"
#include "ui/summarypage.h"

#include <QFile>
#include <QLineEdit>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace genius;
using namespace Qt::StringLiterals;
using domain::ProtectionClass;

namespace {

const QString kKeySentence = u"Die Widerspruchsfrist beträgt einen Monat nach Bekanntgabe des Bescheides."_s;
const QString kQuestion = u"Wie lange beträgt die Widerspruchsfrist gegen einen Bescheid?"_s;
constexpr int kKeyBaseline = 400; // points from the top of page 2
constexpr int kFillerBaseline = 100;

// Three A4 pages in points (72 dpi, no margins): the key sentence on page 2 at a known height.
bool writeNoticePdf(const QString& path)
{
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    painter.setFont(QFont(u"DejaVu Sans"_s, 11));
    const QStringList filler{u"Allgemeine Vorschriften gelten für alle Stellen der Gemeinde."_s,
                             u"Die Gebührenordnung regelt die Kosten der Verwaltung im Einzelnen."_s,
                             u"Zuständig ist das Amt für Ordnung und Sicherheit der Stadt."_s};
    for (int page = 1; page <= 3; ++page) {
        if (page > 1)
            writer.newPage();
        painter.drawText(60, kFillerBaseline, filler.at(page - 1));
        painter.drawText(60, kFillerBaseline + 16, u"Seite %1 der Bekanntmachung über Verwaltungsverfahren."_s.arg(page));
        if (page == 2)
            painter.drawText(60, kKeyBaseline, kKeySentence);
    }
    return painter.end();
}

// The point of the first anchor to source `number` in `view`, in viewport coordinates.
QPoint anchorPoint(QTextEdit& view, int number)
{
    const QString href = ui::sourceLink(number);
    for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref() != href)
                continue;
            // Between the link's first and second character: inside the link, not at its edge.
            QTextCursor cursor(view.document());
            cursor.setPosition(fragment.position());
            const QRect first = view.cursorRect(cursor);
            cursor.setPosition(fragment.position() + 1);
            return QPoint((first.left() + view.cursorRect(cursor).left()) / 2, first.center().y());
        }
    }
    return {-1, -1};
}

struct Fixture : test::FunctionFixture {
    std::unique_ptr<ui::QuestionPage> page;
    QString notice; ///< the path of the imported notice PDF

    bool open(const sim::SimulatorProcess& simulator)
    {
        if (!openServices(simulator))
            return false;
        page = std::make_unique<ui::QuestionPage>(ui::QuestionPage::Mode::Documents, functions->ask(),
                                                  &curation->documents(), &curation->collections(), true);
        page->enableSources(functions->sources());
        page->resize(1000, 800);
        page->show();
        return QTest::qWaitForWindowExposed(page.get());
    }

    /// The notice PDF written into the profile folder and imported; 0 when that fails.
    qint64 importNotice()
    {
        notice = dir.filePath(u"bekanntmachung.pdf"_s);
        return writeNoticePdf(notice) ? import(notice) : 0;
    }

    qint64 import(const QString& path)
    {
        const qint64 id = curation->importFiles({path}, ProtectionClass::Normal).ids.value(0);
        return waitIdle() ? id : 0;
    }

    bool askAbout(qint64 id, const QString& question)
    {
        if (!page->choose(QString::number(id)))
            return false;
        QSignalSpy finished(page.get(), &ui::QuestionPage::finished);
        page->ask(question);
        return finished.size() > 0 || finished.wait(30000);
    }

    QTextBrowser* answer() const { return page->findChild<QTextBrowser*>(u"answer"_s); }

    // Clicks the first link to source `number` in the answer, as a user does.
    bool clickCitation(int number)
    {
        const QPoint at = anchorPoint(*answer(), number);
        if (at.x() < 0)
            return false;
        QTest::mouseClick(answer()->viewport(), Qt::LeftButton, {}, at);
        return page->sourceOpener()->window() && page->sourceOpener()->window()->isVisible();
    }
};

} // namespace

class TestSourceWindow final : public QObject
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

    void pdfCitation_opensTheOriginalAtTheCitedPage_withTheSentenceFramed()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        const qint64 id = f.importNotice();
        QVERIFY(id > 0);
        QVERIFY(f.askAbout(id, kQuestion));
        QVERIFY2(f.page->answerText().contains(u"Widerspruchsfrist"_s), qPrintable(f.page->answerText()));

        QVERIFY2(f.clickCitation(1), qPrintable(f.answer()->toHtml().left(2000)));
        ui::SourceWindow* window = f.page->sourceOpener()->window();
        QVERIFY(window->showsPdf());
        QCOMPARE(window->currentPage(), 2);
        ui::PdfPageView* view = window->pdfView();
        QTRY_VERIFY(view->widget()->width() > 100);
        const QList<QRect> marks = view->marksOnPage();
        QCOMPARE(marks.size(), 1); // the one line of the cited sentence, not the whole page
        // Where the test drew the sentence: its line box around the baseline, in points.
        const QRectF inPoints(marks.first().left() / view->scale(), marks.first().top() / view->scale(),
                              marks.first().width() / view->scale(), marks.first().height() / view->scale());
        QVERIFY2(inPoints.top() < kKeyBaseline && inPoints.bottom() > kKeyBaseline - 4,
                 qPrintable(u"mark at %1..%2 pt"_s.arg(inPoints.top()).arg(inPoints.bottom())));
        QVERIFY(inPoints.left() > 50 && inPoints.left() < 70);
        QVERIFY(inPoints.bottom() < kKeyBaseline + 10);
        // The frame is drawn over the rendered page, and the rest of the page is not tinted.
        const QImage shown = view->widget()->grab().toImage();
        const QColor frame = view->palette().color(QPalette::Highlight);
        QCOMPARE(shown.pixelColor(marks.first().left(), marks.first().center().y()).rgb(), frame.rgb());
        QCOMPARE(shown.pixelColor(5, qRound(kFillerBaseline * view->scale())).rgb(), QColor(Qt::white).rgb());

        // Page by page with the buttons: no marks elsewhere, back again to the framed sentence.
        auto* next = window->findChild<QPushButton*>(u"sourceNextPage"_s);
        auto* previous = window->findChild<QPushButton*>(u"sourcePreviousPage"_s);
        QVERIFY(next && previous);
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(window->currentPage(), 3);
        QVERIFY(view->marksOnPage().isEmpty());
        QVERIFY(!next->isEnabled());
        QTest::mouseClick(previous, Qt::LeftButton);
        QCOMPARE(window->currentPage(), 2);
        QCOMPARE(view->marksOnPage().size(), 1);
        // Zoom keeps the mark on the sentence.
        const double fitted = view->scale();
        window->findChild<QPushButton*>(u"sourceZoomIn"_s)->click();
        QVERIFY(view->scale() > fitted);
        QVERIFY(qAbs(view->marksOnPage().first().top() / view->scale() - inPoints.top()) < 2.0);
        const QStringList unnamed = test::widgetsWithoutAccessibleName(window);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    }

    void keyboard_reachesTheCitationAndOpensIt()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        QVERIFY(f.askAbout(f.importNotice(), kQuestion));
        f.page->activateWindow();
        f.answer()->setFocus();
        QTRY_VERIFY(f.answer()->hasFocus());
        QTest::keyClick(f.answer(), Qt::Key_Tab); // the first link: the citation [1]
        QVERIFY2(f.answer()->textCursor().charFormat().isAnchor() || f.answer()->textCursor().hasSelection(),
                 "Tab did not reach a link");
        QTest::keyClick(f.answer(), Qt::Key_Return);
        QVERIFY(f.page->sourceOpener()->window());
        QTRY_VERIFY(f.page->sourceOpener()->window()->isVisible());
        QCOMPARE(f.page->sourceOpener()->window()->currentPage(), 2);
    }

    void markdownCitation_opensTheStoredTextAtThePassage()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        // A long Markdown document whose cited sentence stands near the end.
        QByteArray markdown = "# Satzung über Verwaltungsgebühren\n\n";
        for (int i = 1; i <= 60; ++i)
            markdown += "## § " + QByteArray::number(i) + " Allgemeines\n\nDie Gebühren werden nach Aufwand "
                        "bemessen und sind an die Stadtkasse zu zahlen.\n\n";
        markdown += "## § 61 Rechtsbehelf\n\n" + kKeySentence.toUtf8() + "\n";
        const QString path = f.dir.filePath(u"satzung.md"_s);
        QVERIFY(test::writeFile(path, markdown));
        const qint64 id = f.import(path);
        QVERIFY(f.askAbout(id, kQuestion));
        QVERIFY2(f.clickCitation(1), qPrintable(f.page->answerText() + f.page->status()));
        ui::SourceWindow* window = f.page->sourceOpener()->window();
        QVERIFY(!window->showsPdf());
        QTextBrowser* text = window->textView();
        QTRY_VERIFY(text->isVisible());
        QCOMPARE(text->textCursor().selectedText().simplified(), kKeySentence.chopped(1));
        // Scrolled down to it: the selection is inside the visible part of the text.
        QVERIFY(text->verticalScrollBar()->value() > 0);
        QVERIFY(text->viewport()->rect().contains(text->cursorRect().center()));
    }

    void movedOriginal_fallsBackToTheStoredPageText()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        QVERIFY(f.askAbout(f.importNotice(), kQuestion));
        QVERIFY(QFile::rename(f.notice, f.dir.filePath(u"archiv.pdf"_s)));
        QVERIFY(f.clickCitation(1));
        ui::SourceWindow* window = f.page->sourceOpener()->window();
        QVERIFY(!window->showsPdf());
        QVERIFY2(window->note().contains(u"no longer at"_s), qPrintable(window->note()));
        QCOMPARE(window->currentPage(), 2);
        QCOMPARE(window->textView()->textCursor().selectedText().simplified(), kKeySentence.chopped(1));
    }

    void summarySources_openFromTheEditableResult()
    {
        Fixture f;
        QVERIFY(f.open(*m_sim));
        const qint64 id = f.importNotice();
        QVERIFY(id > 0);
        ui::SummaryPage summary(f.functions->summaries(), &f.curation->documents());
        summary.enableSources(f.functions->sources());
        summary.resize(900, 700);
        summary.show();
        QVERIFY(QTest::qWaitForWindowExposed(&summary));
        QVERIFY(summary.chooseDocument(id));
        // The simulator quotes the sentences that share words with the request: the aspect's.
        summary.findChild<QLineEdit*>(u"summaryAspect"_s)->setText(u"Widerspruchsfrist nach Bekanntgabe des Bescheides"_s);
        QSignalSpy finished(&summary, &ui::SummaryPage::finished);
        summary.summarize();
        QVERIFY(finished.size() > 0 || finished.wait(30000));
        auto* result = summary.findChild<QTextEdit*>(u"summaryResult"_s);
        const QPoint at = anchorPoint(*result, 1);
        QVERIFY2(at.x() >= 0, qPrintable(summary.result()));
        QTest::mouseClick(result->viewport(), Qt::LeftButton, {}, at);
        QVERIFY(summary.sourceOpener()->window());
        QVERIFY(summary.sourceOpener()->window()->isVisible());
        QVERIFY(summary.sourceOpener()->window()->showsPdf());
        // What is saved or copied carries no internal links.
        QVERIFY(!summary.result().contains(u"genius-source"_s));
    }

    /// With GENIUS_SCREENSHOT_DIR set (under Xvfb): the source window over a cited PDF page.
    void screenshot()
    {
        bool languageInstalled = false;
        const QString target = test::screenshotDirectory(&languageInstalled);
        if (target.isEmpty())
            QSKIP("Set GENIUS_SCREENSHOT_DIR to save a screenshot of the view.");
        QVERIFY(languageInstalled);
        Fixture f;
        QVERIFY(f.open(*m_sim));
        QVERIFY(f.askAbout(f.importNotice(), kQuestion));
        QVERIFY(f.clickCitation(1));
        QVERIFY(test::saveScreenshot(*f.page, target, u"documents.png"_s));
        QVERIFY(test::saveScreenshot(*f.page->sourceOpener()->window(), target, u"source.png"_s));
    }

private:
    std::unique_ptr<sim::SimulatorProcess> m_sim;
};

QTEST_MAIN(TestSourceWindow)
#include "tst_sourcewindow.moc"
