#include "core/index/vectorindex.h"
#include "core/index/indexlogging.h"
#include "core/index/workerpool.h"

#include <QFloat16>
#include <QLoggingCategory>

#include <algorithm>
#include <bit>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <new>
#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define GENIUS_VECTOR_X86 1
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace genius::index {

namespace {

constexpr int kLanes = 64;           // int8 codes per AVX2 step; rows are padded to it
constexpr int kBlockDims = 2048;     // int32 lanes cannot overflow within this many dimensions
constexpr qsizetype kBlockBytes = 256 * 1024; // codes a worker claims at a time (small: even finish)
constexpr int kBatchRows = 256;      // scores computed per kernel call
constexpr int kPrefetchBytes = 16384; // how far ahead the AVX2 scan prefetches
constexpr float kQueryRange = 32767.0f;
constexpr int kCodeRange = 127;

/// Approximate scores of `rows` consecutive int8 rows against an int16 query:
/// out[r] = (query · codes[r]) × queryScale × scales[r].
using ScanKernel = void (*)(const std::int8_t* codes, qsizetype rows, int paddedDim, const std::int16_t* query,
                            const float* scales, float queryScale, float* out);
/// Dot product of a float16 row with a float query.
using RescoreKernel = float (*)(const std::uint16_t* half, const float* query, int paddedDim);

void scanScalar(const std::int8_t* codes, qsizetype rows, int paddedDim, const std::int16_t* query,
                const float* scales, float queryScale, float* out)
{
    for (qsizetype r = 0; r < rows; ++r) {
        const std::int8_t* row = codes + r * paddedDim;
        std::int64_t sum = 0;
        for (int d = 0; d < paddedDim; ++d)
            sum += static_cast<std::int32_t>(row[d]) * query[d];
        out[r] = static_cast<float>(sum) * queryScale * scales[r];
    }
}

float rescoreScalar(const std::uint16_t* half, const float* query, int paddedDim)
{
    float sum = 0.0f;
    for (int d = 0; d < paddedDim; ++d)
        sum += static_cast<float>(std::bit_cast<qfloat16>(half[d])) * query[d];
    return sum;
}

#ifdef GENIUS_VECTOR_X86
__attribute__((target("avx2"))) float horizontalSum(__m256 v)
{
    const __m128 pair = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    const __m128 folded = _mm_add_ps(pair, _mm_movehl_ps(pair, pair));
    return _mm_cvtss_f32(_mm_add_ss(folded, _mm_shuffle_ps(folded, folded, 1)));
}

/// Rows one after the other, 64 codes per step: int8 widened to int16, multiplied pairwise
/// with the query, summed in int32 (four accumulators). Reading rows strictly in order with a
/// software prefetch a few KiB ahead keeps enough loads in flight to stream at memory speed;
/// interleaving several rows measured 30-40% slower.
__attribute__((target("avx2"))) void scanAvx2(const std::int8_t* codes, qsizetype rows, int paddedDim,
                                              const std::int16_t* query, const float* scales, float queryScale,
                                              float* out)
{
    for (qsizetype r = 0; r < rows; ++r) {
        const std::int8_t* row = codes + r * paddedDim;
        __m256 total = _mm256_setzero_ps();
        for (int block = 0; block < paddedDim; block += kBlockDims) {
            const int blockEnd = std::min(paddedDim, block + kBlockDims);
            __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
            for (int d = block; d < blockEnd; d += kLanes) {
                _mm_prefetch(reinterpret_cast<const char*>(row + d + kPrefetchBytes), _MM_HINT_T0);
                const auto* c = reinterpret_cast<const __m128i*>(row + d);
                const auto* q = reinterpret_cast<const __m256i*>(query + d);
                a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128(c)), _mm256_loadu_si256(q)));
                a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128(c + 1)), _mm256_loadu_si256(q + 1)));
                a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128(c + 2)), _mm256_loadu_si256(q + 2)));
                a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(_mm256_cvtepi8_epi16(_mm_loadu_si128(c + 3)), _mm256_loadu_si256(q + 3)));
            }
            // Each lane stays below 2^31 within a block; the block sums go on in float.
            const __m256i sum = _mm256_add_epi32(_mm256_add_epi32(a0, a1), _mm256_add_epi32(a2, a3));
            total = _mm256_add_ps(total, _mm256_cvtepi32_ps(sum));
        }
        out[r] = horizontalSum(total) * queryScale * scales[r];
    }
}

