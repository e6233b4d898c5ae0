#include "core/documents/pagebuilder.h"

#include <QTest>

using namespace genius::documents;
using namespace Qt::StringLiterals;

namespace {

// A line of words 10 pt high at `top`, each word 6 pt per character wide, 4 pt apart.
void addLine(std::vector<LayoutWord>& words, const QStringList& line, double top, double left = 72.0,
    bool startsParagraph = false, double height = 10.0)
{
    double x = left;
    for (qsizetype i = 0; i < line.size(); ++i) {
        LayoutWord word;
        word.text = line[i];
        word.box = QRectF(x, top, 6.0 * line[i].size(), height);
        word.endsLine = i + 1 == line.size();
        word.startsParagraph = startsParagraph && i == 0;
        words.push_back(word);
        x += word.box.width() + 4.0;
    }
}

// Every recorded word must be exactly its text in the page.
void verifyOffsets(const PageText& page, const QStringList& expectedWords)
{
    QCOMPARE(page.words.size(), expectedWords.size());
    for (qsizetype i = 0; i < expectedWords.size(); ++i) {
        const WordBox& word = page.words[i];
        QVERIFY(word.offset >= 0 && word.offset + word.length <= page.text.size());
        QCOMPARE(page.text.mid(word.offset, word.length), expectedWords[i]);
    }
}

} // namespace

class TestPageBuilder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lines_joinedByNewlineWithOffsets()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"Der"_s, u"Antrag"_s, u"ist"_s }, 100);
        addLine(words, { u"schriftlich"_s, u"einzureichen."_s }, 112);
        addLine(words, { u"Die"_s, u"Frist"_s, u"beträgt"_s }, 124);
        const PageText page = assemblePage(words, ParagraphBreaks::FromGaps);
        QCOMPARE(page.text, u"Der Antrag ist\nschriftlich einzureichen.\nDie Frist beträgt"_s);
        verifyOffsets(page,
            { u"Der"_s, u"Antrag"_s, u"ist"_s, u"schriftlich"_s, u"einzureichen."_s, u"Die"_s, u"Frist"_s,
                u"beträgt"_s });
        QCOMPARE(page.words[3].box, words[3].box);
    }

    void wideGap_startsParagraph()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"erste"_s, u"Zeile"_s }, 100);
        addLine(words, { u"zweite"_s, u"Zeile."_s }, 112);
        addLine(words, { u"dritte"_s, u"Zeile"_s }, 124);
        addLine(words, { u"Neuer"_s, u"Absatz."_s }, 142); // 8 pt gap where lines have 2
        addLine(words, { u"§"_s, u"2"_s, u"Titel"_s }, 160, 72, false, 14); // larger font
        const PageText page = assemblePage(words, ParagraphBreaks::FromGaps);
        QCOMPARE(page.text, u"erste Zeile\nzweite Zeile.\ndritte Zeile\n\nNeuer Absatz.\n\n§ 2 Titel"_s);
    }

    void sameBaseline_mergesIntoOneLine()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"(1)"_s }, 100, 74);
        addLine(words, { u"Die"_s, u"Einnahmen"_s, u"sind"_s }, 100, 97);
        addLine(words, { u"getrennt"_s, u"zu"_s, u"veranschlagen."_s }, 112, 97);
        const PageText page = assemblePage(words, ParagraphBreaks::FromGaps);
        QCOMPARE(page.text, u"(1) Die Einnahmen sind\ngetrennt zu veranschlagen."_s);
    }

    void hyphenatedWord_joinsAndKeepsBothBoxes()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"Der"_s, u"Verwal-"_s }, 100);
        addLine(words, { u"tungsakt"_s, u"ist"_s, u"wirksam."_s }, 112);
        const PageText page = assemblePage(words, ParagraphBreaks::FromGaps);
        QCOMPARE(page.text, u"Der Verwaltungsakt\nist wirksam."_s);
        // The two halves keep their own boxes on their own lines.
        verifyOffsets(page, { u"Der"_s, u"Verwal"_s, u"tungsakt"_s, u"ist"_s, u"wirksam."_s });
        QCOMPARE(page.words[1].box.top(), 100.0);
        QCOMPARE(page.words[2].box.top(), 112.0);
        QCOMPARE(page.words[2].offset, page.words[1].offset + 6);
    }

    void compoundWithCapital_keepsHyphen()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"die"_s, u"Bund-"_s }, 100);
        addLine(words, { u"Länder"_s, u"Kommission"_s }, 112);
        const PageText page = assemblePage(words, ParagraphBreaks::FromGaps);
        QCOMPARE(page.text, u"die Bund-Länder\nKommission"_s);
        verifyOffsets(page, { u"die"_s, u"Bund-"_s, u"Länder"_s, u"Kommission"_s });
    }

    void softHyphenAtLineEnd_joinsWithoutTrace()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"Zustän\u00AD"_s }, 100);
        addLine(words, { u"digkeit"_s, u"folgt"_s }, 112);
        const PageText page = assemblePage(words, ParagraphBreaks::FromGaps);
        QCOMPARE(page.text, u"Zuständigkeit\nfolgt"_s);
        verifyOffsets(page, { u"Zustän"_s, u"digkeit"_s, u"folgt"_s });
    }

    void layoutParagraphs_followTheFlags()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"Absatz"_s, u"eins"_s }, 100, 72, true);
        addLine(words, { u"geht"_s, u"weiter"_s }, 130); // gap ignored with FromLayout
        addLine(words, { u"Absatz"_s, u"zwei"_s }, 142, 72, true);
        const PageText page = assemblePage(words, ParagraphBreaks::FromLayout);
        QCOMPARE(page.text, u"Absatz eins\ngeht weiter\n\nAbsatz zwei"_s);
    }

    void wordsAreNormalisedAndEmptyOnesDropped()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"Beho\u0308rde"_s, u"\uE001\uE002"_s, u"Akte\u0007"_s }, 100);
        const PageText page = assemblePage(words, ParagraphBreaks::FromGaps);
        QCOMPARE(page.text, u"Behörde Akte"_s);
        verifyOffsets(page, { u"Behörde"_s, u"Akte"_s });
    }

    void wordsWithoutSpace_areJoinedDirectly()
    {
        std::vector<LayoutWord> words;
        addLine(words, { u"Verwaltungs"_s, u"verfahren"_s }, 100);
        words[0].spaceAfter = false; // a font change inside one word
        const PageText page = assemblePage(words, ParagraphBreaks::FromGaps);
        QCOMPARE(page.text, u"Verwaltungsverfahren"_s);
        QCOMPARE(page.words.size(), 2);
    }

    void noWords_giveEmptyPage()
    {
        const PageText page = assemblePage({}, ParagraphBreaks::FromGaps);
        QVERIFY(page.text.isEmpty());
        QVERIFY(page.words.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPageBuilder)
#include "tst_pagebuilder.moc"
