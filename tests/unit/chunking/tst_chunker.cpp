#include "core/chunking/chunk.h"
#include "core/chunking/textboundaries.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;
using genius::chunking::Chunk;
using genius::chunking::chunkDocument;
using genius::chunking::ChunkingOptions;
using genius::chunking::ChunkSource;

namespace {

const QString kVwVfGTitle = u"Verwaltungsverfahrensgesetz"_s;

QString readCorpusFile(const QString& relativePath)
{
    QFile file(QStringLiteral(GENIUS_CORPUS_DIR) + u'/' + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString fullTextOf(const ChunkSource& source)
{
    return source.pages.join(u'\f');
}

std::vector<int> pageStartsOf(const ChunkSource& source)
{
    std::vector<int> starts;
    int offset = 0;
    for (const QString& page : source.pages) {
        starts.push_back(offset);
        offset += static_cast<int>(page.size()) + 1;
    }
    return starts;
}

int pageOf(const std::vector<int>& pageStarts, int offset)
{
    return static_cast<int>(std::upper_bound(pageStarts.begin(), pageStarts.end(), offset) - pageStarts.begin());
}

QString describe(const Chunk& chunk)
{
    return u"chunk %1 [%2,%3) %4"_s.arg(chunk.ordinal)
        .arg(chunk.start)
        .arg(chunk.end)
        .arg(chunk.headingPath.join(u" > "));
}

bool isWordStart(const QString& text, int pos)
{
    return pos == 0 || text.at(pos - 1).isSpace();
}

bool isWordEnd(const QString& text, int pos)
{
    return pos == text.size() || text.at(pos).isSpace();
}

/// The contract of chunk.h, checked on any result: anchors equal the slice, offsets are
/// monotone, pages match the offsets, every non-space character is covered, no chunk is
/// larger than maxChars, overlaps stay within a unit and within overlapChars, and (unless a
/// word longer than maxChars forces a cut) chunks start and end at word boundaries.
/// Returns an empty string when all hold, else the first violation.
QString contractViolation(
    const ChunkSource& source, const ChunkingOptions& options, const QList<Chunk>& chunks, bool allowCutWords = false)
{
    const QString full = fullTextOf(source);
    const std::vector<int> pageStarts = pageStartsOf(source);
    int covered = 0;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const Chunk& chunk = chunks.at(i);
        if (chunk.ordinal != i)
            return u"ordinal %1 at position %2"_s.arg(chunk.ordinal).arg(i);
        if (chunk.start < 0 || chunk.end <= chunk.start || chunk.end > full.size())
            return u"bad span: "_s + describe(chunk);
        QString slice = full.mid(chunk.start, chunk.end - chunk.start);
        slice.replace(u'\f', u'\n');
        if (chunk.text != slice)
            return u"text differs from the slice: "_s + describe(chunk);
        if (full.at(chunk.start).isSpace() || full.at(chunk.end - 1).isSpace())
            return u"untrimmed: "_s + describe(chunk);
        if (chunk.end - chunk.start > options.maxChars)
            return u"longer than maxChars (%1): "_s.arg(chunk.end - chunk.start) + describe(chunk);
        const int firstPage = source.paged ? pageOf(pageStarts, chunk.start) : 0;
        const int lastPage = source.paged ? pageOf(pageStarts, chunk.end - 1) : 0;
        if (chunk.firstPage != firstPage || chunk.lastPage != lastPage)
            return u"pages %1-%2, expected %3-%4: "_s.arg(chunk.firstPage)
                       .arg(chunk.lastPage)
                       .arg(firstPage)
                       .arg(lastPage)
                + describe(chunk);
        if (!allowCutWords && (!isWordStart(full, chunk.start) || !isWordEnd(full, chunk.end)))
            return u"cuts a word: "_s + describe(chunk);
        for (int k = covered; k < chunk.start; ++k) {
            if (!full.at(k).isSpace())
                return u"character %1 is in no chunk (before %2)"_s.arg(k).arg(describe(chunk));
        }
        if (i > 0) {
            const Chunk& previous = chunks.at(i - 1);
            if (chunk.start <= previous.start || chunk.end <= previous.end)
                return u"offsets not monotone: "_s + describe(chunk);
            if (chunk.start < previous.end) {
                if (previous.end - chunk.start > options.overlapChars)
                    return u"overlap %1 > overlapChars: "_s.arg(previous.end - chunk.start) + describe(chunk);
                if (chunk.headingPath != previous.headingPath)
                    return u"overlap into another unit: "_s + describe(chunk);
            }
        }
        covered = std::max(covered, chunk.end);
    }
    for (int k = covered; k < full.size(); ++k) {
        if (!full.at(k).isSpace())
            return u"character %1 after the last chunk is in no chunk"_s.arg(k);
    }
    return {};
}

const Chunk* chunkStartingWith(const QList<Chunk>& chunks, const QString& prefix)
{
    for (const Chunk& chunk : chunks) {
        if (chunk.text.startsWith(prefix))
            return &chunk;
    }
    return nullptr;
}

const Chunk* chunkWithLastHeading(const QList<Chunk>& chunks, const QString& heading)
{
    for (const Chunk& chunk : chunks) {
        if (!chunk.headingPath.isEmpty() && chunk.headingPath.last() == heading)
            return &chunk;
    }
    return nullptr;
}

ChunkSource markdownSource(const QString& title, const QString& text)
{
    ChunkSource source;
    source.title = title;
    source.pages = { text };
    source.paged = false;
    source.markdown = true;
    return source;
}

/// A plain-text law of `units` §§ with three Absätze each, for size and timing runs.
QString syntheticLaw(int units)
{
    QString text;
    text.reserve(units * 700);
    for (int n = 1; n <= units; ++n) {
        if (n % 25 == 1)
            text += u"Abschnitt %1 - Allgemeine Vorschriften\n\n"_s.arg(n / 25 + 1);
        text += u"§ %1 Regelung Nummer %1\n\n"_s.arg(n);
        for (int absatz = 1; absatz <= 3; ++absatz) {
            text += u"(%1) Die Behörde entscheidet nach § %2 Abs. 2 Nr. 3 über den Antrag, z. B. auf Erstattung "
                    u"der Kosten. Sie hört die Beteiligten vorher an, vgl. Art. 5 der Verordnung bzw. die "
                    u"Vorschriften über das Verfahren.\n"_s.arg(absatz)
                        .arg(n + 1);
        }
        text += u'\n';
    }
    return text;
}

} // namespace

class TestChunker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyAndWhitespaceOnlyText_yieldsNoChunks()
    {
        ChunkSource source;
        QVERIFY(chunkDocument(source).isEmpty());
        source.pages = { QString() };
        QVERIFY(chunkDocument(source).isEmpty());
        source.pages = { u"  \n\t "_s, u"\n\n\u00a0 "_s, QString() };
        QVERIFY(chunkDocument(source).isEmpty());
        source.markdown = true;
        QVERIFY(chunkDocument(source).isEmpty());
    }

