#include "core/index/retriever.h"

#include "testindex.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace genius::index;
using namespace genius::index::test;
using namespace Qt::StringLiterals;
using genius::domain::ProtectionClass;

namespace {

constexpr int kDim = 8;

/// A one-hot-ish toy embedding: direction `axis`, slightly tilted towards `tilt`.
QVector<float> embedding(int axis, int tilt = -1, float amount = 0.0f)
{
    QVector<float> v(kDim, 0.0f);
    v[axis] = 1.0f;
    if (tilt >= 0)
        v[tilt] = amount;
    return v;
}

/// A small index of German statutes and a house rule, one test directory per case.
class Corpus
{
public:
    Corpus()
    {
        if (!m_dir.isValid())
            return;
        m_index = std::make_unique<TestIndex>(m_dir.filePath(u"index.sqlite"_s));
        if (!m_index->isReady())
            return;
        TestIndex& x = *m_index;
        QSqlDatabase db = x.db();
        db.transaction(); // one commit instead of one fsync per row
        vwvfg = x.addDocument(u"VwVfG.pdf"_s, u"normal"_s);
        baugb = x.addDocument(u"BauGB.pdf"_s, u"high"_s);
        ifg = x.addDocument(u"IFG.pdf"_s, u"very-high"_s);
        draft = x.addDocument(u"Entwurf.pdf"_s, u"normal"_s, u"indexing"_s);
        rules = x.addDocument(u"Hausordnung.docx"_s, u"none"_s);
        x.exec(u"UPDATE documents SET paged = 0 WHERE id = %1"_s.arg(rules));

        definition = x.addChunk(vwvfg, u"VwVfG › § 35 Begriff des Verwaltungsaktes"_s,
                                u"Verwaltungsakt ist jede Verfügung, Entscheidung oder andere hoheitliche Maßnahme, die eine "
                                "Behörde zur Regelung eines Einzelfalls auf dem Gebiet des öffentlichen Rechts trifft."_s,
                                12);
        conditions = x.addChunk(vwvfg, u"VwVfG › § 36 Nebenbestimmungen zum Verwaltungsakt"_s,
                                u"Ein Verwaltungsakt, auf den ein Anspruch besteht, darf mit einer Nebenbestimmung nur "
                                "versehen werden, wenn sie durch Rechtsvorschrift zugelassen ist."_s,
                                13);
        hearing = x.addChunk(vwvfg, u"VwVfG › § 28 Anhörung Beteiligter"_s,
                             u"Bevor ein Verwaltungsakt erlassen wird, der in Rechte eines Beteiligten eingreift, ist diesem "
                             "Gelegenheit zu geben, sich zu den für die Entscheidung erheblichen Tatsachen zu äußern."_s,
                             9);
        competence = x.addChunk(vwvfg, u"VwVfG › § 3 Örtliche Zuständigkeit"_s,
                                u"Örtlich zuständig ist in Angelegenheiten, die sich auf unbewegliches Vermögen beziehen, die "
                                "Behörde, in deren Bezirk das Vermögen liegt."_s,
                                2);
        planning = x.addChunk(baugb, u"BauGB › § 1 Aufgabe, Begriff und Grundsätze der Bauleitplanung"_s,
                              u"Aufgabe der Bauleitplanung ist es, die bauliche und sonstige Nutzung der Grundstücke in der "
                              "Gemeinde vorzubereiten und zu leiten. Die Behörde beteiligt die Öffentlichkeit."_s);
        exemptions = x.addChunk(baugb, u"BauGB › § 31 Ausnahmen und Befreiungen"_s,
                                u"Von den Festsetzungen des Bebauungsplans können solche Ausnahmen zugelassen werden, die in "
                                "dem Bebauungsplan nach Art und Umfang ausdrücklich vorgesehen sind."_s);
        access = x.addChunk(ifg, u"IFG › § 1 Grundsatz"_s,
                            u"Jeder hat nach Maßgabe dieses Gesetzes gegenüber den Behörden des Bundes einen Anspruch auf "
                            "Zugang zu amtlichen Informationen."_s);
        secret = x.addChunk(draft, u"Entwurf"_s, u"Geheimer Verwaltungsakt der Behörde im Entwurf."_s);
        houses = x.addChunk(rules, u"Hausordnung"_s,
                            u"Die Häuser der Wohnanlage sind ab 22 Uhr abzuschließen. Haustiere sind erlaubt."_s, 0);

        // Toy embeddings: each chunk has its own direction.
        const QList<qint64> chunks{definition, conditions, hearing, competence, planning, exemptions, access, secret};
        for (qsizetype i = 0; i < chunks.size(); ++i)
            m_embedded &= x.addEmbedding(u"toy"_s, chunks[i], embedding(int(i)));
        m_ready = db.commit() && vwvfg && baugb && ifg && draft && rules && definition && houses && m_embedded;
    }

