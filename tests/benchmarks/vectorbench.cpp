// vector-search: latency of VectorIndex::search against the memory-bandwidth floor of the
// bytes it must stream, measured in the same process with the same number of threads.
#include "benchcommands.h"
#include "benchcommon.h"

#include "core/index/vectorindex.h"
#include "core/index/workerpool.h"

#include <QElapsedTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

/// Deterministic vectors: row r is always the same, so the float32 reference can regenerate
/// rows instead of keeping a float32 copy of a million of them.
void fillVector(quint64 seed, int dim, float* out)
{
    quint64 state = seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
    double squares = 0.0;
    for (int d = 0; d < dim; ++d) {
        // splitmix64
        quint64 z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        z ^= z >> 31;
        out[d] = static_cast<float>(static_cast<double>(z >> 11) * 0x1.0p-53 * 2.0 - 1.0);
        squares += static_cast<double>(out[d]) * out[d];
    }
    const auto scale = static_cast<float>(1.0 / std::sqrt(squares));
    for (int d = 0; d < dim; ++d)
        out[d] *= scale;
}

constexpr quint64 kQuerySeed = 1ull << 40;

/// The index's own persistent threads read the streaming reference: same threads, same wake-up.
using ReaderPool = index::WorkerPool;

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx2"))) quint64 streamRead(const std::uint8_t* data, std::size_t bytes)
{
    __m256i a = _mm256_setzero_si256(), b = a, c = a, d = a;
    std::size_t i = 0;
    for (; i + 128 <= bytes; i += 128) {
        a = _mm256_add_epi64(a, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i)));
        b = _mm256_add_epi64(b, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i + 32)));
        c = _mm256_add_epi64(c, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i + 64)));
        d = _mm256_add_epi64(d, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + i + 96)));
    }
    alignas(32) quint64 lanes[4];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), _mm256_add_epi64(_mm256_add_epi64(a, b), _mm256_add_epi64(c, d)));
    quint64 sum = lanes[0] + lanes[1] + lanes[2] + lanes[3];
    for (; i < bytes; ++i)
        sum += data[i];
    return sum;
}
#else
quint64 streamRead(const std::uint8_t* data, std::size_t bytes)
{
    quint64 sum = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        sum += data[i];
    return sum;
}
#endif

/// Streams a buffer of the index's scan size with the same number of threads.
class StreamReader
{
public:
    StreamReader(std::size_t bytes, int threads)
        : m_buffer(bytes), m_pool(threads), m_sinks(static_cast<std::size_t>(threads) * 8, 0)
    {
        for (std::size_t i = 0; i < bytes; ++i)
            m_buffer[i] = static_cast<std::int8_t>(i * 31u);
        m_slice = (bytes / static_cast<std::size_t>(threads) + 63) / 64 * 64;
    }

    /// Seconds for one full read.
    double readOnce()
    {
        const auto start = std::chrono::steady_clock::now();
        m_pool.run([this](int worker) {
            const std::size_t begin = std::min(m_buffer.size(), m_slice * static_cast<std::size_t>(worker));
            const std::size_t end = std::min(m_buffer.size(), begin + m_slice);
            m_sinks[static_cast<std::size_t>(worker) * 8] +=
                streamRead(reinterpret_cast<const std::uint8_t*>(m_buffer.data()) + begin, end - begin);
        });
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        return elapsed.count();
    }

    quint64 checksum() const
    {
        quint64 total = 0;
        for (const quint64 sink : m_sinks)
            total += sink;
        return total;
    }

private:
    // Allocated like the index's codes (huge pages on Linux), so both stream the same way.
    std::vector<std::int8_t, index::HugePageAllocator<std::int8_t>> m_buffer;
    ReaderPool m_pool;
    std::vector<quint64> m_sinks; // one cache line per worker
    std::size_t m_slice = 0;
};

/// Fraction of the float32 top-k found by the index, over `queries` queries.
double recallAgainstFloat32(const index::VectorIndex& vectors, qint64 rows, int dim, int k, int queries)
{
    std::vector<std::vector<float>> query(static_cast<std::size_t>(queries), std::vector<float>(static_cast<std::size_t>(dim)));
    for (int q = 0; q < queries; ++q)
        fillVector(kQuerySeed + static_cast<quint64>(q), dim, query[static_cast<std::size_t>(q)].data());
    using Entry = std::pair<float, qint64>;
    std::vector<std::vector<Entry>> heaps(static_cast<std::size_t>(queries));
    std::vector<float> row(static_cast<std::size_t>(dim));
    const auto greater = [](const Entry& a, const Entry& b) { return a.first > b.first; };
    for (qint64 r = 0; r < rows; ++r) {
        fillVector(static_cast<quint64>(r), dim, row.data());
        for (int q = 0; q < queries; ++q) {
            const float* v = query[static_cast<std::size_t>(q)].data();
            float dot = 0.0f;
            for (int d = 0; d < dim; ++d)
                dot += row[static_cast<std::size_t>(d)] * v[d];
            auto& heap = heaps[static_cast<std::size_t>(q)];
            if (static_cast<int>(heap.size()) < k) {
                heap.emplace_back(dot, r);
                std::push_heap(heap.begin(), heap.end(), greater);
            } else if (dot > heap.front().first) {
                std::pop_heap(heap.begin(), heap.end(), greater);
                heap.back() = {dot, r};
                std::push_heap(heap.begin(), heap.end(), greater);
            }
        }
    }
    double found = 0.0;
    for (int q = 0; q < queries; ++q) {
        const auto hits = vectors.search(query[static_cast<std::size_t>(q)].data(), k);
        for (const auto& [score, id] : heaps[static_cast<std::size_t>(q)]) {
            Q_UNUSED(score);
            found += std::any_of(hits.begin(), hits.end(), [&](const index::VectorHit& hit) { return hit.id == id; }) ? 1 : 0;
        }
    }
    return found / (static_cast<double>(queries) * std::min<qint64>(k, rows));
}

} // namespace

