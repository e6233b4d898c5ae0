#include "core/index/retriever.h"
#include "core/index/indexlogging.h"

#include "core/index/germantokenizer.h"
#include "core/index/vectorindex.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <string>

namespace genius::index {

namespace {

using namespace Qt::StringLiterals;

// Protection classes as stored in documents.class, ordered; unknown spellings never match.
constexpr auto kClassRank = "CASE d.class WHEN 'none' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 "
                            "WHEN 'very-high' THEN 3 ELSE 99 END"_L1;

constexpr auto kHitColumns = "SELECT c.id, c.document_id, d.name, d.paged, c.first_page, c.last_page, "
                             "c.start_offset, c.end_offset, c.heading, c.text "
                             "FROM chunks c JOIN documents d ON d.id = c.document_id "_L1;

constexpr int kHybridFusionK = 60;
constexpr std::size_t kMinTrigramChars = 3;
// Trigrams of a stem matched on the trigram side (its rarest), and the share of chunks above
// which a stem is too common for it.
constexpr qsizetype kTrigramsPerStem = 3;
constexpr double kMaxTrigramShare = 0.05;
constexpr double kAlwaysCheapChunks = 100.0; // in small indexes every stem is cheap enough

/// Lower case without German diacritics: how stopwords are compared.
QString comparable(const QString& word)
{
    QString folded = word.toCaseFolded();
    folded.replace(u'ä', u'a').replace(u'ö', u'o').replace(u'ü', u'u').replace(u"ß"_s, u"ss"_s);
    return folded;
}

/// German function and question words. Compared as written (not stemmed), so content words
/// that share a stem ("Einigung" / "einige") stay in the query.
const QSet<QString>& stopwords()
{
    static const QSet<QString> words = [] {
        static const char* const list[] = {
            "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere",
            "anderem", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist",
            "da", "damit", "dann", "der", "den", "des", "dem", "die", "das", "dass", "daß", "dazu", "dein", "deine",
            "deinem", "deinen", "deiner", "deines", "denn", "derer", "dessen", "dich", "dir", "du", "dies", "diese",
            "diesem", "diesen", "dieser", "dieses", "doch", "dort", "durch", "ein", "eine", "einem", "einen",
            "einer", "eines", "er", "es", "etwas", "euch", "euer", "eure", "eurem", "euren", "eurer", "eures",
            "für", "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "ich",
            "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "im", "in", "indem", "ins",
            "ist", "jede", "jedem", "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener", "jenes", "kann",
            "können", "könnte", "man", "mein", "meine", "meinem", "meinen", "meiner", "meines", "mich", "mir",
            "mit", "muss", "musste", "nach", "noch", "nun", "nur", "ob", "oder", "sehr", "sein", "seine",
            "seinem", "seinen", "seiner", "seines", "sich", "sie", "sind", "so", "solche", "solchem", "solchen",
            "solcher", "solches", "soll", "sollte", "sondern", "sonst", "um", "und", "uns", "unser", "unsere",
            "unserem", "unseren", "unseres", "vom", "von", "vor", "war", "waren", "warst", "was", "weil", "welch",
            "welche", "welchem", "welchen", "welcher", "welches", "wenn", "wer", "wem", "wen", "wessen", "werde",
            "werden", "wie", "wieder", "wir", "wird", "wirst", "wo", "wurde", "wurden", "worden", "würde",
            "würden", "zu", "zum", "zur", "zwar", "wann", "warum", "weshalb", "wieso", "wodurch", "wofür",
            "wogegen", "woher", "wohin", "womit", "worauf", "woraus", "worin", "worüber", "wozu", "gibt", "gab",
            "mehr", "viele", "vielen", "denen", "sowie", "bzw", "ca",
        };
        QSet<QString> set;
        for (const char* word : list)
            set.insert(comparable(QString::fromUtf8(word)));
        return set;
    }();
    return words;
}

QString quoted(const QString& text)
{
    return u'"' + QString(text).replace(u'"', u"\"\""_s) + u'"';
}

QString jsonIds(const QList<qint64>& ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return u'[' + parts.join(u',') + u']';
}

/// SQL conditions on `d` (documents) for a filter, with their bound values in order.
struct FilterSql {
    QString where;
    QVariantList values;
};

FilterSql filterSql(const SearchFilter& filter)
{
    FilterSql sql;
    sql.where = u"d.status = 'ready' AND "_s + kClassRank + u" <= ?"_s;
    sql.values.append(static_cast<int>(filter.maxClass));
    if (!filter.documents.isEmpty()) {
        sql.where += u" AND d.id IN (SELECT value FROM json_each(?))"_s;
        sql.values.append(jsonIds(filter.documents));
    }
    if (!filter.collections.isEmpty()) {
        sql.where += u" AND EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id"
                     " AND a.collection_id IN (SELECT value FROM json_each(?)))"_s;
        sql.values.append(jsonIds(filter.collections));
    }
    return sql;
}

common::Result<QSqlQuery> execute(const QSqlDatabase& db, const QString& sql, const QVariantList& values)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return common::fail(common::ErrorCode::Corrupt, u"The index could not be searched: %1"_s.arg(query.lastError().text()));
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return common::fail(common::ErrorCode::Io, u"The index could not be searched: %1"_s.arg(query.lastError().text()));
    return query;
}

/// Weighted reciprocal rank fusion: Σ weight / (k + rank), rank counted from 1.
template<typename Ranking>
QList<Ranking> fuse(const QList<QList<Ranking>>& rankings, const QList<double>& weights, int k)
{
    QHash<qint64, double> scores;
    QHash<qint64, int> firstSeen; // ties keep the order of the first ranking that had them
    int order = 0;
    for (qsizetype list = 0; list < rankings.size(); ++list) {
        for (qsizetype rank = 0; rank < rankings[list].size(); ++rank) {
            const qint64 id = rankings[list][rank].chunkId;
            scores[id] += weights[list] / (k + static_cast<double>(rank + 1));
            if (!firstSeen.contains(id))
                firstSeen.insert(id, order++);
        }
    }
    QList<Ranking> fused;
    fused.reserve(scores.size());
    for (auto it = scores.cbegin(); it != scores.cend(); ++it)
        fused.append(Ranking{it.key(), it.value()});
    std::sort(fused.begin(), fused.end(), [&](const Ranking& a, const Ranking& b) {
        return a.score != b.score ? a.score > b.score : firstSeen.value(a.chunkId) < firstSeen.value(b.chunkId);
    });
    return fused;
}

} // namespace