__attribute__((target("avx2,f16c,fma"))) float rescoreAvx2(const std::uint16_t* half, const float* query,
                                                            int paddedDim)
{
    __m256 acc = _mm256_setzero_ps();
    for (int d = 0; d < paddedDim; d += 8) {
        const __m256 values = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(half + d)));
        acc = _mm256_fmadd_ps(values, _mm256_loadu_ps(query + d), acc);
    }
    return horizontalSum(acc);
}
#endif

struct Kernels {
    ScanKernel scan = scanScalar;
    RescoreKernel rescore = rescoreScalar;
    const char* name = "scalar";
};

/// Chosen once from what the CPU offers; the build itself targets the baseline ISA.
const Kernels& kernels()
{
    static const Kernels chosen = [] {
        Kernels k;
#ifdef GENIUS_VECTOR_X86
        __builtin_cpu_init();
        if (qEnvironmentVariable("GENIUS_VECTOR_KERNEL") != QLatin1String("scalar") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c"))
            k = Kernels{scanAvx2, rescoreAvx2, "avx2"};
#endif
        qCDebug(lcIndex) << "vector kernels:" << k.name;
        return k;
    }();
    return chosen;
}

} // namespace

// --- storage --------------------------------------------------------------------------

template<typename T>
T* HugePageAllocator<T>::allocate(std::size_t count)
{
#if defined(__linux__)
    // 2 MiB pages: the scan crosses no 4 KiB page boundary the hardware prefetcher stops at, and
    // needs 512x fewer TLB entries (measured 1.3-1.4x faster streaming over 100 MB).
    constexpr std::size_t kHugePage = 2u << 20;
    const std::size_t bytes = count * sizeof(T);
    if (bytes >= kHugePage) {
        const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
        if (void* memory = std::aligned_alloc(kHugePage, rounded)) {
            madvise(memory, rounded, MADV_HUGEPAGE);
            return static_cast<T*>(memory);
        }
        throw std::bad_alloc(); // as std::allocator does; the library itself does not catch
    }
#endif
    return std::allocator<T>().allocate(count);
}

template<typename T>
void HugePageAllocator<T>::deallocate(T* memory, std::size_t count)
{
#if defined(__linux__)
    if (count * sizeof(T) >= (2u << 20)) {
        std::free(memory);
        return;
    }
#endif
    std::allocator<T>().deallocate(memory, count);
}

template struct HugePageAllocator<std::int8_t>;

struct VectorIndex::Candidate {
    float approx = 0.0f; ///< int8 score
    float exact = 0.0f;  ///< float16 score
    qsizetype row = 0;
};

namespace {

/// Feeds the approximate scores of all allowed rows, batch by batch, to
/// `visit(worker, firstRow, count, scores)`; workers claim blocks of rows dynamically.
template<typename Visit>
void scanAllowed(std::function<void(const std::function<void(int)>&)> runOnPool, const std::int8_t* codes,
                 const float* scales, qsizetype rows, int paddedDim, const std::int16_t* query, float queryScale,
                 const std::vector<bool>* allowed, Visit visit)
{
    const ScanKernel kernel = kernels().scan;
    const qsizetype blockRows = std::max<qsizetype>(kBatchRows, kBlockBytes / paddedDim);
    std::atomic<qsizetype> nextBlock{0};
    runOnPool([&](int worker) {
        float scores[kBatchRows];
        for (;;) {
            const qsizetype blockStart = nextBlock.fetch_add(blockRows, std::memory_order_relaxed);
            if (blockStart >= rows)
                return;
            const qsizetype blockEnd = std::min(rows, blockStart + blockRows);
            qsizetype row = blockStart;
            while (row < blockEnd) {
                // A run of allowed rows, at most one batch long.
                if (allowed) {
                    while (row < blockEnd && !(*allowed)[static_cast<std::size_t>(row)])
                        ++row;
                }
                qsizetype runEnd = row;
                const qsizetype batchEnd = std::min(blockEnd, row + kBatchRows);
                while (runEnd < batchEnd && (!allowed || (*allowed)[static_cast<std::size_t>(runEnd)]))
                    ++runEnd;
                if (runEnd == row)
                    break;
                kernel(codes + row * paddedDim, runEnd - row, paddedDim, query, scales + row, queryScale, scores);
                visit(worker, row, runEnd - row, scores);
                row = runEnd;
            }
        }
    });
}

} // namespace

