#include "core/documents/documentreader.h"
#include "core/services/extractivesummary.h"
#include "core/services/germansentences.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
namespace services = genius::services;
using services::SummaryLength;
using services::SummaryPassage;
using services::SummaryPoint;

namespace {

// A municipal notice over three pages, as a reader delivers it (running headers removed): the
// title of the gazette, page numbers, a short table of contents, headings, a sentence across the page break, a sentence
// repeated on the first and the last page. The key sentences state what, when, who pays and
// what follows for the residents; the deadline sentences are the ones about Fristen.
const QString kKeyWork = u"Die Stadt Musterstadt saniert von April bis Oktober 2024 die Lindenstraße zwischen "
                         u"Marktplatz und Bahnhof einschließlich Fahrbahn, Gehwegen und Straßenbeleuchtung."_s;
const QString kKeyClosure = u"Während der Sanierung ist die Lindenstraße für den Durchgangsverkehr voll gesperrt, "
                            u"die Anlieger erreichen ihre Grundstücke über die Ringstraße."_s;
const QString kKeyContribution = u"Die Anlieger der Lindenstraße werden nach der Straßenbaubeitragssatzung mit "
                                 u"40 Prozent der beitragsfähigen Kosten der Sanierung beteiligt."_s;
const QString kDeadlineObjection = u"Einwendungen gegen die Planung der Sanierung können bis spätestens 15. März 2024 "
                                   u"schriftlich beim Tiefbauamt erhoben werden."_s;
const QString kDeadlineAppeal = u"Gegen den Beitragsbescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch "
                                u"beim Bürgermeister der Stadt Musterstadt eingelegt werden."_s;
const QString kDeadlineDeferral = u"Die Frist für Anträge auf Stundung des Beitrags endet am 30. Juni 2025."_s;
const QString kRepeated
    = u"Auskünfte erteilt das Tiefbauamt der Stadt Musterstadt, Zimmer 214, Telefon 0234 123-456."_s;

QList<SummaryPassage> notice(qint64 documentId = 7)
{
    const QString page1 = u"Amtsblatt der Stadt Musterstadt\n"
                          u"Inhalt\n"
                          u"1. Sanierung der Lindenstraße ........ 1\n"
                          u"2. Beiträge der Anlieger ........ 2\n"
                          u"Bekanntmachung über die Sanierung der Lindenstraße\n"_s
        + kKeyWork + u"\nDie Lindenstraße wurde 1962 angelegt und seitdem nur ausgebessert. "_s
        + u"Die Fahrbahn weist tiefe Risse und abgesackte Rinnen auf, z. B. vor den Häusern Nr. 12 bis 20. "_s
        + u"Ein Gutachten des Ingenieurbüros Dr. Klein vom 4. Mai 2023 empfiehlt daher den grundhaften Ausbau. "_s
        + kKeyClosure + u" Der Wochenmarkt zieht für die Dauer der Arbeiten auf den Kirchplatz um. "_s
        + u"Die Haltestelle Lindenstraße der Buslinie 5 entfällt bis zum Ende der Arbeiten.\n"_s + kRepeated
        + u"\n- 1 -\n"_s;
    const QString page2 = u"Beiträge der Anlieger\n"_s + kKeyContribution
        + u" Die beitragsfähigen Kosten der Sanierung werden auf 1,8 Millionen Euro geschätzt. "_s
        + u"Der Anteil der Stadt wird aus dem Haushalt 2024 finanziert, vgl. Beschluss des Rates vom 12. Dezember 2023. "_s
        + kDeadlineObjection + u" Jeder Anlieger erhält nach Abschluss der Arbeiten einen Beitragsbescheid. "_s
        + u"Die Höhe des Beitrags richtet sich nach der Fläche des Grundstücks und der Zahl der Vollgeschosse, "_s
        + u"wie es § 4 Abs. 2 der Satzung bestimmt, und wird den Anliegern vor Beginn der Arbeiten in einer "_s
        + u"Informationsveranstaltung\n- 2 -\n"_s;
    const QString page3 = u"im Bürgersaal des Rathauses erläutert. "_s + kDeadlineAppeal + u" "_s + kDeadlineDeferral
        + u" Die Bäume auf der Nordseite bleiben erhalten, auf der Südseite werden acht neue Linden gepflanzt. "_s
        + u"Die Stadt bittet die Anlieger um Verständnis für die Einschränkungen während der Sanierung.\n"_s + kRepeated
        + u"\nMusterstadt, den 1. Februar 2024\nDer Bürgermeister\n- 3 -\n"_s;
    return { { page1, 1, documentId }, { page2, 2, documentId }, { page3, 3, documentId } };
}

QStringList texts(const QList<SummaryPoint>& points)
{
    QStringList result;
    for (const SummaryPoint& p : points)
        result << p.text;
    return result;
}

/// Letters and digits only, case-folded: compares a point with its page whatever the line
/// breaks, hyphenation and spacing were.
QString letters(const QString& text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            out += c.toCaseFolded();
    }
    return out;
}