Retriever::Retriever(QSqlDatabase db)
    : m_db(std::move(db))
{
}

Retriever::~Retriever() = default;

void Retriever::setLexicalTuning(const LexicalTuning& tuning)
{
    m_tuning = tuning;
}

Retriever::LexicalTuning Retriever::lexicalTuning() const
{
    return m_tuning;
}

QStringList contentTerms(const QString& query)
{
    QStringList terms;
    const QList<GermanWord> words = germanWords(query);
    for (const bool skipStopwords : {true, false}) {
        for (const GermanWord& word : words) {
            if (skipStopwords && stopwords().contains(comparable(word.surface)))
                continue;
            if (!terms.contains(word.term))
                terms.append(word.term);
        }
        if (!terms.isEmpty())
            break;
    }
    return terms;
}

void Retriever::invalidateVectors()
{
    m_vectors.reset();
    m_vectorDocuments.clear();
    m_cachedModel.clear();
}

common::Result<QList<Retriever::Ranked>> Retriever::lexicalRanking(const QString& query, const SearchFilter& filter,
                                                                   int depth)
{
    const QList<GermanWord> words = germanWords(query);
    // One query word per distinct term; function words go unless nothing else is left.
    QList<GermanWord> kept;
    QSet<QString> seenTerms;
    for (const bool skipStopwords : {m_tuning.dropStopwords, false}) {
        for (const GermanWord& word : words) {
            if (skipStopwords && stopwords().contains(comparable(word.surface)))
                continue;
            if (!seenTerms.contains(word.term)) {
                seenTerms.insert(word.term);
                kept.append(word);
            }
        }
        if (!kept.isEmpty())
            break;
    }
    if (kept.isEmpty())
        return QList<Ranked>();

    // Every word is quoted: FTS5 never sees operators, column filters or '*' from the user.
    QStringList matchTerms;
    QStringList termWeights;
    QList<QStringList> trigramGroups;
    for (const GermanWord& word : kept) {
        matchTerms.append(quoted(word.surface));
        // German capitalises nouns: a capital letter after the first word marks a content word.
        const bool noun = word.start > 0 && word.surface.front().isUpper();
        termWeights.append(QString::number(noun ? m_tuning.nounWeight : 1.0));
        // All trigrams of the stem (folded like chunks_trigram's text): a chunk that has them
        // all contains the word, an inflection or a compound of it ("plan" in "Bebauungspläne").
        const std::u32string stem = word.term.toStdU32String();
        if (stem.size() < kMinTrigramChars)
            continue;
        QStringList trigrams;
        for (std::size_t i = 0; i + kMinTrigramChars <= stem.size(); ++i) {
            const QString trigram = QString::fromStdU32String(stem.substr(i, kMinTrigramChars));
            if (!trigrams.contains(trigram))
                trigrams.append(trigram);
        }
        if (!trigramGroups.contains(trigrams))
            trigramGroups.append(trigrams);
    }

    const FilterSql where = filterSql(filter);
    const int limit = std::max(depth, m_tuning.candidates);
    QVariantList values{m_tuning.k1, m_tuning.b, m_tuning.proximity, m_tuning.proximityWindow, termWeights.join(u' '),
                        m_tuning.headingWeight, m_tuning.textWeight, matchTerms.join(u" OR "_s)};
    values.append(where.values);
    values.append(limit);
    auto bm25 = execute(m_db,
                        u"SELECT chunks_fts.rowid, genius_bm25(chunks_fts, ?, ?, ?, ?, ?, ?, ?) AS rank FROM chunks_fts "
                        "JOIN chunks c ON c.id = chunks_fts.rowid JOIN documents d ON d.id = c.document_id "
                        "WHERE chunks_fts MATCH ? AND "_s
                            + where.where + u" ORDER BY rank LIMIT ?"_s,
                        values);
    if (!bm25)
        return std::unexpected(bm25.error());
    QList<Ranked> stemmed;
    while (bm25->next())
        stemmed.append(Ranked{bm25->value(0).toLongLong(), -bm25->value(1).toDouble()});

    if (m_tuning.trigramWeight <= 0.0 || trigramGroups.isEmpty())
        return stemmed;
    auto compounds = trigramRanking(trigramGroups, where.where, where.values, limit);
    if (!compounds)
        return std::unexpected(compounds.error());
    return fuse<Ranked>({stemmed, *compounds}, {1.0, m_tuning.trigramWeight}, m_tuning.fusionK);
}