    bool isReady() const { return m_ready; }
    TestIndex& index() { return *m_index; }

    qint64 vwvfg = 0, baugb = 0, ifg = 0, draft = 0, rules = 0;
    qint64 definition = 0, conditions = 0, hearing = 0, competence = 0, planning = 0, exemptions = 0, access = 0,
           secret = 0, houses = 0;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestIndex> m_index;
    bool m_embedded = true;
    bool m_ready = false;
};

QList<qint64> chunkIds(const QList<SearchHit>& hits)
{
    QList<qint64> ids;
    for (const SearchHit& hit : hits)
        ids.append(hit.chunkId);
    return ids;
}

QSet<qint64> documentIds(const QList<SearchHit>& hits)
{
    QSet<qint64> ids;
    for (const SearchHit& hit : hits)
        ids.insert(hit.documentId);
    return ids;
}

} // namespace

class TestRetriever : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void inflectedQuestion_findsDefinitionFirst();
    void questionAboutHearing_findsHearingFirst();
    void compoundPart_isFoundThroughTrigrams();
    void hit_carriesEveryField();
    void filterByClass_excludesHigherClasses();
    void filterByCollectionAndDocument_restrictsHits();
    void unfinishedDocuments_areNeverReturned();
    void userInput_isNeverFtsSyntax_data();
    void userInput_isNeverFtsSyntax();
    void emptyAndStopCharQueries_giveEmptyList();
    void vectorSearch_ranksByCosineAndFilters();
    void vectorCache_refreshesOnInvalidate();
    void hybrid_fusesLexicalAndVectorHits();
};

void TestRetriever::inflectedQuestion_findsDefinitionFirst()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    const auto hits = retriever.lexical(u"Wie ist der Begriff der Verwaltungsakte bestimmt?"_s, {}, 5);
    QVERIFY(hits.has_value());
    QVERIFY(hits->size() >= 3);
    QCOMPARE(hits->front().chunkId, corpus.definition); // the heading names it: weighted higher
    QVERIFY(chunkIds(*hits).contains(corpus.conditions));
    QVERIFY(!chunkIds(*hits).contains(corpus.secret));
}

void TestRetriever::questionAboutHearing_findsHearingFirst()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    const auto hits = retriever.lexical(u"Wann muss die Behörde die Beteiligten anhören?"_s, {}, 3);
    QVERIFY(hits.has_value());
    QVERIFY(!hits->isEmpty());
    QCOMPARE(hits->front().chunkId, corpus.hearing);
    const auto zoning = retriever.lexical(u"Ausnahme vom Bebauungsplan"_s, {}, 3);
    QVERIFY(zoning.has_value() && !zoning->isEmpty());
    QCOMPARE(zoning->front().chunkId, corpus.exemptions);
}

