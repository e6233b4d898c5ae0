#include "core/documents/normalizer.h"
#include "documentstesthelpers.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace genius::documents;
using namespace Qt::StringLiterals;

class TestNormalizer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifyLineEndHyphen_decidesByContinuation_data()
    {
        QTest::addColumn<QString>("lineEnd");
        QTest::addColumn<QString>("next");
        QTest::addColumn<int>("expected");
        const int keep = int(HyphenJoin::Keep);
        const int drop = int(HyphenJoin::JoinDropHyphen);
        const int keepHyphen = int(HyphenJoin::JoinKeepHyphen);
        QTest::newRow("hyphenated word") << u"Verwal-"_s << u"tungsakt"_s << drop;
        QTest::newRow("with punctuation") << u"Verpflichtungsermächtigun-"_s << u"gen,"_s << drop;
        QTest::newRow("compound with capital") << u"Bund-"_s << u"Länder"_s << keepHyphen;
        QTest::newRow("number") << u"Covid-"_s << u"19"_s << keepHyphen;
        QTest::newRow("elided compound und") << u"Haushalts-"_s << u"und"_s << keep;
        QTest::newRow("elided compound oder") << u"Betriebs-"_s << u"oder"_s << keep;
        QTest::newRow("adjective pair") << u"öffentlich-"_s << u"rechtlichen"_s << keepHyphen;
        QTest::newRow("adjective pair 2") << u"bürgerlich-"_s << u"rechtliche"_s << keepHyphen;
        QTest::newRow("suffix is no adjective") << u"Öffentlich-"_s << u"keit"_s << drop;
        QTest::newRow("dash alone") << u"-"_s << u"weiter"_s << keep;
        QTest::newRow("no hyphen") << u"Wort"_s << u"weiter"_s << keep;
        QTest::newRow("digit before hyphen") << u"3-"_s << u"fach"_s << keep;
        QTest::newRow("soft hyphen") << u"Verwal\u00AD"_s << u"Tungsakt"_s << drop;
    }

    void classifyLineEndHyphen_decidesByContinuation()
    {
        QFETCH(QString, lineEnd);
        QFETCH(QString, next);
        QFETCH(int, expected);
        QCOMPARE(int(classifyLineEndHyphen(lineEnd, next)), expected);
    }

    void dehyphenate_joinsWordAndKeepsLineBreakAfterIt_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("join") << u"Der Verwal-\ntungsakt ist wirksam."_s << u"Der Verwaltungsakt\nist wirksam."_s;
        QTest::newRow("join single word line")
            << u"Der Verwal-\ntungsakt\nist wirksam."_s << u"Der Verwaltungsakt\nist wirksam."_s;
        QTest::newRow("compound with capital") << u"die Bund-\nLänder Kommission"_s << u"die Bund-Länder\nKommission"_s;
        QTest::newRow("elided compound") << u"der Haushalts-\nund Wirtschaftsführung"_s
                                         << u"der Haushalts-\nund Wirtschaftsführung"_s;
        QTest::newRow("adjective pair") << u"die öffentlich-\nrechtliche Tätigkeit"_s
                                        << u"die öffentlich-rechtliche\nTätigkeit"_s;
        QTest::newRow("blank line stops") << u"Verwal-\n\ntungsakt"_s << u"Verwal-\n\ntungsakt"_s;
        QTest::newRow("chained") << u"Ver-\nwal-\ntungsakt"_s << u"Verwaltungsakt"_s;
        QTest::newRow("indented continuation") << u"Verwal-\n   tungsakt ist"_s << u"Verwaltungsakt\nist"_s;
    }

    void dehyphenate_joinsWordAndKeepsLineBreakAfterIt()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(dehyphenate(input), expected);
    }

    void normalizeText_cleansAndComposes_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("NFC") << u"Beho\u0308rde"_s << u"Behörde"_s;
        QTest::newRow("CRLF and CR") << u"a\r\nb\rc"_s << u"a\nb\nc"_s;
        QTest::newRow("soft hyphen, NUL, controls")
            << QString(u"Verwal\u00ADtung\u0000s\u0007akt"_s) << u"Verwaltungsakt"_s;
        QTest::newRow("space runs and no-break space") << u"§\u00A035   Abs.\t\t1"_s << u"§ 35 Abs. 1"_s;
        QTest::newRow("trailing spaces") << u"Zeile   \nnoch eine  "_s << u"Zeile\nnoch eine"_s;
        QTest::newRow("blank lines collapse") << u"\n\nA\n\n\n\nB\n\n"_s << u"A\n\nB"_s;
        QTest::newRow("indentation kept") << u"- Liste\n  - innen"_s << u"- Liste\n  - innen"_s;
        QTest::newRow("spaces-only line is blank") << u"A\n   \nB"_s << u"A\n\nB"_s;
        QTest::newRow("ligatures expanded") << u"\uFB01nden \uFB02ach"_s << u"finden flach"_s;
        QTest::newRow("private use and BOM dropped") << u"\uFEFFText\uE000\uE001"_s << u"Text"_s;
        QTest::newRow("line and paragraph separators") << u"a\u2028b\u2029c"_s << u"a\nb\nc"_s;
    }

    void normalizeText_cleansAndComposes()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(normalizeText(input), expected);
    }

    void normalizeWord_dropsInvisibleCharacters()
    {
        QCOMPARE(normalizeWord(u"Beho\u0308rde"_s), u"Behörde"_s);
        QCOMPARE(normalizeWord(u"Stra\u00DFe"_s), u"Straße"_s);
        QCOMPARE(normalizeWord(u"\uE012\uE013"_s), QString());
        QCOMPARE(normalizeWord(u"Akte\u200B"_s), u"Akte"_s);
    }

    void garbageDetection_countsPrivateUseAndControls()
    {
        QVERIFY(looksLikeGarbage(u"\uE001\uE002\uE003 \uE004\uE005 ab"_s));
        QVERIFY(looksLikeGarbage(QString(u"\u0001\u0002\u0003\u0004 x"_s)));
        QVERIFY(!looksLikeGarbage(u"Der Verwaltungsakt \uE000 ist wirksam."_s));
        QVERIFY(!looksLikeGarbage(QString()));
        QCOMPARE(countUsableChars(u"§ 35 Abs. 1\n\uE000"_s), 8);
    }

    void recoverSectionSigns_fixesOnlyLegalContexts_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dollar heading") << u"$ 11 Vollständigkeit und Einheit"_s
                                        << u"§ 11 Vollständigkeit und Einheit"_s;
        QTest::newRow("dollar in text") << u"richten. $ 97 Abs. 4 bleibt"_s << u"richten. § 97 Abs. 4 bleibt"_s;
        QTest::newRow("double dollar") << u"nach $$ 12 bis 15"_s << u"nach §§ 12 bis 15"_s;
        QTest::newRow("dollar in parenthesis") << u"Gemeingebrauch ($ 7) und"_s << u"Gemeingebrauch (§ 7) und"_s;
        QTest::newRow("dollar glued to digits stays") << u"* $0 Prozent,"_s << u"* $0 Prozent,"_s;
        QTest::newRow("dollar without number stays") << u"US-$ oder $ allein"_s << u"US-$ oder $ allein"_s;
        QTest::newRow("eight heading") << u"8 9 Begriff des Verwaltungsverfahrens"_s
                                       << u"§ 9 Begriff des Verwaltungsverfahrens"_s;
        QTest::newRow("eight before Abs.") << u"nach 8 17 Abs. 2"_s << u"nach § 17 Abs. 2"_s;
        QTest::newRow("S before Satz") << u"gilt S 3a Satz 1"_s << u"gilt § 3a Satz 1"_s;
        QTest::newRow("double eight enumeration")
            << u"(3) Die 88 5, 7 und 8 Absatz 2 sind"_s << u"(3) Die §§ 5, 7 und 8 Absatz 2 sind"_s;
        QTest::newRow("double eight und")
            << u"(3) Die 88 53 und 55 der Zivilprozessordnung"_s << u"(3) Die §§ 53 und 55 der Zivilprozessordnung"_s;
        QTest::newRow("eight weeks stays") << u"innerhalb von 8 Wochen"_s << u"innerhalb von 8 Wochen"_s;
        QTest::newRow("line start weeks stays") << u"8 Wochen nach Zugang"_s << u"8 Wochen nach Zugang"_s;
        QTest::newRow("quantity stays") << u"8 35 kg Mehl"_s << u"8 35 kg Mehl"_s;
        QTest::newRow("two numbers mid-sentence stay") << u"Es kamen 8 35 Personen"_s << u"Es kamen 8 35 Personen"_s;
        QTest::newRow("page reference stays") << u"siehe S. 12 Abs. 3"_s << u"siehe S. 12 Abs. 3"_s;
    }

    void recoverSectionSigns_fixesOnlyLegalContexts()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString text = input;
        const int replaced = recoverSectionSigns(text);
        QCOMPARE(text, expected);
        QCOMPARE(text.size(), input.size()); // word offsets stay valid
        int changed = 0;
        for (qsizetype i = 0; i < text.size(); ++i)
            changed += text[i] != input[i] ? 1 : 0;
        QCOMPARE(replaced, changed);
    }

    void recoverDigitOne_fixesListNumbersAndNumberReferences_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("list number l.") << u"Haushaltsjahr\nl. zu erwartenden Einnahmen,"_s
                                        << u"Haushaltsjahr\n1. zu erwartenden Einnahmen,"_s;
        QTest::newRow("list number I.") << u"I. die Verwaltung"_s << u"1. die Verwaltung"_s;
        QTest::newRow("Nr. bar") << u"nach § 19 Satz 1 Nr. | Bundesrechnungshofgesetz"_s
                                 << u"nach § 19 Satz 1 Nr. 1 Bundesrechnungshofgesetz"_s;
        QTest::newRow("Satz I") << u"Satz I gilt"_s << u"Satz 1 gilt"_s;
        QTest::newRow("Absätzen bar") << u"den Absätzen | und 2"_s << u"den Absätzen 1 und 2"_s;
        QTest::newRow("roman part stays")
            << u"Teil I. Allgemeine Vorschriften"_s << u"Teil I. Allgemeine Vorschriften"_s;
        QTest::newRow("capital after I. stays") << u"I. Allgemeines"_s << u"I. Allgemeines"_s;
    }

    void recoverDigitOne_fixesListNumbersAndNumberReferences()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString text = input;
        recoverDigitOne(text);
        QCOMPARE(text, expected);
    }

    // The rules must not touch correct text: run them over the ground truth of the scans
    // and a few laws of the corpus, which are full of numbers, "§" and list items.
    void recoveries_leaveCorrectCorpusTextAlone()
    {
        const QString corpus = testing::corpusDir();
        if (corpus.isEmpty())
            QSKIP("The shared corpus is not available.");
        QStringList files = QDir(corpus + u"/scanned"_s).entryList({ u"*.gt.txt"_s }, QDir::Files);
        for (QString& file : files)
            file = corpus + u"/scanned/"_s + file;
        for (const QString& law : { u"vwvfg.md"_s, u"bho.md"_s, u"fstrg.md"_s, u"arbzg.md"_s, u"bafoeg.md"_s })
            files.append(corpus + u"/gesetze/"_s + law);
        QVERIFY(files.size() >= 6);
        for (const QString& path : std::as_const(files)) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QString original = QString::fromUtf8(file.readAll());
            QString text = original;
            QCOMPARE(recoverSectionSigns(text), 0);
            QCOMPARE(recoverDigitOne(text), 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestNormalizer)
#include "tst_normalizer.moc"