common::Result<QList<Retriever::Ranked>> Retriever::trigramRanking(const QList<QStringList>& groups,
                                                                   const QString& whereSql,
                                                                   const QVariantList& whereValues, int limit)
{
    // A group is the trigrams of one query stem; a chunk that has them contains the stem. A
    // chunk scores the summed IDF of the stems it contains. bm25() is not used: on a
    // detail='none' table it re-tokenizes every matching chunk. Only the rarest trigrams of a
    // stem are matched, and stems found in many chunks are left to BM25, so the cost follows
    // the short doclists rather than the corpus size.
    if (!m_trigramVocabularyReady) {
        // A per-connection view of the trigram index's terms; TEMP, so the file is not changed.
        auto created = execute(m_db, u"CREATE VIRTUAL TABLE IF NOT EXISTS temp.genius_trigram_vocabulary "
                                     "USING fts5vocab(main, 'chunks_trigram', 'row')"_s, {});
        if (!created)
            return std::unexpected(created.error());
        m_trigramVocabularyReady = true;
    }
    QJsonArray distinct;
    for (const QStringList& group : groups) {
        for (const QString& trigram : group)
            distinct.append(trigram);
    }
    auto counts = execute(m_db, u"SELECT term, doc FROM temp.genius_trigram_vocabulary "
                                "WHERE term IN (SELECT value FROM json_each(?))"_s,
                          {QString::fromUtf8(QJsonDocument(distinct).toJson(QJsonDocument::Compact))});
    if (!counts)
        return std::unexpected(counts.error());
    QHash<QString, double> frequency;
    while (counts->next())
        frequency.insert(counts->value(0).toString(), counts->value(1).toDouble());
    // max(id) instead of count(*): O(log n), and gaps from deleted chunks barely move an IDF.
    auto total = execute(m_db, u"SELECT coalesce(max(id), 0) FROM chunks"_s, {});
    if (!total)
        return std::unexpected(total.error());
    const double chunks = total->next() ? total->value(0).toDouble() : 0.0;

    QStringList parts;
    QVariantList values;
    for (QStringList group : groups) {
        std::sort(group.begin(), group.end(), [&](const QString& a, const QString& b) {
            return frequency.value(a) < frequency.value(b);
        });
        const double rarest = frequency.value(group.front());
        if (rarest <= 0.0 || rarest > std::max(kMaxTrigramShare * chunks, kAlwaysCheapChunks))
            continue; // no chunk has it, or so many that BM25's ranking is the better guide
        QStringList rare;
        for (qsizetype i = 0; i < group.size() && i < kTrigramsPerStem; ++i)
            rare.append(quoted(group[i]));
        parts.append(u"SELECT rowid AS id, ? AS weight FROM chunks_trigram WHERE chunks_trigram MATCH ?"_s);
        values.append(std::log(1.0 + (chunks - rarest + 0.5) / (rarest + 0.5)));
        values.append(rare.join(u" AND "_s));
    }
    if (parts.isEmpty())
        return QList<Ranked>();
    values.append(whereValues);
    values.append(limit);
    auto rows = execute(m_db,
                        u"SELECT t.id, sum(t.weight) AS score FROM ("_s + parts.join(u" UNION ALL "_s)
                            + u") t JOIN chunks c ON c.id = t.id JOIN documents d ON d.id = c.document_id WHERE "_s
                            + whereSql + u" GROUP BY t.id ORDER BY score DESC, t.id LIMIT ?"_s,
                        values);
    if (!rows)
        return std::unexpected(rows.error());
    QList<Ranked> ranking;
    while (rows->next())
        ranking.append(Ranked{rows->value(0).toLongLong(), rows->value(1).toDouble()});
    return ranking;
}

