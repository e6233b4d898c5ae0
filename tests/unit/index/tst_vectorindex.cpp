#include "core/index/vectorindex.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

using namespace genius::index;

namespace {

using Matrix = std::vector<std::vector<float>>;

// Storing float16 moves a cosine by at most Σ|q_i·x_i|·2^-11 ≤ 4.9e-4.
constexpr double kTolerance = 5e-4;

std::vector<float> randomVector(std::mt19937& random, int dim)
{
    std::normal_distribution<float> normal;
    std::vector<float> v(static_cast<std::size_t>(dim));
    for (float& value : v)
        value = normal(random);
    return v;
}

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double dot = 0, na = 0, nb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    return dot / std::sqrt(na * nb);
}

struct Reference {
    qint64 id;
    double score;
};

/// Brute force in double precision over the allowed rows, best first.
std::vector<Reference> bruteForce(const Matrix& rows, const std::vector<float>& query, const std::vector<bool>* allowed)
{
    std::vector<Reference> all;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (!allowed || (*allowed)[r])
            all.push_back(Reference{qint64(r) * 7 + 3, cosine(rows[r], query)});
    }
    std::sort(all.begin(), all.end(), [](const Reference& a, const Reference& b) { return a.score > b.score; });
    return all;
}

/// Same ids as the reference top k, except where the reference itself is tied closer than
/// float16 rounding can separate; scores agree within that rounding (at most 2^-11 in cosine).
bool matchesReference(const QList<VectorHit>& hits, const std::vector<Reference>& reference, int k, QString* why)
{
    const std::size_t expected = std::min<std::size_t>(reference.size(), std::size_t(k));
    if (std::size_t(hits.size()) != expected) {
        *why = QStringLiteral("%1 hits instead of %2").arg(hits.size()).arg(expected);
        return false;
    }
    for (std::size_t i = 0; i < expected; ++i) {
        if (std::abs(hits[qsizetype(i)].score - reference[i].score) > kTolerance) {
            *why = QStringLiteral("rank %1: score %2, reference %3").arg(i).arg(hits[qsizetype(i)].score).arg(reference[i].score);
            return false;
        }
    }
    // Every reference hit must be there unless it ties with the first one left out.
    const double boundary = expected > 0 ? reference[expected - 1].score : 0.0;
    const bool tie = reference.size() > expected && boundary - reference[expected].score < 2 * kTolerance;
    for (std::size_t i = 0; i < expected; ++i) {
        const bool required = !tie || reference[i].score > boundary + 2 * kTolerance;
        const bool found = std::any_of(hits.begin(), hits.end(), [&](const VectorHit& h) { return h.id == reference[i].id; });
        if (required && !found) {
            *why = QStringLiteral("reference rank %1 (id %2) missing").arg(i).arg(reference[i].id);
            return false;
        }
    }
    return true;
}

std::unique_ptr<VectorIndex> filled(const Matrix& rows, int threads)
{
    auto index = std::make_unique<VectorIndex>(threads);
    if (!rows.empty() && !index->reserve(qsizetype(rows.size()), int(rows.front().size())))
        return nullptr;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (!index->add(qint64(r) * 7 + 3, std::span<const float>(rows[r])))
            return nullptr;
    }
    return index;
}

} // namespace

class TestVectorIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomData_matchesFloat32BruteForce_data();
    void randomData_matchesFloat32BruteForce();
    void nearTies_rescanAndStayExact();
    void filter_returnsOnlyAllowedRows();
    void kLargerThanSize_returnsAllRowsSorted();
    void dimensionMismatch_isRefused();
    void invalidVectors_areRefused();
    void scaledVectors_compareByCosine();
    void storage_isSmallerThanFloat32();
};

void TestVectorIndex::randomData_matchesFloat32BruteForce_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("dim");
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("k");
    QTest::newRow("3000x100, 2 threads, k=10") << 3000 << 100 << 2 << 10;
    QTest::newRow("20000x64, 2 threads, k=10") << 20000 << 64 << 2 << 10;
    QTest::newRow("2000x384, 1 thread, k=1") << 2000 << 384 << 1 << 1;
    QTest::newRow("1500x3000, 3 threads, k=25") << 1500 << 3000 << 3 << 25; // several int32 blocks
}

