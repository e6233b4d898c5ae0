#include "core/documents/documentreader.h"
#include "documentstesthelpers.h"

#include <QRegularExpression>
#include <QTest>

using namespace genius::documents;
using namespace Qt::StringLiterals;

namespace {

// A page whose words are recorded with offsets, as the PDF reader records them.
PageText makePage(int number, const QStringList& lines)
{
    PageText page;
    page.number = number;
    double top = 50;
    for (const QString& line : lines) {
        if (!page.text.isEmpty())
            page.text += u'\n';
        double left = 72;
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (i > 0)
                page.text += u' ';
            page.words.append(WordBox { QRectF(left, top, 6.0 * words[i].size(), 10),
                static_cast<qint32>(page.text.size()), static_cast<qint32>(words[i].size()) });
            page.text += words[i];
            left += 6.0 * words[i].size() + 4;
        }
        top += 12;
    }
    return page;
}

QStringList wordsOf(const PageText& page)
{
    QStringList words;
    for (const WordBox& word : page.words)
        words.append(page.text.mid(word.offset, word.length));
    return words;
}

} // namespace

class TestHeaderFooter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repeatedEdges_areRemovedAndOffsetsShift()
    {
        const QStringList topics { u"Antrag"_s, u"Frist"_s, u"Bescheid"_s, u"Widerspruch"_s, u"Klage"_s };
        QList<PageText> pages;
        for (int n = 1; n <= 5; ++n) {
            pages.append(makePage(n,
                { u"Amtsblatt NRW – Ausgabe 2024"_s, u"Seite %1 von 5"_s.arg(n), u""_s,
                    u"§ %1 Inhalt der Seite %1"_s.arg(n), u"Der Text über %1."_s.arg(topics[n - 1]), u""_s,
                    u"%1"_s.arg(n) }));
        }
        pages[2].text.replace(u"Amtsblatt NRW – Ausgabe 2024"_s, u"Amtsblatt NRW – Ausgabe 2025"_s); // digits vary
        removeRepeatedHeadersAndFooters(pages);
        for (int n = 1; n <= 5; ++n) {
            const PageText& page = pages[n - 1];
            QCOMPARE(page.text, u"§ %1 Inhalt der Seite %1\nDer Text über %2."_s.arg(n).arg(topics[n - 1]));
            // Words of removed lines are gone; the others still point at themselves.
            QCOMPARE(wordsOf(page),
                (QStringList { u"§"_s, u"%1"_s.arg(n), u"Inhalt"_s, u"der"_s, u"Seite"_s, u"%1"_s.arg(n), u"Der"_s,
                    u"Text"_s, u"über"_s, u"%1."_s.arg(topics[n - 1]) }));
            QCOMPARE(page.words.first().offset, 0);
        }
    }

    void linesOnFewPages_stay()
    {
        const QStringList chapters { u"Einleitung"_s, u"Zuständigkeit"_s, u"Verfahren"_s, u"Fristen"_s, u"Kosten"_s };
        QList<PageText> pages;
        for (int n = 1; n <= 5; ++n)
            pages.append(makePage(n,
                { n <= 2 ? u"Entwurf"_s : u"Kapitel %1"_s.arg(chapters[n - 1]),
                    u"Inhalt der Seite mit eigenem Text %1"_s.arg(QString(n, u'x')) }));
        const QList<PageText> before = pages;
        removeRepeatedHeadersAndFooters(pages);
        for (qsizetype i = 0; i < pages.size(); ++i)
            QCOMPARE(pages[i].text, before[i].text); // 2 of 5 pages is below 60 %
    }

    void repeatedBodyLines_stay()
    {
        QList<PageText> pages;
        for (int n = 1; n <= 4; ++n)
            pages.append(makePage(n,
                { u"Kopf %1 eigen"_s.arg(QString(n, u'k')), u"Zweite %1"_s.arg(QString(n, u'z')), u"(weggefallen)"_s,
                    u"Vorletzte %1"_s.arg(QString(n, u'v')), u"Fuß %1"_s.arg(QString(n, u'f')) }));
        removeRepeatedHeadersAndFooters(pages);
        for (const PageText& page : std::as_const(pages))
            QVERIFY(page.text.contains(u"(weggefallen)"_s)); // repeats, but not at an edge
    }

    void fewerThanThreePages_areUntouched()
    {
        QList<PageText> pages { makePage(1, { u"Kopf"_s, u"Text eins"_s, u"1"_s }),
            makePage(2, { u"Kopf"_s, u"Text zwei"_s, u"2"_s }) };
        const QList<PageText> before = pages;
        removeRepeatedHeadersAndFooters(pages);
        QCOMPARE(pages[0].text, before[0].text);
        QCOMPARE(pages[1].text, before[1].text);
    }

    // The corpus PDFs carry page numbers (LibreOffice) and "-N-" headers (groff).
    void corpusPdfs_loseTheirPageNumbers_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("pattern");
        QTest::newRow("libreoffice footer") << u"VwVfG_libreoffice.pdf"_s << u"^\\d+$"_s;
        QTest::newRow("groff header") << u"BHO_groff.pdf"_s << u"^-\\d+-$"_s;
    }

    void corpusPdfs_loseTheirPageNumbers()
    {
        QFETCH(QString, file);
        QFETCH(QString, pattern);
        const QString corpus = testing::corpusDir();
        if (corpus.isEmpty())
            QSKIP("The shared corpus is not available.");
        auto reader = openDocument(corpus + u"/pdf/"_s + file);
        QVERIFY(reader.has_value());
        QList<PageText> pages;
        const genius::common::CancellationToken token;
        for (int n = 1; n <= (*reader)->pageCount(); ++n) {
            auto page = (*reader)->readPage(n, token);
            QVERIFY(page.has_value());
            pages.append(*page);
        }
        const QRegularExpression pageNumber(pattern, QRegularExpression::MultilineOption);
        qsizetype numberedBefore = 0;
        for (const PageText& page : std::as_const(pages))
            numberedBefore += pageNumber.match(page.text).hasMatch() ? 1 : 0;
        QVERIFY2(
            numberedBefore >= pages.size() * 8 / 10, qPrintable(u"%1 of %2"_s.arg(numberedBefore).arg(pages.size())));

        const QList<PageText> before = pages;
        removeRepeatedHeadersAndFooters(pages);
        for (qsizetype i = 0; i < pages.size(); ++i) {
            const PageText& page = pages[i];
            QVERIFY2(!pageNumber.match(page.text).hasMatch(), qPrintable(u"page %1"_s.arg(page.number)));
            QVERIFY(!page.text.startsWith(u'\n') && !page.text.endsWith(u'\n'));
            // Only the page number went: the rest of the page is still there, words intact.
            QVERIFY(page.text.size() >= before[i].text.size() - 12);
            for (const WordBox& word : page.words) {
                const QString text = page.text.mid(word.offset, word.length);
                QVERIFY(!text.isEmpty() && !text.contains(u' ') && !text.contains(u'\n'));
            }
        }
        QVERIFY(pages[5].text.contains(u"§"_s));
    }
};

QTEST_GUILESS_MAIN(TestHeaderFooter)
#include "tst_headerfooter.moc"