void TestRetriever::compoundPart_isFoundThroughTrigrams()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    // "Vorschriften" is only inside the compound "Rechtsvorschrift": no stem matches it.
    auto tuning = retriever.lexicalTuning();
    QVERIFY(tuning.trigramWeight > 0.0);
    const auto withTrigrams = retriever.lexical(u"Vorschriften"_s, {}, 3);
    QVERIFY(withTrigrams.has_value());
    QCOMPARE(chunkIds(*withTrigrams), QList<qint64>{corpus.conditions});
    // The stem "plan" is inside "Bauleitplanung" and "Bebauungsplans", whatever the umlauts.
    const QList<qint64> plans = chunkIds(*retriever.lexical(u"Pläne"_s, {}, 5));
    QCOMPARE(QSet<qint64>(plans.begin(), plans.end()), QSet<qint64>({corpus.planning, corpus.exemptions}));
    tuning.trigramWeight = 0.0;
    retriever.setLexicalTuning(tuning);
    QCOMPARE(retriever.lexical(u"Vorschriften"_s, {}, 3)->size(), 0);
}

void TestRetriever::hit_carriesEveryField()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    const auto hits = retriever.lexical(u"Häuser"_s, {}, 1);
    QVERIFY(hits.has_value());
    QCOMPARE(hits->size(), 1);
    const SearchHit& hit = hits->front();
    QCOMPARE(hit.chunkId, corpus.houses);
    QCOMPARE(hit.documentId, corpus.rules);
    QCOMPARE(hit.documentName, u"Hausordnung.docx"_s);
    QCOMPARE(hit.paged, false);
    QCOMPARE(hit.heading, u"Hausordnung"_s);
    QVERIFY(hit.text.startsWith(u"Die Häuser der Wohnanlage"_s));
    QVERIFY(hit.end - hit.start == hit.text.size());
    QVERIFY(hit.score > 0.0);

    const auto paged = retriever.lexical(u"Begriff des Verwaltungsaktes"_s, {}, 1);
    QVERIFY(paged.has_value() && paged->size() == 1);
    QCOMPARE(paged->front().documentName, u"VwVfG.pdf"_s);
    QCOMPARE(paged->front().paged, true);
    QCOMPARE(paged->front().firstPage, 12);
    QCOMPARE(paged->front().lastPage, 12);
    QCOMPARE(paged->front().heading, u"VwVfG › § 35 Begriff des Verwaltungsaktes"_s);
}

void TestRetriever::filterByClass_excludesHigherClasses()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    const auto all = retriever.lexical(u"Behörde"_s, {}, 10);
    QVERIFY(all.has_value());
    QCOMPARE(documentIds(*all), QSet<qint64>({corpus.vwvfg, corpus.baugb, corpus.ifg}));
    SearchFilter normal;
    normal.maxClass = ProtectionClass::Normal;
    const auto limited = retriever.lexical(u"Behörde"_s, normal, 10);
    QVERIFY(limited.has_value());
    QCOMPARE(documentIds(*limited), QSet<qint64>({corpus.vwvfg}));
    SearchFilter high;
    high.maxClass = ProtectionClass::High;
    QCOMPARE(documentIds(*retriever.lexical(u"Behörde"_s, high, 10)), QSet<qint64>({corpus.vwvfg, corpus.baugb}));
    SearchFilter none;
    none.maxClass = ProtectionClass::None;
    QCOMPARE(retriever.lexical(u"Behörde"_s, none, 10)->size(), 0);
    QCOMPARE(chunkIds(*retriever.lexical(u"Haustiere"_s, none, 10)), QList<qint64>{corpus.houses});
}

void TestRetriever::filterByCollectionAndDocument_restrictsHits()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    const qint64 planningLaw = corpus.index().addCollection(u"Planungsrecht"_s, {corpus.baugb});
    const qint64 openness = corpus.index().addCollection(u"Transparenz"_s, {corpus.ifg});
    QVERIFY(planningLaw > 0 && openness > 0);
    Retriever retriever(corpus.index().db());
    SearchFilter filter;
    filter.collections = {planningLaw};
    QCOMPARE(documentIds(*retriever.lexical(u"Behörde"_s, filter, 10)), QSet<qint64>({corpus.baugb}));
    filter.collections = {planningLaw, openness};
    QCOMPARE(documentIds(*retriever.lexical(u"Behörde"_s, filter, 10)), QSet<qint64>({corpus.baugb, corpus.ifg}));
    filter.maxClass = ProtectionClass::High; // both restrictions apply
    QCOMPARE(documentIds(*retriever.lexical(u"Behörde"_s, filter, 10)), QSet<qint64>({corpus.baugb}));

    SearchFilter documents;
    documents.documents = {corpus.ifg, corpus.rules};
    QCOMPARE(documentIds(*retriever.lexical(u"Behörde"_s, documents, 10)), QSet<qint64>({corpus.ifg}));
    documents.documents = {999999};
    QCOMPARE(retriever.lexical(u"Behörde"_s, documents, 10)->size(), 0);
}

