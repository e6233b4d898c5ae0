// Where a cited passage stands: the words of a passage found again in a stored page, their
// boxes joined per line, and a real PDF of the corpus imported and located page by page.
#include "core/index/indexdatabase.h"
#include "core/services/sourceservice.h"
#include "unit/models/importtestsupport.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <QTest>

using namespace genius;
using namespace Qt::StringLiterals;
using services::findPassage;
using services::OriginalState;
using services::TextSpan;

namespace {

QString spanText(const QString& text, TextSpan span)
{
    return span.start < 0 ? QString() : text.mid(span.start, span.length);
}

// The words of a stored page from `first` (word index) on, `count` of them, as the text a
// source would carry: joined by single spaces, whatever the page had between them.
QString wordsFrom(const documents::PageText& page, int first, int count)
{
    QStringList words;
    for (int i = first; i < first + count && i < page.words.size(); ++i)
        words.append(page.text.mid(page.words.at(i).offset, page.words.at(i).length));
    return words.join(u' ');
}

} // namespace

class TestSourceService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsPassageAcrossSpacingAndCase()
    {
        const QString page = u"§ 1 Fristen\nDie Frist\nbeträgt einen  Monat. Weitere Sätze folgen."_s;
        QCOMPARE(spanText(page, findPassage(page, u"Die Frist beträgt einen Monat."_s)),
                 u"Die Frist\nbeträgt einen  Monat"_s);
        QCOMPARE(spanText(page, findPassage(page, u"DIE FRIST BETRÄGT EINEN MONAT"_s)),
                 u"Die Frist\nbeträgt einen  Monat"_s);
    }

    void stepsOverOcrErrorsAndLostWords()
    {
        const QString page = u"Vorab. Die Frlst beträgt einen Monat nach Zugang. Ende."_s;
        QCOMPARE(spanText(page, findPassage(page, u"Die Frist beträgt einen Monat nach Zugang"_s)),
                 u"Die Frlst beträgt einen Monat nach Zugang"_s);
        // The passage starts with a heading the page does not have at that place.
        QCOMPARE(spanText(page, findPassage(page, u"Fristberechnung: Die Frlst beträgt einen Monat"_s)),
                 u"Die Frlst beträgt einen Monat"_s);
    }

    void refusesWhatIsNotThere()
    {
        const QString page = u"Die Frist beträgt einen Monat."_s;
        QCOMPARE(findPassage(page, u"Der Antrag ist schriftlich zu stellen."_s).start, -1);
        QCOMPARE(findPassage(page, u"Die Gebühr"_s).start, -1); // one word alike is not a passage
        QCOMPARE(findPassage(page, QString()).start, -1);
        QCOMPARE(findPassage(QString(), page).start, -1);
    }

    void narrowsAWholePageToTheCitedSentence()
    {
        const QString page = u"Allgemeine Vorschriften gelten für alle Behörden des Landes. Die Widerspruchsfrist "
                             "beträgt einen Monat nach Bekanntgabe des Bescheides. Die Gebühren richten sich nach "
                             "der Gebührenordnung."_s;
        QCOMPARE(services::focusSentence(page, u"Gegen den Bescheid gilt eine Widerspruchsfrist von einem Monat "
                                                "ab Bekanntgabe [1]."_s),
                 u"Die Widerspruchsfrist beträgt einen Monat nach Bekanntgabe des Bescheides."_s);
        QVERIFY(services::focusSentence(page, u"Hunde sind an der Leine zu führen [1]."_s).isEmpty());
        QVERIFY(services::focusSentence(u"Die Widerspruchsfrist beträgt einen Monat."_s,
                                        u"Die Widerspruchsfrist beträgt einen Monat [1]."_s).isEmpty()); // one sentence: nothing to narrow
    }

    void joinsWordBoxesPerLine()
    {
        // "Erste Zeile hier\nzweite Zeile dort": words at 0, 6, 12 | 17, 24, 30.
        const QList<documents::WordBox> boxes{
            {{10, 100, 30, 10}, 0, 5},  {{45, 100, 30, 10}, 6, 5},  {{80, 100, 20, 10}, 12, 4},
            {{10, 114, 35, 10}, 17, 6}, {{50, 114, 30, 10}, 24, 5}, {{85, 114, 20, 10}, 30, 4}};
        const QList<QRectF> lines = services::passageRectangles(boxes, TextSpan{12, 18}); // "hier … Zeile "
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), QRectF(80, 100, 20, 10)); // "hier" alone on the first line
        QCOMPARE(lines.at(1), QRectF(10, 114, 70, 10)); // "zweite Zeile", not "dort"
        QVERIFY(services::passageRectangles(boxes, TextSpan{}).isEmpty());
    }

    void locatesPassagesOfAnImportedPdf()
    {
        const QString corpusPdf = QStringLiteral(GENIUS_CORPUS_DIR "/pdf/BauNVO_libreoffice.pdf");
        if (!QFile::exists(corpusPdf))
            QSKIP("the shared corpus is not available");
        test::IndexFixture fixture;
        QVERIFY(fixture.openIndex());
        const QString pdf = fixture.dir.filePath(u"BauNVO.pdf"_s);
        QVERIFY(QFile::copy(corpusPdf, pdf));
        const qint64 id = fixture.queue->enqueue(pdf, domain::ProtectionClass::Normal).id;
        QVERIFY(id > 0);
        QVERIFY(fixture.waitIdle());
        const auto pages = fixture.database->pages(id, true);
        QVERIFY(pages && pages->size() > 4);
        const documents::PageText& third = pages->at(2);
        QVERIFY(third.words.size() > 80);

        services::SourceService sources(*fixture.database);
        services::AnswerSource cited{id, u"BauNVO.pdf"_s, 3, 3, wordsFrom(third, 30, 40), domain::ProtectionClass::Normal};
        auto passage = sources.locate(cited);
        QVERIFY(passage);
        QVERIFY(passage->found);
        QVERIFY(passage->showsPdf());
        QCOMPARE(passage->original, OriginalState::Available);
        QCOMPARE(passage->page, 3);
        const services::SourcePage* page = passage->citedPage();
        QVERIFY(page);
        QCOMPARE(page->number, 3);
        // The span starts at word 30 and ends at word 69 of the page.
        QCOMPARE(page->passageStart, qsizetype(third.words.at(30).offset));
        QCOMPARE(page->passageStart + page->passageLength, qsizetype(third.words.at(69).offset + third.words.at(69).length));
        // The marks cover the boxes of the passage's words and lie on the page.
        QVERIFY(!page->highlight.isEmpty());
        for (const QRectF& line : page->highlight)
            QVERIFY(QRectF(QPointF(0, 0), third.size).contains(line));
        for (int i = 30; i < 70; ++i)
            QVERIFY2(std::any_of(page->highlight.cbegin(), page->highlight.cend(),
                                 [&](const QRectF& line) { return line.contains(third.words.at(i).box); }),
                     qPrintable(u"word %1 is not marked"_s.arg(i)));
        // The words just before and after the passage are not marked.
        for (const int outside : {29, 70})
            QVERIFY2(std::none_of(page->highlight.cbegin(), page->highlight.cend(),
                                  [&](const QRectF& line) { return line.contains(third.words.at(outside).box.center()); }),
                     qPrintable(u"word %1 is marked"_s.arg(outside)));

        // Cited with a wrong page number, the passage is still found on its page.
        cited.page = cited.lastPage = 2;
        passage = sources.locate(cited);
        QVERIFY(passage && passage->found);
        QCOMPARE(passage->page, 3);

        // Text that is not in the document: shown at the cited page, said to be not found.
        cited.text = u"Dieser Satz steht in keiner Verordnung über die bauliche Nutzung."_s;
        passage = sources.locate(cited);
        QVERIFY(passage);
        QVERIFY(!passage->found);
        QCOMPARE(passage->citedPage()->number, 2);

        // Verified once, the original is not read again while its size and time stay; changed in
        // place with the same size and a new time, it is checked again.
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        const QDateTime imported = QFileInfo(pdf).lastModified();
        const auto rewrite = [&](const QByteArray& content, int secondsLater) {
            QFile out(pdf);
            return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(content) == content.size()
                && out.setFileTime(imported.addSecs(secondsLater), QFileDevice::FileModificationTime);
        };
        QByteArray edited = bytes;
        edited[edited.size() / 2] = static_cast<char>(edited[edited.size() / 2] ^ 0x20);
        QVERIFY(rewrite(edited, 60));
        QCOMPARE(sources.locate(cited)->original, OriginalState::Changed);
        QVERIFY(rewrite(bytes, 120));
        QCOMPARE(sources.locate(cited)->original, OriginalState::Available);

        // The original changed or gone: the stored text is still there, the PDF is not shown.
        QVERIFY(test::writeFile(pdf, "%PDF-1.4 something else"));
        passage = sources.locate(cited);
        QVERIFY(passage);
        QCOMPARE(passage->original, OriginalState::Changed);
        QVERIFY(!passage->showsPdf());
        QVERIFY(QFile::remove(pdf));
        passage = sources.locate(cited);
        QVERIFY(passage);
        QCOMPARE(passage->original, OriginalState::Missing);
        QCOMPARE(passage->pages.size(), pages->size());

        // Pasted text has no document to show.
        QVERIFY(!sources.locate(services::AnswerSource{0, u"Text"_s, 0, 0, u"abc"_s, domain::ProtectionClass::Normal}));
    }
};

QTEST_GUILESS_MAIN(TestSourceService)
#include "tst_sourceservice.moc"