common::Result<void> Retriever::loadVectors(const QString& model)
{
    if (m_vectors && m_cachedModel == model)
        return {};
    invalidateVectors();
    auto count = execute(m_db,
                         u"SELECT count(*), max(e.dim) FROM embeddings e JOIN chunks c ON c.id = e.chunk_id "
                         "JOIN documents d ON d.id = c.document_id WHERE e.model = ? AND d.status = 'ready'"_s,
                         {model});
    if (!count)
        return std::unexpected(count.error());
    auto vectors = std::make_unique<VectorIndex>();
    if (count->next() && count->value(0).toLongLong() > 0) {
        if (auto reserved = vectors->reserve(count->value(0).toLongLong(), count->value(1).toInt()); !reserved)
            return std::unexpected(reserved.error());
    }
    // Grouped by document so a filter turns into a few row ranges.
    auto rows = execute(m_db,
                        u"SELECT e.chunk_id, c.document_id, e.dim, e.vector FROM embeddings e "
                        "JOIN chunks c ON c.id = e.chunk_id JOIN documents d ON d.id = c.document_id "
                        "WHERE e.model = ? AND d.status = 'ready' ORDER BY c.document_id, e.chunk_id"_s,
                        {model});
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<DocumentRows> documents;
    std::vector<float> values;
    qsizetype skipped = 0;
    while (rows->next()) {
        const int dim = rows->value(2).toInt();
        const QByteArray blob = rows->value(3).toByteArray();
        if (dim <= 0 || blob.size() != qsizetype(dim) * qsizetype(sizeof(float))) {
            ++skipped;
            continue;
        }
        values.resize(static_cast<std::size_t>(dim));
        qFromLittleEndian<float>(blob.constData(), dim, values.data());
        if (!vectors->add(rows->value(0).toLongLong(), std::span<const float>(values))) {
            ++skipped; // another dimension than the model's first vector, or a zero vector
            continue;
        }
        const qint64 documentId = rows->value(1).toLongLong();
        const qsizetype row = vectors->size() - 1;
        if (documents.empty() || documents.back().documentId != documentId)
            documents.push_back(DocumentRows{documentId, row, row + 1});
        else
            documents.back().end = row + 1;
    }
    if (skipped > 0)
        qCWarning(lcIndex) << "skipped" << skipped << "unusable embeddings of model" << model;
    qCDebug(lcIndex) << "loaded" << vectors->size() << "vectors of model" << model << "in" << vectors->bytes() << "bytes";
    m_vectors = std::move(vectors);
    m_vectorDocuments = std::move(documents);
    m_cachedModel = model;
    return {};
}