void TestRetriever::unfinishedDocuments_areNeverReturned()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    QCOMPARE(retriever.lexical(u"geheim Entwurf"_s, {}, 10)->size(), 0);
    QVERIFY(corpus.index().exec(u"UPDATE documents SET status = 'ready' WHERE id = %1"_s.arg(corpus.draft)));
    QCOMPARE(chunkIds(*retriever.lexical(u"geheim Entwurf"_s, {}, 10)), QList<qint64>{corpus.secret});
    QVERIFY(corpus.index().exec(u"UPDATE documents SET status = 'failed' WHERE id = %1"_s.arg(corpus.vwvfg)));
    QVERIFY(!documentIds(*retriever.lexical(u"Verwaltungsakt"_s, {}, 10)).contains(corpus.vwvfg));
}

void TestRetriever::userInput_isNeverFtsSyntax_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("findsDefinition");
    QTest::newRow("quote") << u"\""_s << false;
    QTest::newRow("quoted phrase break-out") << u"Verwaltungsakt\" OR \"x"_s << true;
    QTest::newRow("operators") << u"AND OR NOT"_s << false;
    QTest::newRow("near") << u"NEAR(Verwaltungsakt Behörde, 2)"_s << true;
    QTest::newRow("prefix star") << u"Verwaltungs*"_s << true;
    QTest::newRow("negation") << u"-Verwaltungsakt"_s << true;
    QTest::newRow("column filter") << u"heading: Begriff"_s << true;
    QTest::newRow("column set") << u"{heading text}: Begriff"_s << true;
    QTest::newRow("caret") << u"^Verwaltungsakt"_s << true;
    QTest::newRow("paragraph sign") << u"§ 35"_s << false;
    QTest::newRow("sql") << u"'); DROP TABLE chunks; --"_s << false;
    QTest::newRow("parentheses") << u"((("_s << false;
    QTest::newRow("plus and colon") << u"+:"_s << false;
    QTest::newRow("very long") << QString(5000, u'a') << false;
}

void TestRetriever::userInput_isNeverFtsSyntax()
{
    QFETCH(QString, query);
    QFETCH(bool, findsDefinition);
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    const auto hits = retriever.lexical(query, {}, 10);
    QVERIFY2(hits.has_value(), qPrintable(hits ? QString() : hits.error().detail));
    if (findsDefinition)
        QVERIFY(chunkIds(*hits).contains(corpus.definition));
    QCOMPARE(corpus.index().scalar(u"SELECT count(*) FROM chunks"_s).toInt(), 9);
    QVERIFY(retriever.hybrid(query, u"toy"_s, embedding(0), {}, 5).has_value());
}

void TestRetriever::emptyAndStopCharQueries_giveEmptyList()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    for (const QString& query : {QString(), u"   \t\n"_s, u"§ ?! … – „“ ()"_s, u"😀🎉"_s}) {
        const auto hits = retriever.lexical(query, {}, 5);
        QVERIFY(hits.has_value());
        QCOMPARE(hits->size(), 0);
    }
    // Only function words: searched as they are rather than dropped to nothing.
    QVERIFY(retriever.lexical(u"Was ist das?"_s, {}, 5).has_value());
    QCOMPARE(retriever.lexical(u"Behörde"_s, {}, 0).error().code, genius::common::ErrorCode::InvalidArgument);
}