// --- index --------------------------------------------------------------------------

VectorIndex::VectorIndex(int threads)
{
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    m_pool = std::make_unique<WorkerPool>(std::min(threads, 64));
}

VectorIndex::~VectorIndex() = default;

void VectorIndex::setDim(int dim)
{
    m_dim = dim;
    m_paddedDim = (dim + kLanes - 1) / kLanes * kLanes;
}

common::Result<void> VectorIndex::reserve(qsizetype rows, int dim)
{
    if (dim <= 0 || rows < 0)
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("A vector index needs a positive dimension."));
    if (m_dim != 0 && dim != m_dim)
        return common::fail(common::ErrorCode::InvalidArgument,
                            QStringLiteral("The vector index holds vectors of dimension %1, not %2.").arg(m_dim).arg(dim));
    if (m_dim == 0)
        setDim(dim);
    const auto count = static_cast<std::size_t>(rows);
    m_codes.reserve(count * static_cast<std::size_t>(m_paddedDim));
    m_halves.reserve(count * static_cast<std::size_t>(m_paddedDim));
    m_scales.reserve(count);
    m_ids.reserve(count);
    m_rows.reserve(rows);
    return {};
}

common::Result<void> VectorIndex::add(qint64 id, const float* vector)
{
    if (m_dim == 0 || !vector)
        return common::fail(common::ErrorCode::InvalidArgument,
                            QStringLiteral("A vector given without its length needs a dimension fixed by reserve()."));
    return add(id, std::span<const float>(vector, static_cast<std::size_t>(m_dim)));
}

common::Result<void> VectorIndex::add(qint64 id, std::span<const float> vector)
{
    if (vector.empty())
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("An empty vector cannot be indexed."));
    if (m_dim != 0 && static_cast<int>(vector.size()) != m_dim)
        return common::fail(common::ErrorCode::InvalidArgument,
                            QStringLiteral("The vector index holds vectors of dimension %1, not %2.")
                                .arg(m_dim)
                                .arg(vector.size()));
    if (m_rows.contains(id))
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("Vector %1 is already in the index.").arg(id));
    double squares = 0.0;
    for (const float value : vector)
        squares += static_cast<double>(value) * value;
    if (!(squares > 0.0) || !std::isfinite(squares))
        return common::fail(common::ErrorCode::InvalidArgument,
                            QStringLiteral("A zero or non-finite vector has no direction to compare."));
    if (m_dim == 0)
        setDim(static_cast<int>(vector.size()));

    const auto padded = static_cast<std::size_t>(m_paddedDim);
    const std::size_t offset = m_ids.size() * padded;
    m_halves.resize(offset + padded, 0);
    m_codes.resize(offset + padded, 0);
    const auto inverseNorm = static_cast<float>(1.0 / std::sqrt(squares));
    float maxAbs = 0.0f;
    for (std::size_t d = 0; d < vector.size(); ++d) {
        const qfloat16 half(vector[d] * inverseNorm);
        m_halves[offset + d] = std::bit_cast<std::uint16_t>(half);
        maxAbs = std::max(maxAbs, std::abs(static_cast<float>(half)));
    }
    // Codes approximate the float16 values, which are what rescoring compares.
    const float scale = maxAbs / kCodeRange;
    const float inverseScale = maxAbs > 0.0f ? kCodeRange / maxAbs : 0.0f;
    double errorSquares = 0.0;
    for (std::size_t d = 0; d < vector.size(); ++d) {
        const float value = static_cast<float>(std::bit_cast<qfloat16>(m_halves[offset + d]));
        const long code = std::clamp(std::lround(value * inverseScale), -static_cast<long>(kCodeRange),
                                     static_cast<long>(kCodeRange));
        m_codes[offset + d] = static_cast<std::int8_t>(code);
        const double error = static_cast<double>(value) - static_cast<double>(code) * scale;
        errorSquares += error * error;
    }
    m_maxCodeError = std::max(m_maxCodeError, static_cast<float>(std::sqrt(errorSquares)));
    m_scales.push_back(scale);
    m_rows.insert(id, static_cast<qsizetype>(m_ids.size()));
    m_ids.push_back(id);
    return {};
}