common::Result<QList<Retriever::Ranked>> Retriever::vectorRanking(const QString& model, const QVector<float>& queryVector,
                                                                  const SearchFilter& filter, int depth)
{
    if (auto loaded = loadVectors(model); !loaded)
        return std::unexpected(loaded.error());
    if (m_vectors->size() == 0)
        return QList<Ranked>();
    // The documents table is small: ask it which documents the filter allows right now, so a
    // document that was reclassified or removed since loading is excluded.
    const FilterSql where = filterSql(filter);
    auto allowedDocuments = execute(m_db, u"SELECT d.id FROM documents d WHERE "_s + where.where, where.values);
    if (!allowedDocuments)
        return std::unexpected(allowedDocuments.error());
    QSet<qint64> allowedIds;
    while (allowedDocuments->next())
        allowedIds.insert(allowedDocuments->value(0).toLongLong());
    std::vector<bool> allowed(static_cast<std::size_t>(m_vectors->size()), false);
    bool everything = true;
    for (const DocumentRows& document : m_vectorDocuments) {
        const bool ok = allowedIds.contains(document.documentId);
        everything &= ok;
        if (ok)
            std::fill(allowed.begin() + document.first, allowed.begin() + document.end, true);
    }
    auto hits = m_vectors->search(std::span<const float>(queryVector.constData(), queryVector.size()), depth,
                                  everything ? nullptr : &allowed);
    if (!hits)
        return std::unexpected(hits.error());
    QList<Ranked> ranking;
    ranking.reserve(hits->size());
    for (const VectorHit& hit : *hits)
        ranking.append(Ranked{hit.id, hit.score});
    return ranking;
}

common::Result<QList<SearchHit>> Retriever::fillHits(const QList<Ranked>& ranking, const SearchFilter& filter, int topK)
{
    QList<qint64> ids;
    for (qsizetype i = 0; i < ranking.size() && i < topK; ++i)
        ids.append(ranking[i].chunkId);
    if (ids.isEmpty())
        return QList<SearchHit>();
    // The filter is applied again: a cached ranking never outlives a reclassification.
    const FilterSql where = filterSql(filter);
    QVariantList values{jsonIds(ids)};
    values.append(where.values);
    auto rows = execute(m_db, kHitColumns + u"WHERE c.id IN (SELECT value FROM json_each(?)) AND "_s + where.where, values);
    if (!rows)
        return std::unexpected(rows.error());
    QHash<qint64, SearchHit> byId;
    while (rows->next()) {
        SearchHit hit;
        hit.chunkId = rows->value(0).toLongLong();
        hit.documentId = rows->value(1).toLongLong();
        hit.documentName = rows->value(2).toString();
        hit.paged = rows->value(3).toInt() != 0;
        hit.firstPage = rows->value(4).toInt();
        hit.lastPage = rows->value(5).toInt();
        hit.start = rows->value(6).toInt();
        hit.end = rows->value(7).toInt();
        hit.heading = rows->value(8).toString();
        hit.text = rows->value(9).toString();
        byId.insert(hit.chunkId, hit);
    }
    QList<SearchHit> hits;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        auto it = byId.find(ids[i]);
        if (it == byId.end())
            continue;
        it->score = ranking[i].score;
        hits.append(*it);
    }
    return hits;
}

common::Result<QList<SearchHit>> Retriever::lexical(const QString& query, const SearchFilter& filter, int topK)
{
    if (topK <= 0)
        return common::fail(common::ErrorCode::InvalidArgument, u"A search needs at least one result to return."_s);
    auto ranking = lexicalRanking(query, filter, topK);
    if (!ranking)
        return std::unexpected(ranking.error());
    return fillHits(*ranking, filter, topK);
}

common::Result<QList<SearchHit>> Retriever::vector(const QString& model, const QVector<float>& queryVector,
                                                   const SearchFilter& filter, int topK)
{
    if (topK <= 0)
        return common::fail(common::ErrorCode::InvalidArgument, u"A search needs at least one result to return."_s);
    if (queryVector.isEmpty())
        return common::fail(common::ErrorCode::InvalidArgument, u"A vector search needs a query vector."_s);
    auto ranking = vectorRanking(model, queryVector, filter, topK);
    if (!ranking)
        return std::unexpected(ranking.error());
    return fillHits(*ranking, filter, topK);
}

common::Result<QList<SearchHit>> Retriever::hybrid(const QString& query, const QString& model,
                                                   const QVector<float>& queryVector, const SearchFilter& filter,
                                                   int topK)
{
    if (topK <= 0)
        return common::fail(common::ErrorCode::InvalidArgument, u"A search needs at least one result to return."_s);
    const int depth = topK * 4;
    auto lexicalList = lexicalRanking(query, filter, depth);
    if (!lexicalList)
        return std::unexpected(lexicalList.error());
    lexicalList->resize(std::min<qsizetype>(lexicalList->size(), depth));
    QList<Ranked> vectorList;
    if (!queryVector.isEmpty()) {
        auto ranked = vectorRanking(model, queryVector, filter, depth);
        if (!ranked)
            return std::unexpected(ranked.error());
        vectorList = *ranked;
    }
    return fillHits(fuse<Ranked>({*lexicalList, vectorList}, {1.0, 1.0}, kHybridFusionK), filter, topK);
}

} // namespace genius::index