void TestRetriever::vectorSearch_ranksByCosineAndFilters()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    // Near the hearing chunk (axis 2), a little towards the definition (axis 0).
    const auto hits = retriever.vector(u"toy"_s, embedding(2, 0, 0.3f), {}, 3);
    QVERIFY(hits.has_value());
    QCOMPARE(chunkIds(*hits).mid(0, 2), QList<qint64>({corpus.hearing, corpus.definition}));
    QVERIFY(hits->at(0).score > 0.9);
    QCOMPARE(hits->at(0).heading, u"VwVfG › § 28 Anhörung Beteiligter"_s);
    QCOMPARE(hits->at(0).firstPage, 9);

    // The draft (axis 7) is not ready; the IFG (axis 6) is very-high.
    QVERIFY(!chunkIds(*retriever.vector(u"toy"_s, embedding(7), {}, 8)).contains(corpus.secret));
    SearchFilter normal;
    normal.maxClass = ProtectionClass::Normal;
    const auto limited = retriever.vector(u"toy"_s, embedding(6), normal, 8);
    QVERIFY(limited.has_value());
    QCOMPARE(documentIds(*limited), QSet<qint64>({corpus.vwvfg}));
    QCOMPARE(limited->size(), 4);
    // A reclassification is honoured without reloading vectors.
    QVERIFY(corpus.index().exec(u"UPDATE documents SET class = 'very-high' WHERE id = %1"_s.arg(corpus.vwvfg)));
    QCOMPARE(retriever.vector(u"toy"_s, embedding(2), normal, 8)->size(), 0);

    QCOMPARE(retriever.vector(u"other-model"_s, embedding(2), {}, 3)->size(), 0);
    QCOMPARE(retriever.vector(u"toy"_s, QVector<float>(3, 1.0f), {}, 3).error().code,
             genius::common::ErrorCode::InvalidArgument);
}

void TestRetriever::vectorCache_refreshesOnInvalidate()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    QVERIFY(retriever.vector(u"toy"_s, embedding(0), {}, 1).has_value());
    QVector<float> housesVector(kDim, 0.0f);
    housesVector[0] = 1.0f;
    housesVector[1] = 1.0f;
    QVERIFY(corpus.index().addEmbedding(u"toy"_s, corpus.houses, housesVector));
    const QVector<float> query = housesVector;
    QVERIFY(!chunkIds(*retriever.vector(u"toy"_s, query, {}, 1)).contains(corpus.houses)); // cached
    retriever.invalidateVectors();
    QCOMPARE(chunkIds(*retriever.vector(u"toy"_s, query, {}, 1)), QList<qint64>{corpus.houses});
}

void TestRetriever::hybrid_fusesLexicalAndVectorHits()
{
    Corpus corpus;
    QVERIFY(corpus.isReady());
    Retriever retriever(corpus.index().db());
    // Lexically the IFG chunk ("Informationen"); by vector the exemptions chunk (axis 5).
    const QString question = u"Zugang zu amtlichen Informationen"_s;
    const auto lexicalOnly = retriever.lexical(question, {}, 3);
    QVERIFY(lexicalOnly.has_value());
    QVERIFY(!chunkIds(*lexicalOnly).contains(corpus.exemptions));
    const auto fused = retriever.hybrid(question, u"toy"_s, embedding(5, 6, 0.5f), {}, 3);
    QVERIFY(fused.has_value());
    // The IFG chunk is in both lists (axis 6 is second by vector) and wins.
    QCOMPARE(fused->front().chunkId, corpus.access);
    QVERIFY(chunkIds(*fused).contains(corpus.exemptions));
    for (qsizetype i = 1; i < fused->size(); ++i)
        QVERIFY(fused->at(i - 1).score >= fused->at(i).score);
    // Without a query vector, hybrid is the lexical ranking.
    QCOMPARE(chunkIds(*retriever.hybrid(question, u"toy"_s, {}, {}, 3)), chunkIds(*lexicalOnly));
    SearchFilter normal;
    normal.maxClass = ProtectionClass::Normal;
    QVERIFY(documentIds(*retriever.hybrid(question, u"toy"_s, embedding(5, 6, 0.5f), normal, 5)).subtract({corpus.vwvfg}).isEmpty());
}

QTEST_GUILESS_MAIN(TestRetriever)
#include "tst_retriever.moc"