std::vector<VectorIndex::Candidate> VectorIndex::scanTop(const std::int16_t* query, float queryScale, qsizetype keep,
                                                         const std::vector<bool>* allowed) const
{
    // Per worker a min-heap of its best `keep` rows; cache-line aligned against false sharing.
    struct alignas(64) Top {
        std::vector<Candidate> heap;
        float threshold = -INFINITY;
    };
    std::vector<Top> tops(static_cast<std::size_t>(m_pool->size()));
    const auto byApproxDescending = [](const Candidate& a, const Candidate& b) { return a.approx > b.approx; };
    scanAllowed([this](const std::function<void(int)>& task) { m_pool->run(task); }, m_codes.data(), m_scales.data(),
                size(), m_paddedDim, query, queryScale, allowed,
                [&](int worker, qsizetype first, qsizetype count, const float* scores) {
                    Top& top = tops[static_cast<std::size_t>(worker)];
                    for (qsizetype i = 0; i < count; ++i) {
                        const float score = scores[i];
                        if (static_cast<qsizetype>(top.heap.size()) < keep) {
                            top.heap.push_back(Candidate{score, 0.0f, first + i});
                            std::push_heap(top.heap.begin(), top.heap.end(), byApproxDescending);
                            if (static_cast<qsizetype>(top.heap.size()) == keep)
                                top.threshold = top.heap.front().approx;
                        } else if (score > top.threshold) {
                            std::pop_heap(top.heap.begin(), top.heap.end(), byApproxDescending);
                            top.heap.back() = Candidate{score, 0.0f, first + i};
                            std::push_heap(top.heap.begin(), top.heap.end(), byApproxDescending);
                            top.threshold = top.heap.front().approx;
                        }
                    }
                });
    std::vector<Candidate> merged;
    for (const Top& top : tops)
        merged.insert(merged.end(), top.heap.begin(), top.heap.end());
    if (static_cast<qsizetype>(merged.size()) > keep) {
        std::nth_element(merged.begin(), merged.begin() + keep, merged.end(), byApproxDescending);
        merged.resize(static_cast<std::size_t>(keep));
    }
    return merged;
}

std::vector<VectorIndex::Candidate> VectorIndex::scanAbove(const std::int16_t* query, float queryScale, float cutoff,
                                                           const std::vector<bool>* allowed) const
{
    std::vector<std::vector<Candidate>> found(static_cast<std::size_t>(m_pool->size()));
    scanAllowed([this](const std::function<void(int)>& task) { m_pool->run(task); }, m_codes.data(), m_scales.data(),
                size(), m_paddedDim, query, queryScale, allowed,
                [&](int worker, qsizetype first, qsizetype count, const float* scores) {
                    for (qsizetype i = 0; i < count; ++i) {
                        if (scores[i] >= cutoff)
                            found[static_cast<std::size_t>(worker)].push_back(Candidate{scores[i], 0.0f, first + i});
                    }
                });
    std::vector<Candidate> merged;
    for (const auto& part : found)
        merged.insert(merged.end(), part.begin(), part.end());
    return merged;
}