void TestVectorIndex::randomData_matchesFloat32BruteForce()
{
    QFETCH(int, rows);
    QFETCH(int, dim);
    QFETCH(int, threads);
    QFETCH(int, k);
    std::mt19937 random(1234u + unsigned(rows) + unsigned(dim));
    Matrix data;
    for (int r = 0; r < rows; ++r)
        data.push_back(randomVector(random, dim));
    const auto indexPtr = filled(data, threads);
    QVERIFY(indexPtr);
    const VectorIndex& index = *indexPtr;
    QCOMPARE(index.size(), rows);
    QCOMPARE(index.threads(), threads);
    const QString forced = qEnvironmentVariable("GENIUS_VECTOR_KERNEL");
    if (!forced.isEmpty())
        QCOMPARE(VectorIndex::simdKernel(), forced);
    for (int q = 0; q < 20; ++q) {
        // Half of the queries are near a stored vector, as real questions are near their passage.
        std::vector<float> query = randomVector(random, dim);
        if (q % 2 == 0) {
            const auto& near = data[std::size_t(q * 37 % rows)];
            for (int d = 0; d < dim; ++d)
                query[std::size_t(d)] = near[std::size_t(d)] + 0.3f * query[std::size_t(d)];
        }
        const auto hits = index.search(std::span<const float>(query), k);
        QVERIFY(hits.has_value());
        QString why;
        QVERIFY2(matchesReference(*hits, bruteForce(data, query, nullptr), k, &why), qPrintable(why));
        QVERIFY(std::is_sorted(hits->begin(), hits->end(), [](const VectorHit& a, const VectorHit& b) { return a.score > b.score; }));
    }
}

void TestVectorIndex::nearTies_rescanAndStayExact()
{
    // 600 vectors within a hair of each other: the int8 scan cannot tell which 10 are best,
    // so the index must notice and rescore more than its usual candidates.
    std::mt19937 random(99);
    const int dim = 128;
    const std::vector<float> centre = randomVector(random, dim);
    Matrix data;
    for (int r = 0; r < 600; ++r) {
        std::vector<float> v = randomVector(random, dim);
        for (int d = 0; d < dim; ++d)
            v[std::size_t(d)] = centre[std::size_t(d)] + 0.02f * v[std::size_t(d)];
        data.push_back(v);
    }
    for (int r = 0; r < 2000; ++r)
        data.push_back(randomVector(random, dim));
    const auto indexPtr = filled(data, 2);
    QVERIFY(indexPtr);
    const VectorIndex& index = *indexPtr;
    const auto hits = index.search(std::span<const float>(centre), 10);
    QVERIFY(hits.has_value());
    QString why;
    QVERIFY2(matchesReference(*hits, bruteForce(data, centre, nullptr), 10, &why), qPrintable(why));
    QCOMPARE(index.stats().searches, 1);
    QCOMPARE(index.stats().fallbacks, 1);
}

void TestVectorIndex::filter_returnsOnlyAllowedRows()
{
    std::mt19937 random(7);
    Matrix data;
    for (int r = 0; r < 5000; ++r)
        data.push_back(randomVector(random, 48));
    const auto indexPtr = filled(data, 2);
    QVERIFY(indexPtr);
    const VectorIndex& index = *indexPtr;
    std::vector<bool> allowed(data.size(), false);
    for (std::size_t r = 0; r < allowed.size(); r += 3)
        allowed[r] = true;
    for (int q = 0; q < 10; ++q) {
        const std::vector<float> query = q == 0 ? data[1] : randomVector(random, 48); // row 1 itself is filtered out
        const auto hits = index.search(std::span<const float>(query), 10, &allowed);
        QVERIFY(hits.has_value());
        for (const VectorHit& hit : *hits)
            QVERIFY(allowed[std::size_t(index.rowOf(hit.id))]);
        QString why;
        QVERIFY2(matchesReference(*hits, bruteForce(data, query, &allowed), 10, &why), qPrintable(why));
    }
    const std::vector<bool> nothing(data.size(), false);
    QCOMPARE(index.search(std::span<const float>(data[0]), 10, &nothing)->size(), 0);
    std::vector<bool> one(data.size(), false);
    one[4321] = true;
    const auto single = index.search(std::span<const float>(data[0]), 10, &one);
    QCOMPARE(single->size(), 1);
    QCOMPARE(single->front().id, index.idAt(4321));
    const std::vector<bool> shortFilter(10, true);
    QCOMPARE(index.search(std::span<const float>(data[0]), 10, &shortFilter).error().code,
             genius::common::ErrorCode::InvalidArgument);
}