/// The page of `passages` where `sentence` starts (0 when none does).
int pageOf(const QList<SummaryPassage>& passages, const QString& sentence)
{
    const QString wanted = letters(sentence).left(40);
    for (const SummaryPassage& p : passages) {
        if (letters(p.text).contains(wanted))
            return p.page;
    }
    return 0;
}

void verifyInTextOrder(const QList<SummaryPoint>& points, const QList<SummaryPassage>& passages)
{
    // Where each point starts in the whole text: pages in order, then the place on its page.
    qsizetype previous = -1;
    QString all;
    for (const SummaryPassage& p : passages)
        all += letters(p.text);
    for (const SummaryPoint& point : points) {
        // The start of the point: a sentence across a page break may have a page number inside.
        const qsizetype at = all.indexOf(letters(point.text).left(40), previous + 1);
        QVERIFY2(at > previous, qPrintable(point.text));
        previous = at;
    }
}

QString corpusDir()
{
    return QStringLiteral(GENIUS_CORPUS_DIR);
}

} // namespace

class ExtractiveSummaryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void lengthNames_roundTrip()
    {
        for (auto l : { SummaryLength::Short, SummaryLength::Medium, SummaryLength::Long })
            QCOMPARE(services::parseSummaryLength(services::summaryLengthName(l)), l);
        QCOMPARE(services::summaryLengthName(SummaryLength::Long), u"long"_s);
        QVERIFY(!services::parseSummaryLength(u"kurz"_s));
    }

    void sentences_respectGermanAbbreviationsAndDates()
    {
        const QString text
            = u"Nach § 3 Abs. 2 Nr. 4 der Satzung ist z. B. ein Antrag erforderlich. Dr. Müller prüft "
              u"ggf. die Unterlagen bzw. fordert sie an, usw. bis zum 1. Januar 2024 um 12 Uhr. Das "
              u"gilt d. h. auch für nachgereichte Unterlagen (vgl. Art. 5 Abs. 1 GG). Ist das klar? Ja."_s;
        const QList<services::TextSentence> sentences = services::splitSentences(services::cleanForSentences(text));
        QStringList got;
        for (const auto& s : sentences)
            got << s.text;
        QCOMPARE(got,
            (QStringList {
                u"Nach § 3 Abs. 2 Nr. 4 der Satzung ist z. B. ein Antrag erforderlich."_s,
                u"Dr. Müller prüft ggf. die Unterlagen bzw. fordert sie an, usw. bis zum 1. Januar 2024 um 12 Uhr."_s,
                u"Das gilt d. h. auch für nachgereichte Unterlagen (vgl. Art. 5 Abs. 1 GG)."_s,
            })); // "Ist das klar?" and "Ja." have fewer than five words
    }

    void sentences_skipHeadingsPageNumbersAndContents_joinListsToTheirLeadIn()
    {
        const QString text = u"# Gebührensatzung\n\nInhaltsverzeichnis\n§ 1 Geltungsbereich ......... 3\n"
                             u"§ 2 Gebühren    4\n\n§ 1 Geltungsbereich\n(1) Diese Satzung gilt für die "
                             u"Benutzung\nder städtischen Friedhöfe.\n(2) Gebühren werden nicht erhoben für\n"
                             u"1. Bestattungen von Kindern,\n2. Urnen ohne Angehörige.\nSeite 2 von 7\n"
                             u"| Leistung | Gebühr |\n| Grab | 800 Euro |\n- 3 -\nDie Gebühr wird mit der "
                             u"Bestattung fällig und ist binnen eines Monats zu zahlen."_s;
        QStringList got;
        for (const auto& s : services::splitSentences(services::cleanForSentences(text)))
            got << s.text;
        QCOMPARE(got,
            (QStringList {
                u"Diese Satzung gilt für die Benutzung der städtischen Friedhöfe."_s,
                u"Gebühren werden nicht erhoben für 1. Bestattungen von Kindern, 2. Urnen ohne Angehörige."_s,
                u"Die Gebühr wird mit der Bestattung fällig und ist binnen eines Monats zu zahlen."_s,
            }));
    }

    void notice_summaryHoldsTheKeySentencesWithTheirPages()
    {
        const QList<SummaryPassage> passages = notice();
        const QList<SummaryPoint> medium = services::extractiveSummary(passages, SummaryLength::Medium);
        qInfo().noquote() << "medium summary of the notice:\n" << texts(medium).join(u"\n"_s);
        QCOMPARE(medium.size(), 6);
        const QStringList got = texts(medium);
        for (const QString& key : { kKeyWork, kKeyClosure, kKeyContribution })
            QVERIFY2(got.contains(key), qPrintable(key));
        for (const SummaryPoint& p : medium) {
            QCOMPARE(p.documentId, qint64(7));
            QCOMPARE(p.page, pageOf(passages, p.text));
            QVERIFY(p.score > 0.0);
        }
        verifyInTextOrder(medium, passages);

        const QList<SummaryPoint> brief = services::extractiveSummary(passages, SummaryLength::Short);
        QCOMPARE(brief.size(), 3);
        QVERIFY2(texts(brief).contains(kKeyWork), qPrintable(texts(brief).join(u'\n')));
        verifyInTextOrder(brief, passages);
    }

    void notice_noHeadingsPageNumbersOrDuplicates()
    {
        const QList<SummaryPassage> passages = notice();
        const QList<SummaryPoint> all = services::extractiveSummary(passages, SummaryLength::Long);
        QCOMPARE(all.size(), 12);
        const QStringList got = texts(all);
        QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size());
        QVERIFY(got.count(kRepeated) <= 1);
        for (const QString& t : got) {
            QVERIFY2(
                !t.contains(u"Amtsblatt"_s) && !t.contains(u"........"_s) && !t.contains(u"- 2 -"_s), qPrintable(t));
            QVERIFY2(t.split(u' ').size() >= 5, qPrintable(t));
            QVERIFY2(t.endsWith(u'.') || t.endsWith(u'?') || t.endsWith(u'!'), qPrintable(t));
        }
        verifyInTextOrder(all, passages);
    }

    void notice_sentenceAcrossThePageBreakKeepsItsFirstPage()
    {
        const QList<SummaryPassage> passages = notice();
        const QList<SummaryPoint> all = services::extractiveSummary(passages, SummaryLength::Long);
        bool found = false;
        for (const SummaryPoint& p : all) {
            if (p.text.startsWith(u"Die Höhe des Beitrags"_s)) {
                found = true;
                QVERIFY2(p.text.endsWith(u"im Bürgersaal des Rathauses erläutert."_s), qPrintable(p.text));
                QVERIFY2(!p.text.contains(u"Amtsblatt"_s), qPrintable(p.text));
                QCOMPARE(p.page, 2);
            }
        }
        QVERIFY2(found, qPrintable(texts(all).join(u'\n')));
    }

    void notice_aspectFristenPicksTheDeadlines()
    {
        const QList<SummaryPassage> passages = notice();
        const QList<SummaryPoint> points = services::extractiveSummary(passages, SummaryLength::Short, u"Fristen"_s);
        qInfo().noquote() << "aspect Fristen:\n" << texts(points).join(u"\n"_s);
        QCOMPARE(texts(points), (QStringList { kDeadlineObjection, kDeadlineAppeal, kDeadlineDeferral }));
        QCOMPARE(points[0].page, 2);
        QCOMPARE(points[1].page, 3);
        QCOMPARE(points[2].page, 3);
        // Another aspect picks other sentences.
        const QList<SummaryPoint> costs = services::extractiveSummary(passages, SummaryLength::Short, u"Kosten"_s);
        QVERIFY2(texts(costs).contains(kKeyContribution), qPrintable(texts(costs).join(u'\n')));
        QVERIFY(!texts(costs).contains(kDeadlineDeferral));
    }

    void aspectNotMentioned_fallsBackToTheGeneralSummary()
    {
        const QList<SummaryPassage> passages = notice();
        QCOMPARE(texts(services::extractiveSummary(passages, SummaryLength::Medium, u"Hundesteuer"_s)),
            texts(services::extractiveSummary(passages, SummaryLength::Medium)));
    }

    void shortText_givesFewerPoints()
    {
        const QList<SummaryPassage> passages {
            { u"Die Bibliothek bleibt vom 1. bis 14. August geschlossen. In dieser Zeit werden die Regale "
              u"erneuert und das Lesecafé renoviert."_s,
                0, 0 }
        };
        const QList<SummaryPoint> points = services::extractiveSummary(passages, SummaryLength::Long);
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0].page, 0);
        QCOMPARE(points[0].documentId, qint64(0));
        QVERIFY(services::extractiveSummary({}, SummaryLength::Long).isEmpty());
        QVERIFY(services::extractiveSummary({ { u"Kurz. Zu kurz."_s, 1, 1 } }, SummaryLength::Long).isEmpty());
    }

    void severalDocuments_keepTheirIds()
    {
        QList<SummaryPassage> passages = notice(7);
        passages += { { u"Die Stadtbibliothek bleibt wegen Renovierung vom 1. bis 14. August 2024 geschlossen. "
                        u"Entliehene Medien können während der Schließung am Rathaus zurückgegeben werden. "
                        u"Die Leihfristen aller Medien werden bis zum 31. August 2024 verlängert."_s,
            1, 9 } };
        const QList<SummaryPoint> points = services::extractiveSummary(passages, SummaryLength::Long, u"Fristen"_s);
        QSet<qint64> documents;
        for (const SummaryPoint& p : points) {
            documents.insert(p.documentId);
            if (p.text.startsWith(u"Die Leihfristen"_s))
                QCOMPARE(p.documentId, qint64(9));
        }
        QCOMPARE(documents, (QSet<qint64> { 7, 9 }));
        verifyInTextOrder(points, passages);
    }

    void corpusPdf_pointsAreSentencesOfTheirPages()
    {
        const QString path = corpusDir() + u"/pdf/VwVfG_libreoffice.pdf"_s;
        if (!QFile::exists(path))
            QSKIP("The shared corpus is not available.");
        auto reader = genius::documents::openDocument(path);
        QVERIFY2(reader.has_value(), qPrintable(reader ? QString() : reader.error().detail));
        QList<genius::documents::PageText> pages;
        genius::common::CancellationToken cancel;
        for (int n = 1; n <= (*reader)->pageCount(); ++n) {
            auto page = (*reader)->readPage(n, cancel);
            QVERIFY(page.has_value());
            pages.append(*page);
        }
        genius::documents::removeRepeatedHeadersAndFooters(pages);
        QList<SummaryPassage> passages;
        for (const auto& page : std::as_const(pages))
            passages.append({ page.text, page.number, 42 });

        for (auto length : { SummaryLength::Short, SummaryLength::Medium, SummaryLength::Long }) {
            const QList<SummaryPoint> points = services::extractiveSummary(passages, length);
            QCOMPARE(points.size(), length == SummaryLength::Short ? 3 : length == SummaryLength::Medium ? 6 : 12);
            const QStringList got = texts(points);
            QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size());
            for (const SummaryPoint& p : points) {
                QCOMPARE(p.documentId, qint64(42));
                // The point is on its page, or starts there and runs over onto the next one.
                const QString onPage = letters(passages[p.page - 1].text)
                    + (p.page < passages.size() ? letters(passages[p.page].text) : QString());
                QVERIFY2(onPage.contains(letters(p.text)), qPrintable(u"p. %1: %2"_s.arg(p.page).arg(p.text)));
                QVERIFY2(letters(passages[p.page - 1].text).contains(letters(p.text).left(30)), qPrintable(p.text));
            }
            verifyInTextOrder(points, passages);
            if (length == SummaryLength::Medium)
                qInfo().noquote() << "VwVfG, medium:\n" << got.join(u"\n"_s);
        }
        const QList<SummaryPoint> deadlines
            = services::extractiveSummary(passages, SummaryLength::Medium, u"Fristen"_s);
        qInfo().noquote() << "VwVfG, aspect Fristen:\n" << texts(deadlines).join(u"\n"_s);
        QCOMPARE(deadlines.size(), 6);
        for (const SummaryPoint& p : deadlines) {
            const QString t = p.text.toLower();
            QVERIFY2(t.contains(u"frist"_s) || t.contains(u"termin"_s) || t.contains(u"spätestens"_s)
                    || t.contains(u"innerhalb"_s),
                qPrintable(p.text));
        }
    }

    void corpusMarkdown_noHeadingsOrMetadataInTheSummary()
    {
        const QString path = corpusDir() + u"/gesetze/bdsg_2018.md"_s;
        if (!QFile::exists(path))
            QSKIP("The shared corpus is not available.");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QList<SummaryPoint> points = services::extractiveSummary({ { text, 0, 0 } }, SummaryLength::Long);
        qInfo().noquote() << "BDSG, long:\n" << texts(points).join(u"\n"_s);
        QCOMPARE(points.size(), 12);
        for (const SummaryPoint& p : points) {
            QVERIFY2(
                !p.text.contains(u'#') && !p.text.contains(u"jurabk"_s) && !p.text.contains(u"Ausfertigungsdatum"_s),
                qPrintable(p.text));
            QVERIFY2(letters(text).contains(letters(p.text)), qPrintable(p.text));
            QCOMPARE(p.page, 0);
        }
    }

    void corpus_timeThousandPagesOfLawText()
    {
        const QDir laws(corpusDir() + u"/gesetze"_s);
        if (!laws.exists())
            QSKIP("The shared corpus is not available.");
        // 1,000 pages of about 3,000 characters (a printed A4 page of law text), cut at line ends.
        QList<SummaryPassage> passages;
        qint64 characters = 0;
        const QStringList files = laws.entryList({ u"*.md"_s }, QDir::Files, QDir::Name);
        for (const QString& name : files) {
            QFile file(laws.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
            QString page;
            for (const QString& line : lines) {
                page += line + u'\n';
                if (page.size() >= 3000 && passages.size() < 1000) {
                    characters += page.size();
                    passages.append({ page, static_cast<int>(passages.size()) + 1, 1 });
                    page.clear();
                }
            }
            if (passages.size() >= 1000)
                break;
        }
        QCOMPARE(passages.size(), 1000);
        QElapsedTimer timer;
        timer.start();
        const QList<SummaryPoint> general = services::extractiveSummary(passages, SummaryLength::Medium);
        const qint64 generalMs = timer.restart();
        const QList<SummaryPoint> aspect = services::extractiveSummary(passages, SummaryLength::Long, u"Gebühren"_s);
        const qint64 aspectMs = timer.elapsed();
        qInfo().noquote() << u"1000 pages (%1 characters): medium summary in %2 ms, long with aspect in %3 ms"_s
                                 .arg(characters)
                                 .arg(generalMs)
                                 .arg(aspectMs);
        QCOMPARE(general.size(), 6);
        QCOMPARE(aspect.size(), 12);
        for (const SummaryPoint& p : general)
            QVERIFY(p.page >= 1 && p.page <= 1000);
    }
};

QTEST_GUILESS_MAIN(ExtractiveSummaryTest)
#include "tst_extractivesummary.moc"