int vectorSearch(const QStringList& arguments)
{
    const Options options(arguments);
    if (const QStringList unknown = options.unknown({u"chunks"_s, u"dim"_s, u"queries"_s, u"k"_s, u"threads"_s,
                                                     u"recall-queries"_s});
        !unknown.isEmpty())
        return failWith(QStringLiteral("unknown option %1").arg(unknown.front()));
    const qint64 rows = options.integer(QStringLiteral("chunks"), 100000);
    const int dim = static_cast<int>(options.integer(QStringLiteral("dim"), 256));
    const int queries = static_cast<int>(options.integer(QStringLiteral("queries"), 200));
    const int k = static_cast<int>(options.integer(QStringLiteral("k"), 10));
    const int threads = static_cast<int>(options.integer(QStringLiteral("threads"), 0));
    const int recallQueries = static_cast<int>(options.integer(QStringLiteral("recall-queries"), 20));
    if (rows <= 0 || dim <= 0 || queries <= 0 || k <= 0)
        return failWith(QStringLiteral("--chunks, --dim, --queries and --k must be positive"));

    QElapsedTimer timer;
    timer.start();
    index::VectorIndex vectors(threads);
    if (auto reserved = vectors.reserve(rows, dim); !reserved)
        return failWith(reserved.error().detail);
    std::vector<float> v(static_cast<std::size_t>(dim));
    for (qint64 r = 0; r < rows; ++r) {
        fillVector(static_cast<quint64>(r), dim, v.data());
        if (auto added = vectors.add(r, std::span<const float>(v)); !added)
            return failWith(added.error().detail);
    }
    const double buildSeconds = static_cast<double>(timer.elapsed()) / 1000.0;

    std::vector<std::vector<float>> query(static_cast<std::size_t>(queries), std::vector<float>(static_cast<std::size_t>(dim)));
    for (int q = 0; q < queries; ++q)
        fillVector(kQuerySeed + 1000000 + static_cast<quint64>(q), dim, query[static_cast<std::size_t>(q)].data());
    const auto scanBytes = static_cast<std::size_t>(vectors.scanBytes());
    StreamReader reader(scanBytes, vectors.threads());
    for (int q = 0; q < std::min(queries, 3); ++q) { // warm-up: page in, wake the workers
        (void)vectors.search(query[static_cast<std::size_t>(q)].data(), k);
        (void)reader.readOnce();
    }
    // Queries and plain reads alternate, so both see the same load from other processes.
    const qint64 fallbacksBefore = vectors.stats().fallbacks;
    std::vector<double> milliseconds;
    std::vector<double> readSeconds;
    for (int q = 0; q < queries; ++q) {
        const auto start = std::chrono::steady_clock::now();
        const auto hits = vectors.search(query[static_cast<std::size_t>(q)].data(), k);
        const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
        if (hits.size() != std::min<qint64>(k, rows))
            return failWith(QStringLiteral("search returned %1 hits").arg(hits.size()));
        milliseconds.push_back(elapsed.count());
        readSeconds.push_back(reader.readOnce());
    }
    const qint64 fallbacks = vectors.stats().fallbacks - fallbacksBefore;
    if (reader.checksum() == 42) // keep the reads observable
        std::fprintf(stderr, " ");
    const double bandwidth = static_cast<double>(scanBytes) / percentile(readSeconds, 50);
    const double floorMs = static_cast<double>(scanBytes) / bandwidth * 1000.0;
    const double p50 = percentile(milliseconds, 50);
    const double recall = recallQueries > 0 ? recallAgainstFloat32(vectors, rows, dim, k, recallQueries) : -1.0;

    JsonLine()
        .add(u"bench"_s, u"vector-search"_s)
        .add(u"chunks"_s, rows)
        .add(u"dim"_s, dim)
        .add(u"k"_s, k)
        .add(u"threads"_s, vectors.threads())
        .add(u"kernel"_s, index::VectorIndex::simdKernel())
        .add(u"p50_ms"_s, p50, 3)
        .add(u"p95_ms"_s, percentile(milliseconds, 95), 3)
        .add(u"bytes_per_query"_s, static_cast<qint64>(scanBytes))
        .add(u"bandwidth_gbs"_s, bandwidth / 1e9, 2)
        .add(u"floor_ms"_s, floorMs, 3)
        .add(u"ratio_to_floor"_s, p50 / floorMs, 3)
        .add(u"index_bytes"_s, static_cast<qint64>(vectors.bytes()))
        .add(u"float32_bytes"_s, rows * dim * 4)
        .add(u"recall_at_k_vs_float32"_s, recall, 4)
        .add(u"recall_queries"_s, recallQueries)
        .add(u"rescans"_s, fallbacks)
        .add(u"build_s"_s, buildSeconds, 2)
        .print();
    return 0;
}

} // namespace genius::bench