void TestVectorIndex::kLargerThanSize_returnsAllRowsSorted()
{
    std::mt19937 random(3);
    Matrix data;
    for (int r = 0; r < 5; ++r)
        data.push_back(randomVector(random, 16));
    const auto indexPtr = filled(data, 2);
    QVERIFY(indexPtr);
    const VectorIndex& index = *indexPtr;
    const std::vector<float> query = randomVector(random, 16);
    const auto hits = index.search(std::span<const float>(query), 50);
    QVERIFY(hits.has_value());
    QCOMPARE(hits->size(), 5);
    QString why;
    QVERIFY2(matchesReference(*hits, bruteForce(data, query, nullptr), 50, &why), qPrintable(why));
    QCOMPARE(index.search(query.data(), 3).size(), 3);
    QCOMPARE(VectorIndex().search(std::span<const float>(query), 5)->size(), 0); // empty index
}

void TestVectorIndex::dimensionMismatch_isRefused()
{
    VectorIndex index(1);
    QVERIFY(index.reserve(10, 3).has_value());
    const float three[] = {1, 2, 3};
    const float four[] = {1, 2, 3, 4};
    QVERIFY(index.add(1, std::span<const float>(three)).has_value());
    const auto added = index.add(2, std::span<const float>(four));
    QVERIFY(!added);
    QCOMPARE(added.error().code, genius::common::ErrorCode::InvalidArgument);
    QCOMPARE(index.size(), 1);
    QCOMPARE(index.reserve(10, 4).error().code, genius::common::ErrorCode::InvalidArgument);
    QCOMPARE(index.search(std::span<const float>(four), 1).error().code, genius::common::ErrorCode::InvalidArgument);
    QCOMPARE(index.search(std::span<const float>(three), 1)->front().id, 1);
    QCOMPARE(index.dim(), 3);
}

void TestVectorIndex::invalidVectors_areRefused()
{
    VectorIndex index(1);
    const float zero[] = {0, 0, 0};
    const float nan[] = {1, NAN, 0};
    const float good[] = {0, 1, 0};
    QVERIFY(!index.add(1, std::span<const float>(zero)));
    QVERIFY(!index.add(1, std::span<const float>(nan)));
    QVERIFY(index.add(1, std::span<const float>(good)).has_value());
    QCOMPARE(index.add(1, std::span<const float>(good)).error().code, genius::common::ErrorCode::InvalidArgument);
    QVERIFY(!index.search(std::span<const float>(zero), 1));
    QVERIFY(!index.search(std::span<const float>(good), 0));
    QCOMPARE(index.search(zero, 1).size(), 0);
    QCOMPARE(index.rowOf(1), 0);
    QCOMPARE(index.rowOf(2), -1);
}

void TestVectorIndex::scaledVectors_compareByCosine()
{
    VectorIndex index(2);
    const float a[] = {3, 0, 0, 0};
    const float b[] = {0, 100, 0, 0};
    const float c[] = {1, 1, 0, 0};
    QVERIFY(index.add(10, std::span<const float>(a)).has_value());
    QVERIFY(index.add(20, std::span<const float>(b)).has_value());
    QVERIFY(index.add(30, std::span<const float>(c)).has_value());
    const float query[] = {0.5f, 0.1f, 0, 0};
    const auto hits = index.search(std::span<const float>(query), 3);
    QVERIFY(hits.has_value());
    QCOMPARE(hits->size(), 3);
    QCOMPARE(hits->at(0).id, 10);
    QCOMPARE(hits->at(1).id, 30);
    QCOMPARE(hits->at(2).id, 20);
    QVERIFY(std::abs(hits->at(0).score - 0.5f / std::sqrt(0.26f)) < 1e-3f);
    QVERIFY(std::abs(hits->at(1).score - 0.6f / std::sqrt(0.26f * 2)) < 1e-3f);
}

void TestVectorIndex::storage_isSmallerThanFloat32()
{
    std::mt19937 random(11);
    Matrix data;
    for (int r = 0; r < 1000; ++r)
        data.push_back(randomVector(random, 256));
    const auto indexPtr = filled(data, 1);
    QVERIFY(indexPtr);
    const VectorIndex& index = *indexPtr;
    const qsizetype float32Bytes = 1000 * 256 * qsizetype(sizeof(float));
    QVERIFY2(index.bytes() < float32Bytes * 85 / 100, qPrintable(QString::number(index.bytes())));
    QCOMPARE(index.scanBytes(), 1000 * (256 + 4));
}

QTEST_GUILESS_MAIN(TestVectorIndex)
#include "tst_vectorindex.moc"