    void realLaw_everyChunkIsExactSliceAndTextIsCovered_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<int>("max");
        QTest::addColumn<int>("overlap");
        QTest::newRow("defaults") << 1200 << 2000 << 150;
        QTest::newRow("small") << 300 << 500 << 80;
        QTest::newRow("tiny") << 100 << 140 << 40;
        QTest::newRow("no overlap") << 800 << 1000 << 0;
    }

    void realLaw_everyChunkIsExactSliceAndTextIsCovered()
    {
        QFETCH(int, target);
        QFETCH(int, max);
        QFETCH(int, overlap);
        const QString law = readCorpusFile(u"gesetze/vwvfg.md"_s);
        if (law.isEmpty())
            QSKIP("shared corpus not present");
        // The same text as Markdown and as pages of plain text (split every 60 lines).
        const ChunkSource markdown = markdownSource(kVwVfGTitle, law);
        ChunkSource paged;
        paged.title = kVwVfGTitle;
        const QStringList lines = law.split(u'\n');
        for (qsizetype i = 0; i < lines.size(); i += 60)
            paged.pages << lines.mid(i, 60).join(u'\n');
        const ChunkingOptions options { target, max, overlap };
        for (const ChunkSource& source : { markdown, paged }) {
            const QList<Chunk> chunks = chunkDocument(source, options);
            QVERIFY(chunks.size() > 50);
            const QString violation = contractViolation(source, options, chunks);
            QVERIFY2(violation.isEmpty(), qPrintable(violation));
        }
    }

    void wholeLawCorpus_contractHoldsAsMarkdownAndAsPlainPages()
    {
        const QDir dir(QStringLiteral(GENIUS_CORPUS_DIR) + u"/gesetze"_s);
        const QStringList files = dir.entryList({ u"*.md"_s }, QDir::Files, QDir::Name);
        if (files.isEmpty())
            QSKIP("shared corpus not present");
        const ChunkingOptions options;
        qsizetype characters = 0;
        qsizetype chunkCount = 0;
        for (const QString& name : files) {
            const QString law = readCorpusFile(u"gesetze/"_s + name);
            characters += law.size();
            ChunkSource plain;
            plain.title = name;
            const QStringList lines = law.split(u'\n');
            for (qsizetype i = 0; i < lines.size(); i += 80)
                plain.pages << lines.mid(i, 80).join(u'\n');
            for (const ChunkSource& source : { markdownSource(name, law), plain }) {
                const QList<Chunk> chunks = chunkDocument(source, options);
                const QString violation = contractViolation(source, options, chunks);
                QVERIFY2(violation.isEmpty(), qPrintable(name + u": "_s + violation));
                chunkCount += chunks.size();
            }
        }
        qInfo("%lld laws, %lld characters, %lld chunks (Markdown and plain)", static_cast<long long>(files.size()),
            static_cast<long long>(characters), static_cast<long long>(chunkCount));
    }

    void pages_areExactAtPageBoundaries()
    {
        ChunkSource source;
        source.title = u"Satzung"_s;
        source.pages = { u"§ 1 Zweck\n\nDer Verein fördert die Bildung."_s, u"§ 2 Sitz\n\nDer Sitz ist Köln.\n"_s,
            u"\n§ 3 Organe\n\nOrgane sind der Vorstand und die Mitgliederversammlung."_s };
        const ChunkingOptions options { 40, 2000, 0 }; // small target: the §§ stay apart
        const QList<Chunk> chunks = chunkDocument(source, options);
        const QString violation = contractViolation(source, options, chunks);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        QCOMPARE(chunks.size(), 3);
        // § 1 fills page 1 to its last character; § 2 starts on the first character of page 2.
        QCOMPARE(chunks[0].start, 0);
        QCOMPARE(chunks[0].end, source.pages[0].size());
        QCOMPARE(chunks[0].firstPage, 1);
        QCOMPARE(chunks[0].lastPage, 1);
        QCOMPARE(chunks[1].start, source.pages[0].size() + 1);
        QCOMPARE(chunks[1].firstPage, 2);
        QCOMPARE(chunks[1].lastPage, 2);
        QCOMPARE(chunks[2].firstPage, 3);
        QCOMPARE(chunks[2].headingPath, QStringList({ u"Satzung"_s, u"§ 3 Organe"_s }));
    }

    void chunkAcrossPageBreak_reportsBothPagesAndNewlineForFormFeed()
    {
        ChunkSource source;
        source.title = u"Bericht"_s;
        source.pages = { u"Die Prüfung ergab, dass die Mittel"_s, u"zweckentsprechend verwendet wurden."_s };
        const QList<Chunk> chunks = chunkDocument(source);
        QCOMPARE(chunks.size(), 1);
        QCOMPARE(chunks[0].firstPage, 1);
        QCOMPARE(chunks[0].lastPage, 2);
        QCOMPARE(chunks[0].text, u"Die Prüfung ergab, dass die Mittel\nzweckentsprechend verwendet wurden."_s);
        QCOMPARE(chunks[0].headingPath, QStringList({ u"Bericht"_s }));
    }

    void unpagedSource_reportsPageZero()
    {
        ChunkSource source = markdownSource(u"Notiz"_s, u"# Notiz\n\nText eins.\n\n## Teil\n\nText zwei."_s);
        const QList<Chunk> chunks = chunkDocument(source);
        QVERIFY(!chunks.isEmpty());
        for (const Chunk& chunk : chunks) {
            QCOMPARE(chunk.firstPage, 0);
            QCOMPARE(chunk.lastPage, 0);
        }
    }

    void markdownLaw_paragraph35StartsChunkWithFullHeadingPath()
    {
        const QString law = readCorpusFile(u"gesetze/vwvfg.md"_s);
        if (law.isEmpty())
            QSKIP("shared corpus not present");
        const QList<Chunk> chunks = chunkDocument(markdownSource(kVwVfGTitle, law));
        const Chunk* paragraph35 = chunkWithLastHeading(chunks, u"§ 35 Begriff des Verwaltungsaktes"_s);
        QVERIFY(paragraph35);
        QCOMPARE(paragraph35->headingPath,
            QStringList({ kVwVfGTitle, u"Teil III - Verwaltungsakt"_s,
                u"Abschnitt 1 - Zustandekommen des Verwaltungsaktes"_s, u"§ 35 Begriff des Verwaltungsaktes"_s }));
        // The Teil and Abschnitt headings open § 35's chunk; nothing of § 34 precedes them.
        QVERIFY(paragraph35->text.startsWith(u"## Teil III - Verwaltungsakt"_s));
        QVERIFY(paragraph35->text.contains(u"#### § 35 Begriff des Verwaltungsaktes\n\nVerwaltungsakt ist jede"_s));
        const Chunk& previous = chunks.at(paragraph35->ordinal - 1);
        QCOMPARE(previous.headingPath.last(), u"§ 34 Beglaubigung von Unterschriften"_s);
        QVERIFY(previous.end <= paragraph35->start);
        QVERIFY(!previous.text.contains(u"Teil III"_s));
        // The document's own "# Verwaltungsverfahrensgesetz (VwVfG)" does not repeat the title.
        for (const Chunk& chunk : chunks) {
            QVERIFY(!chunk.headingPath.contains(u"Verwaltungsverfahrensgesetz (VwVfG)"_s));
            QCOMPARE(chunk.headingPath.value(0), kVwVfGTitle);
        }
    }

    void markdownLaw_everyParagraphWithTextKeepsItsOwnChunk()
    {
        const QString law = readCorpusFile(u"gesetze/vwvfg.md"_s);
        if (law.isEmpty())
            QSKIP("shared corpus not present");
        // From the source: which § headings have text of their own and which are stubs.
        QStringList withText;
        QStringList stubs;
        const QStringList lines = law.split(u'\n');
        const QRegularExpression legalHeading(u"^#+ (§.*)$"_s);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QRegularExpressionMatch heading = legalHeading.match(lines.at(i));
            if (!heading.hasMatch())
                continue;
            QString body;
            for (qsizetype k = i + 1; k < lines.size() && !lines.at(k).startsWith(u'#'); ++k)
                body += lines.at(k).trimmed();
            const bool remarkOnly = body.startsWith(u'(') && body.endsWith(u')') && body.size() <= 40;
            (body.isEmpty() || remarkOnly ? stubs : withText) << heading.captured(1);
        }
        QCOMPARE(withText.size() + stubs.size(), 118);
        // §§ 97-99 say "(weggefallen)", § 103 "(Inkrafttreten)".
        QCOMPARE(stubs, QStringList({ u"§ 97"_s, u"§ 98"_s, u"§ 99"_s, u"§ 103"_s }));

        const QList<Chunk> chunks = chunkDocument(markdownSource(kVwVfGTitle, law));
        for (const QString& unit : withText)
            QVERIFY2(chunkWithLastHeading(chunks, unit), qPrintable(unit));
        const QRegularExpression headingInText(u"^#+ (§.*)$"_s, QRegularExpression::MultilineOption);
        for (const Chunk& chunk : chunks) {
            // Other § headings inside a chunk are stubs merged into it, nothing else.
            for (const QRegularExpressionMatch& match : headingInText.globalMatch(chunk.text)) {
                if (match.captured(1) != chunk.headingPath.last())
                    QVERIFY2(stubs.contains(match.captured(1)), qPrintable(describe(chunk)));
            }
            // A chunk that continues a split § starts in its text, never at another § heading.
            if (!chunk.text.startsWith(u'#'))
                QVERIFY2(
                    chunk.headingPath.last().startsWith(u"§"_s) || chunk.ordinal == 0, qPrintable(describe(chunk)));
        }
        const Chunk* last = chunkWithLastHeading(chunks, u"§ 96 Überleitung von Verfahren"_s);
        QVERIFY(last);
        QVERIFY(last->text.contains(u"### § 99\n\n(weggefallen)"_s)); // the stubs §§ 97-99 joined § 96
    }

    void headingPath_resetsWhenHigherLevelStarts()
    {
        const QString text = u"# Handbuch\n\nEinleitung.\n\n## Teil 1 - Grundlagen\n\n### Abschnitt 1 - Begriffe\n\n"
                             u"#### § 1 Zweck\n\nText eins.\n\n### Abschnitt 2 - Verfahren\n\n#### § 2 Antrag\n\n"
                             u"Text zwei.\n\n## Teil 2 - Schluss\n\n#### § 3 Inkrafttreten\n\nText drei.\n"_s;
        const QList<Chunk> chunks = chunkDocument(markdownSource(u"Handbuch"_s, text), ChunkingOptions { 10, 200, 0 });
        const QString violation = contractViolation(markdownSource(u"Handbuch"_s, text), { 10, 200, 0 }, chunks);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        const Chunk* first = chunkWithLastHeading(chunks, u"§ 1 Zweck"_s);
        const Chunk* second = chunkWithLastHeading(chunks, u"§ 2 Antrag"_s);
        const Chunk* third = chunkWithLastHeading(chunks, u"§ 3 Inkrafttreten"_s);
        QVERIFY(first && second && third);
        QCOMPARE(first->headingPath,
            QStringList({ u"Handbuch"_s, u"Teil 1 - Grundlagen"_s, u"Abschnitt 1 - Begriffe"_s, u"§ 1 Zweck"_s }));
        QCOMPARE(second->headingPath,
            QStringList({ u"Handbuch"_s, u"Teil 1 - Grundlagen"_s, u"Abschnitt 2 - Verfahren"_s, u"§ 2 Antrag"_s }));
        // Teil 2 closes Teil 1 and its Abschnitt 2 although § 3 has no Abschnitt of its own.
        QCOMPARE(third->headingPath, QStringList({ u"Handbuch"_s, u"Teil 2 - Schluss"_s, u"§ 3 Inkrafttreten"_s }));
        QCOMPARE(chunks.first().headingPath, QStringList({ u"Handbuch"_s }));
    }

    void pdfText_legalUnitsAndDivisionsStartChunks()
    {
        // pdftotext output of pages 2-9 of the VwVfG PDF (form feed after every page).
        const QString extracted = readCorpusFile(u"scanned/scan_VwVfG_p2-9_300dpi_gray.gt.txt"_s);
        if (extracted.isEmpty())
            QSKIP("shared corpus not present");
        ChunkSource source;
        source.title = kVwVfGTitle;
        source.pages = extracted.split(u'\f');
        if (source.pages.last().trimmed().isEmpty())
            source.pages.removeLast();
        QCOMPARE(source.pages.size(), 8);
        const QList<Chunk> chunks = chunkDocument(source);
        const QString violation = contractViolation(source, {}, chunks);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));

        // § 8c is the first line of a page: its chunk starts exactly there, on that page.
        const QString full = fullTextOf(source);
        const int paragraph8c = static_cast<int>(full.indexOf(u"§ 8c Kosten der Hilfeleistung"_s));
        const int page = pageOf(pageStartsOf(source), paragraph8c);
        QVERIFY(source.pages.at(page - 1).startsWith(u"§ 8c"_s));
        const Chunk* chunk8c = chunkStartingWith(chunks, u"§ 8c Kosten der Hilfeleistung"_s);
        QVERIFY(chunk8c);
        QCOMPARE(chunk8c->start, paragraph8c);
        QCOMPARE(chunk8c->firstPage, page);
        QCOMPARE(chunk8c->headingPath,
            QStringList({ kVwVfGTitle, u"Abschnitt 3 - Europäische Verwaltungszusammenarbeit"_s,
                u"§ 8c Kosten der Hilfeleistung"_s }));
        // "Teil II" closes Abschnitt 3 of Teil I; its headings open § 9's chunk.
        const Chunk* chunk9 = chunkWithLastHeading(chunks, u"§ 9 Begriff des Verwaltungsverfahrens"_s);
        QVERIFY(chunk9);
        QCOMPARE(chunk9->headingPath,
            QStringList({ kVwVfGTitle, u"Teil II - Allgemeine Vorschriften über das Verwaltungsverfahren"_s,
                u"Abschnitt 1 - Verfahrensgrundsätze"_s, u"§ 9 Begriff des Verwaltungsverfahrens"_s }));
        QVERIFY(chunk9->text.startsWith(u"Teil II - Allgemeine Vorschriften"_s));
        // "... unbeschadet des § 80 Abs.\n4, für ..." and "§§ 3a bis 13" are citations, not units.
        for (const Chunk& chunk : chunks) {
            QVERIFY2(!chunk.headingPath.join(u'|').contains(u"§ 80"_s), qPrintable(describe(chunk)));
            QVERIFY2(!chunk.headingPath.join(u'|').contains(u"§§"_s), qPrintable(describe(chunk)));
        }
        for (const QString& unit : { u"§ 2 Ausnahmen vom Anwendungsbereich"_s, u"§ 3 Örtliche Zuständigkeit"_s,
                 u"§ 3a Elektronische Kommunikation"_s, u"§ 4 Amtshilfepflicht"_s,
                 u"§ 14 Bevollmächtigte und Beistände"_s, u"§ 15 Bestellung eines Empfangsbevollmächtigten"_s }) {
            QVERIFY2(chunkWithLastHeading(chunks, unit), qPrintable(unit));
        }
    }

    void plainText_wrappedHeadingsAndCitationsAreRecognised()
    {
        ChunkSource source;
        source.title = u"Gesetz"_s;
        source.pages = {
            u"Teil I - Anwendungsbereich, örtliche\nZuständigkeit\n\n"
            u"§ 1 Zweck\n(1) Dieses Gesetz regelt das Verfahren. Es gilt nach\n"
            u"§ 35 Abs. 2 entsprechend für die Länder.\n"
            u"Zuletzt geändert durch\nArt. 15 Abs. 1 G v. 4.5.2021 I 882\n\n"
            u"Artikel 5 – Grundsätze für die Verarbeitung personenbezogener\nDaten\n"
            u"(1) Personenbezogene Daten müssen rechtmäßig verarbeitet werden.\n\n"
            u"§§ 6 bis 8 (weggefallen)\n\n"
            u"Kapitel IV – Verantwortlicher\n\nArt. 24 Verantwortung\n\nDer Verantwortliche setzt Maßnahmen um.\n"_s
        };
        const ChunkingOptions options { 60, 200, 0 }; // small target: no merging of the units
        const QList<Chunk> chunks = chunkDocument(source, options);
        const QString violation = contractViolation(source, options, chunks);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        QStringList lastHeadings;
        for (const Chunk& chunk : chunks)
            lastHeadings << chunk.headingPath.last();
        lastHeadings.removeDuplicates();
        // The stub "§§ 6 bis 8 (weggefallen)" joins Artikel 5; the others keep their own chunks.
        QCOMPARE(lastHeadings,
            QStringList({ u"§ 1 Zweck"_s, u"Artikel 5 – Grundsätze für die Verarbeitung personenbezogener Daten"_s,
                u"Art. 24 Verantwortung"_s }));
        QVERIFY(chunkWithLastHeading(chunks, lastHeadings[1])->text.endsWith(u"\n\n§§ 6 bis 8 (weggefallen)"_s));
        QCOMPARE(chunks.first().headingPath,
            QStringList({ u"Gesetz"_s, u"Teil I - Anwendungsbereich, örtliche Zuständigkeit"_s, u"§ 1 Zweck"_s }));
        // Kapitel ranks below Teil: it closes Artikel 5 but not Teil I.
        QCOMPARE(chunks.last().headingPath,
            QStringList({ u"Gesetz"_s, u"Teil I - Anwendungsbereich, örtliche Zuständigkeit"_s,
                u"Kapitel IV – Verantwortlicher"_s, u"Art. 24 Verantwortung"_s }));
    }

    void plainText_numberedHeadingsBuildThePath()
    {
        ChunkSource source;
        source.title = u"Konzept"_s;
        source.pages
            = { u"1 Einleitung\n\nDas Konzept beschreibt den Betrieb.\n\n1.1 Zweck\n\nEs dient der Planung.\n\n"
                u"1.2 Geltungsbereich\n\nEs gilt für alle Ämter.\n\n2 Betrieb\n\nDer Betrieb ist zentral.\n"
                u"Gezählt werden:\n1. Anträge\n2. Bescheide\n"_s };
        const ChunkingOptions options { 20, 300, 0 };
        const QList<Chunk> chunks = chunkDocument(source, options);
        const QString violation = contractViolation(source, options, chunks);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        const Chunk* scope = chunkWithLastHeading(chunks, u"1.2 Geltungsbereich"_s);
        QVERIFY(scope);
        QCOMPARE(scope->headingPath, QStringList({ u"Konzept"_s, u"1 Einleitung"_s, u"1.2 Geltungsbereich"_s }));
        const Chunk* operation = chunkWithLastHeading(chunks, u"2 Betrieb"_s);
        QVERIFY(operation);
        QCOMPARE(operation->headingPath, QStringList({ u"Konzept"_s, u"2 Betrieb"_s }));
        // A list right after a line of text is no heading.
        QVERIFY(operation->text.endsWith(u"2. Bescheide"_s));
    }

    void smallUnits_mergeOnlyUnderTheSameParent()
    {
        const QString text = u"## Teil 1\n\n### § 1 Zweck\n\nDieses Gesetz regelt die Gebühren.\n\n"
                             u"### § 2 (weggefallen)\n\n## Teil 2\n\n### § 3 Inkrafttreten\n\n"
                             u"Dieses Gesetz tritt am Tag nach der Verkündung in Kraft.\n"_s;
        const ChunkSource source = markdownSource(u"Gebührengesetz"_s, text);
        const QList<Chunk> chunks = chunkDocument(source);
        QCOMPARE(chunks.size(), 2);
        // § 2 is a stub and joins § 1 (path: common parent + first unit's heading); § 3 belongs
        // to another Teil and keeps its own chunk.
        QCOMPARE(chunks[0].headingPath, QStringList({ u"Gebührengesetz"_s, u"Teil 1"_s, u"§ 1 Zweck"_s }));
        QVERIFY(chunks[0].text.endsWith(u"### § 2 (weggefallen)"_s));
        QCOMPARE(chunks[1].headingPath, QStringList({ u"Gebührengesetz"_s, u"Teil 2"_s, u"§ 3 Inkrafttreten"_s }));
        QVERIFY(chunks[1].text.startsWith(u"## Teil 2"_s));

        // Two §§ with text never share a chunk, however small; small prose sections do.
        const QString two = u"## Teil 1\n\n### § 1 Antrag\n\nDer Antrag ist schriftlich.\n\n"
                            u"### § 2 Frist\n\nDie Frist beträgt einen Monat.\n\n"
                            u"## Hinweise\n\n### Zweck\n\nDas Merkblatt erklärt.\n\n### Form\n\nSchriftlich.\n"_s;
        const QList<Chunk> separate = chunkDocument(markdownSource(u"G"_s, two));
        QCOMPARE(separate.size(), 3);
        QCOMPARE(separate[0].headingPath.last(), u"§ 1 Antrag"_s);
        QCOMPARE(separate[1].headingPath.last(), u"§ 2 Frist"_s);
        QCOMPARE(separate[2].headingPath, QStringList({ u"G"_s, u"Hinweise"_s, u"Zweck"_s }));
        QVERIFY(separate[2].text.endsWith(u"### Form\n\nSchriftlich."_s));

        // A stub joins even a § that is already larger than targetChars (up to maxChars).
        const QString longBody
            = u"Die Behörde entscheidet über den Antrag nach pflichtgemäßem Ermessen. "_s.repeated(20);
        const QString stubAfterLong
            = u"### § 44 Zuwendungen\n\n"_s + longBody + u"\n\n### § 44a\n\n### § 45 Bindung\n\nText."_s;
        const QList<Chunk> withStub = chunkDocument(markdownSource(u"G"_s, stubAfterLong));
        QCOMPARE(withStub.size(), 2);
        QVERIFY(withStub[0].text.endsWith(u"### § 44a"_s));
        QCOMPARE(withStub[1].headingPath.last(), u"§ 45 Bindung"_s);
    }

    void sizeLimits_holdAndOverlapStaysInsideUnit_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<int>("max");
        QTest::addColumn<int>("overlap");
        QTest::newRow("defaults") << 1200 << 2000 << 150;
        QTest::newRow("small") << 250 << 400 << 100;
        QTest::newRow("target equals max") << 500 << 500 << 120;
        QTest::newRow("overlap larger than allowed") << 200 << 300 << 1000;
    }

    void sizeLimits_holdAndOverlapStaysInsideUnit()
    {
        QFETCH(int, target);
        QFETCH(int, max);
        QFETCH(int, overlap);
        const ChunkingOptions options { target, max, overlap };
        ChunkSource source;
        source.title = u"Synthetisch"_s;
        const QString law = syntheticLaw(40);
        const qsizetype middle = law.indexOf(u'\n', law.size() / 2) + 1;
        // One very long paragraph without blank lines, then the law, spread over pages.
        source.pages = { u"Vorbemerkung. "_s.repeated(400).trimmed(), law.left(middle), law.mid(middle) };
        const QList<Chunk> chunks = chunkDocument(source, options);
        const QString violation = contractViolation(source, options, chunks);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        int overlaps = 0;
        const QString full = fullTextOf(source);
        for (qsizetype i = 1; i < chunks.size(); ++i) {
            if (chunks[i].start >= chunks[i - 1].end)
                continue;
            ++overlaps;
            QVERIFY(chunks[i - 1].end - chunks[i].start <= std::min(overlap, target / 2));
        }
        QVERIFY2(overlaps > 0, "long units must be split with overlap");
        // A § never continues in a chunk of the previous §: § n's first chunk starts at its heading.
        for (int n = 1; n <= 40; ++n) {
            const QString heading = u"§ %1 Regelung Nummer %1"_s.arg(n);
            const Chunk* first = chunkWithLastHeading(chunks, heading);
            QVERIFY2(first, qPrintable(heading));
            const qsizetype at = first->text.indexOf(heading);
            QVERIFY2(
                at == 0 || first->text.first(at).trimmed().startsWith(u"Abschnitt"_s), qPrintable(describe(*first)));
        }
    }

    void longParagraph_splitsAtSentencesNotAtAbbreviations()
    {
        const QString sentence = u"Nach § 3 Abs. 2 Nr. 1 gilt dies z. B. für Anträge, vgl. Art. 5 bzw. die S. 3 "
                                 u"genannten Fälle, d. h. ab dem 1. Januar. "_s;
        ChunkSource source;
        source.title = u"Merkblatt"_s;
        source.pages = { sentence.repeated(60).trimmed() };
        const ChunkingOptions options { 300, 400, 0 };
        const QList<Chunk> chunks = chunkDocument(source, options);
        const QString violation = contractViolation(source, options, chunks);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        QVERIFY(chunks.size() > 10);
        for (const Chunk& chunk : chunks) {
            QVERIFY2(chunk.text.startsWith(u"Nach § 3 Abs. 2"_s), qPrintable(chunk.text.left(40)));
            QVERIFY2(chunk.text.endsWith(u"ab dem 1. Januar."_s), qPrintable(chunk.text.right(40)));
        }
    }

    void sentenceStarts_germanAbbreviationsAndOrdinalsDoNotEndSentences_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("sentences");
        QTest::newRow("abbreviations")
            << u"Nach § 3 Abs. 2 Nr. 1 gilt dies z. B. für Anträge, vgl. Art. 5 bzw. Art. 6 der Verordnung. "
               u"Am 1. Januar beginnt nach S. 3 die Frist, d. h. sie läuft. Gilt das? Ja!"_s
            << QStringList(
                   { u"Nach § 3 Abs. 2 Nr. 1 gilt dies z. B. für Anträge, vgl. Art. 5 bzw. Art. 6 der Verordnung."_s,
                       u"Am 1. Januar beginnt nach S. 3 die Frist, d. h. sie läuft."_s, u"Gilt das?"_s, u"Ja!"_s });
        QTest::newRow("quotes and brackets")
            << u"Er sagte: „Das gilt.“ Danach (Satz 2.) folgt mehr. Ende."_s
            << QStringList({ u"Er sagte: „Das gilt.“"_s, u"Danach (Satz 2.) folgt mehr."_s, u"Ende."_s });
        QTest::newRow("dates and unknown abbreviations")
            << u"Bek. v. 23.1.2003 I 102 gilt. Die Verf. sind frei. Der Dr. Müller kommt."_s
            << QStringList(
                   { u"Bek. v. 23.1.2003 I 102 gilt."_s, u"Die Verf. sind frei."_s, u"Der Dr. Müller kommt."_s });
        QTest::newRow("absatz lines") << u"(1) Erster Absatz,\n(2) zweiter Absatz\n1. Nummer eins"_s
                                      << QStringList(
                                             { u"(1) Erster Absatz,"_s, u"(2) zweiter Absatz"_s, u"1. Nummer eins"_s });
    }

    void sentenceStarts_germanAbbreviationsAndOrdinalsDoNotEndSentences()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, sentences);
        const std::vector<int> starts = genius::chunking::sentenceStarts(text);
        QStringList actual;
        int from = 0;
        for (int start : starts) {
            actual << text.mid(from, start - from).trimmed();
            from = start;
        }
        actual << text.mid(from).trimmed();
        QCOMPARE(actual, sentences);
    }

    void pathological_wordLongerThanMaxIsCutAtMaxChars()
    {
        ChunkSource source;
        source.title = u"Binär"_s;
        source.pages = { QString(50000, u'x') };
        const ChunkingOptions options;
        const QList<Chunk> chunks = chunkDocument(source, options);
        const QString violation = contractViolation(source, options, chunks, /*allowCutWords=*/true);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        QCOMPARE(chunks.size(), 25); // 50,000 / 2,000: no word boundary to overlap at
        for (const Chunk& chunk : chunks)
            QCOMPARE(chunk.end - chunk.start, options.maxChars);
    }

    void pathological_hundredThousandLinesOfOneLetter()
    {
        ChunkSource source;
        source.title = u"Liste"_s;
        source.pages = { u"a\n"_s.repeated(100000) };
        const ChunkingOptions options;
        const QList<Chunk> chunks = chunkDocument(source, options);
        const QString violation = contractViolation(source, options, chunks);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        // Even pieces near targetChars (plus overlap), so about 200,000 / 1,200 chunks.
        QVERIFY2(chunks.size() >= 150 && chunks.size() <= 250, qPrintable(QString::number(chunks.size())));
    }

    void pathological_surrogatePairsAndHeadingFloodsStayValid()
    {
        ChunkSource emoji;
        emoji.title = u"Emoji"_s;
        emoji.pages = { u"\U0001F600"_s.repeated(5001) }; // 10,002 UTF-16 code units, one "word"
        const QList<Chunk> chunks = chunkDocument(emoji, ChunkingOptions { 1000, 1001, 100 });
        const QString violation = contractViolation(emoji, { 1000, 1001, 100 }, chunks, true);
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        for (const Chunk& chunk : chunks) {
            QVERIFY(!chunk.text.front().isLowSurrogate());
            QVERIFY(!chunk.text.back().isHighSurrogate());
        }

        // Thousands of headings without text, and '#' lines inside a code fence.
        const ChunkSource headings
            = markdownSource(u"H"_s, u"# h\n## h\n### § 1 h\n"_s.repeated(3000) + u"```\n# kein Titel\n```\n"_s);
        const QList<Chunk> flood = chunkDocument(headings);
        const QString floodViolation = contractViolation(headings, {}, flood);
        QVERIFY2(floodViolation.isEmpty(), qPrintable(floodViolation));
        for (const Chunk& chunk : flood)
            QVERIFY(!chunk.headingPath.contains(u"kein Titel"_s));
    }

    void sameInput_givesSameChunks()
    {
        ChunkSource source;
        source.title = u"Synthetisch"_s;
        source.pages = { syntheticLaw(30) };
        const QList<Chunk> first = chunkDocument(source, { 400, 600, 100 });
        const QList<Chunk> second = chunkDocument(source, { 400, 600, 100 });
        QCOMPARE(first.size(), second.size());
        for (qsizetype i = 0; i < first.size(); ++i) {
            QCOMPARE(first[i].start, second[i].start);
            QCOMPARE(first[i].end, second[i].end);
            QCOMPARE(first[i].headingPath, second[i].headingPath);
        }
    }

    void workGrowsLinearlyWithTextSize()
    {
        // Sizes n and 8n: the output grows by the same factor (no quadratic re-chunking or
        // text building). The times are reported, not asserted: the machine is shared.
        ChunkSource small;
        small.title = u"Synthetisch"_s;
        small.pages = { syntheticLaw(360) };
        ChunkSource large = small;
        large.pages = { syntheticLaw(8 * 360) };
        const double ratio
            = static_cast<double>(fullTextOf(large).size()) / static_cast<double>(fullTextOf(small).size());
        auto measure = [](const ChunkSource& source, QList<Chunk>& chunks) {
            qint64 best = std::numeric_limits<qint64>::max();
            for (int run = 0; run < 5; ++run) {
                QElapsedTimer timer;
                timer.start();
                chunks = chunkDocument(source);
                best = std::min(best, timer.nsecsElapsed());
            }
            return best;
        };
        QList<Chunk> smallChunks;
        QList<Chunk> largeChunks;
        const qint64 smallNs = measure(small, smallChunks);
        const qint64 largeNs = measure(large, largeChunks);
        const double chunkRatio = static_cast<double>(largeChunks.size()) / static_cast<double>(smallChunks.size());
        QVERIFY2(chunkRatio > ratio * 0.9 && chunkRatio < ratio * 1.1, qPrintable(QString::number(chunkRatio)));
        qsizetype chunkChars = 0;
        for (const Chunk& chunk : largeChunks)
            chunkChars += chunk.text.size();
        QVERIFY(chunkChars <= fullTextOf(large).size() * 13 / 10); // overlap adds at most ~12.5 %
        qInfo("chunked %lld chars in %.1f ms and %lld chars in %.1f ms (size x%.1f, time x%.1f)",
            static_cast<long long>(fullTextOf(small).size()), smallNs / 1e6,
            static_cast<long long>(fullTextOf(large).size()), largeNs / 1e6, ratio,
            static_cast<double>(largeNs) / static_cast<double>(smallNs));
    }
};

QTEST_GUILESS_MAIN(TestChunker)
#include "tst_chunker.moc"