common::Result<QList<VectorHit>> VectorIndex::search(std::span<const float> query, int k,
                                                     const std::vector<bool>* allowed) const
{
    if (k <= 0)
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("A vector search needs k > 0."));
    if (m_ids.empty())
        return QList<VectorHit>();
    if (static_cast<int>(query.size()) != m_dim)
        return common::fail(common::ErrorCode::InvalidArgument,
                            QStringLiteral("The query has dimension %1; the index holds dimension %2.")
                                .arg(query.size())
                                .arg(m_dim));
    if (allowed && static_cast<qsizetype>(allowed->size()) < size())
        return common::fail(common::ErrorCode::InvalidArgument,
                            QStringLiteral("The row filter is shorter than the vector index."));
    double squares = 0.0;
    for (const float value : query)
        squares += static_cast<double>(value) * value;
    if (!(squares > 0.0) || !std::isfinite(squares))
        return common::fail(common::ErrorCode::InvalidArgument, QStringLiteral("A zero or non-finite query matches nothing."));

    // Normalised float query for rescoring, int16 query for the int8 scan.
    const auto padded = static_cast<std::size_t>(m_paddedDim);
    std::vector<float> normalised(padded, 0.0f);
    const auto inverseNorm = static_cast<float>(1.0 / std::sqrt(squares));
    float maxAbs = 0.0f;
    for (std::size_t d = 0; d < query.size(); ++d) {
        normalised[d] = query[d] * inverseNorm;
        maxAbs = std::max(maxAbs, std::abs(normalised[d]));
    }
    std::vector<std::int16_t> quantised(padded, 0);
    const float queryScale = maxAbs / kQueryRange;
    double queryErrorSquares = 0.0;
    for (std::size_t d = 0; d < query.size(); ++d) {
        const long code = std::lround(normalised[d] / queryScale);
        quantised[d] = static_cast<std::int16_t>(std::clamp(code, -32767L, 32767L));
        const double error = static_cast<double>(normalised[d]) - static_cast<double>(quantised[d]) * queryScale;
        queryErrorSquares += error * error;
    }
    const auto queryError = static_cast<float>(std::sqrt(queryErrorSquares));

    ++m_searches;
    const qsizetype keep = std::min<qsizetype>(size(), std::max<qsizetype>(4 * qsizetype(k), qsizetype(k) + 64));
    std::vector<Candidate> candidates = scanTop(quantised.data(), queryScale, keep, allowed);
    const RescoreKernel rescore = kernels().rescore;
    const auto rescoreAll = [&](std::vector<Candidate>& list) {
        for (Candidate& candidate : list)
            candidate.exact = rescore(m_halves.data() + static_cast<std::size_t>(candidate.row) * padded,
                                      normalised.data(), m_paddedDim);
        std::sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) {
            return a.exact != b.exact ? a.exact > b.exact : a.row < b.row;
        });
    };
    rescoreAll(candidates);

    // Fewer candidates than asked for means every allowed row is among them. Otherwise a row
    // left out scored at most the lowest candidate approximately; it can only beat the k-th
    // hit if the int8 error (Cauchy-Schwarz: ‖q‖·‖h − x̂‖ + ‖q − q̂‖·‖x̂‖) bridges the gap.
    const std::size_t wanted = std::min(candidates.size(), static_cast<std::size_t>(k));
    if (static_cast<qsizetype>(candidates.size()) == keep && keep < size() && wanted > 0) {
        float lowestApprox = INFINITY;
        for (const Candidate& candidate : candidates)
            lowestApprox = std::min(lowestApprox, candidate.approx);
        const float kth = candidates[wanted - 1].exact;
        const float bound = 1.001f * m_maxCodeError + queryError * (1.001f + m_maxCodeError) + 2e-4f;
        if (lowestApprox + bound >= kth) {
            ++m_fallbacks;
            candidates = scanAbove(quantised.data(), queryScale, kth - bound, allowed);
            rescoreAll(candidates);
        }
    }

    QList<VectorHit> hits;
    hits.reserve(static_cast<qsizetype>(std::min(candidates.size(), static_cast<std::size_t>(k))));
    for (std::size_t i = 0; i < candidates.size() && i < static_cast<std::size_t>(k); ++i)
        hits.append(VectorHit{m_ids[static_cast<std::size_t>(candidates[i].row)], candidates[i].exact});
    return hits;
}

QList<VectorHit> VectorIndex::search(const float* query, int k, const std::vector<bool>* allowed) const
{
    if (!query || m_dim == 0)
        return {};
    return search(std::span<const float>(query, static_cast<std::size_t>(m_dim)), k, allowed).value_or(QList<VectorHit>());
}

qsizetype VectorIndex::rowOf(qint64 id) const
{
    return m_rows.value(id, -1);
}

qint64 VectorIndex::idAt(qsizetype row) const
{
    return m_ids.at(static_cast<std::size_t>(row));
}

qsizetype VectorIndex::size() const
{
    return static_cast<qsizetype>(m_ids.size());
}

int VectorIndex::dim() const
{
    return m_dim;
}

qsizetype VectorIndex::bytes() const
{
    const auto total = m_codes.capacity() + m_halves.capacity() * sizeof(std::uint16_t) +
                       m_scales.capacity() * sizeof(float) + m_ids.capacity() * sizeof(qint64) +
                       static_cast<std::size_t>(m_rows.capacity()) * (sizeof(qint64) + sizeof(qsizetype));
    return static_cast<qsizetype>(total);
}

qsizetype VectorIndex::scanBytes() const
{
    return size() * (m_paddedDim + static_cast<qsizetype>(sizeof(float)));
}

int VectorIndex::threads() const
{
    return m_pool->size();
}

QString VectorIndex::simdKernel()
{
    return QString::fromLatin1(kernels().name);
}

VectorSearchStats VectorIndex::stats() const
{
    return VectorSearchStats{m_searches.load(), m_fallbacks.load()};
}

} // namespace genius::index
