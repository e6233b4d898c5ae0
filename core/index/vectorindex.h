#pragma once

#include "core/common/error.h"

#include <QHash>
#include <QList>
#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace genius::index {

class WorkerPool;

/// One neighbour: the id given to VectorIndex::add() and its cosine similarity to the query.
struct VectorHit {
    qint64 id = 0;
    float score = 0.0f;
};

/// Allocates large blocks on 2 MiB-aligned, transparent-huge-page memory (Linux), for data
/// that is streamed end to end; small blocks and other systems use std::allocator.
/// Instantiated for std::int8_t.
template<typename T>
struct HugePageAllocator {
    using value_type = T;
    HugePageAllocator() = default;
    template<typename U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept
    {
    }
    T* allocate(std::size_t count);
    void deallocate(T* memory, std::size_t count);
    template<typename U>
    bool operator==(const HugePageAllocator<U>&) const noexcept
    {
        return true;
    }
};

/// Counters of VectorIndex::search() for benchmarks and diagnostics.
struct VectorSearchStats {
    qint64 searches = 0;  ///< searches that scanned the index
    qint64 fallbacks = 0; ///< searches whose candidate list could not be proven complete and rescanned
};

/// Exact nearest neighbours by cosine similarity, held in memory.
///
/// Vectors are normalised on add(). Each is stored twice, compactly: as int8 codes with one
/// scale per row (on huge pages), which a SIMD scan (AVX2 when the CPU has it, chosen at run
/// time) streams on a small persistent pool of threads, each keeping its own top candidates,
/// and as float16, with which the merged candidates are rescored (3 bytes per dimension in
/// all, 1 byte per dimension streamed per query).
/// A bound on the int8 error (Cauchy-Schwarz with the largest row error) proves that no row
/// outside the candidates can beat the k-th rescored hit; when that proof fails the index
/// rescans, so results are exact up to float16 rounding of the stored vectors (at most 2^-11
/// in cosine, typically 1e-5 to 1e-4).
/// add() and reserve() must not run concurrently with search(); searches are serialised.
class VectorIndex final
{
public:
    /// `threads` scanning threads including the caller's (0: one per core).
    explicit VectorIndex(int threads = 0);
    ~VectorIndex();
    VectorIndex(const VectorIndex&) = delete;
    VectorIndex& operator=(const VectorIndex&) = delete;

    /// Fixes the dimension (if nothing was added yet) and reserves memory for `rows` vectors.
    /// InvalidArgument if `dim` is not positive or differs from the vectors already added.
    common::Result<void> reserve(qsizetype rows, int dim);

    /// Adds a vector under `id`. The first vector fixes the dimension unless reserve() did.
    /// InvalidArgument for a dimension mismatch, a duplicate id, a zero or non-finite vector.
    common::Result<void> add(qint64 id, std::span<const float> vector);
    /// Same, reading dim() values from `vector` (the dimension must be fixed already).
    common::Result<void> add(qint64 id, const float* vector);

    /// The `k` rows most similar to `query`, best first (fewer if fewer rows are allowed).
    /// `allowed`, if given, has one flag per row (see rowOf()); rows whose flag is false are
    /// skipped. InvalidArgument for a dimension mismatch, a non-positive k, a zero or
    /// non-finite query, or a filter shorter than size().
    common::Result<QList<VectorHit>> search(std::span<const float> query, int k,
                                            const std::vector<bool>* allowed = nullptr) const;
    /// Same for a query of dim() values; an invalid query gives an empty list.
    QList<VectorHit> search(const float* query, int k, const std::vector<bool>* allowed = nullptr) const;

    /// The row of `id` (0-based, in the order of add()), or -1.
    qsizetype rowOf(qint64 id) const;
    /// The id stored in `row`.
    qint64 idAt(qsizetype row) const;
    /// Number of vectors.
    qsizetype size() const;
    /// Dimension of the vectors, 0 while unknown.
    int dim() const;
    /// Memory held for vectors, codes, scales and ids, in bytes.
    qsizetype bytes() const;
    /// Bytes a search streams from memory (int8 codes and scales of every row).
    qsizetype scanBytes() const;
    /// Number of threads that scan, including the caller's.
    int threads() const;
    /// Counters since construction.
    VectorSearchStats stats() const;
    /// The scan kernel in use: "avx2" or "scalar". The environment variable
    /// GENIUS_VECTOR_KERNEL=scalar forces the portable one (tests, comparisons).
    static QString simdKernel();

private:
    struct Candidate;

    void setDim(int dim);
    std::vector<Candidate> scanTop(const std::int16_t* query, float queryScale, qsizetype keep,
                                   const std::vector<bool>* allowed) const;
    std::vector<Candidate> scanAbove(const std::int16_t* query, float queryScale, float cutoff,
                                     const std::vector<bool>* allowed) const;

    int m_dim = 0;
    int m_paddedDim = 0;                  ///< dim rounded up to the SIMD width (zero padding)
    std::vector<std::int8_t, HugePageAllocator<std::int8_t>> m_codes; ///< rows × m_paddedDim
    std::vector<float> m_scales;          ///< per row: code × scale ≈ float16 value
    std::vector<std::uint16_t> m_halves;  ///< rows × m_paddedDim float16 bit patterns
    std::vector<qint64> m_ids;
    QHash<qint64, qsizetype> m_rows;
    float m_maxCodeError = 0.0f;          ///< largest ‖half − scale·code‖ of any row
    std::unique_ptr<WorkerPool> m_pool;
    mutable std::atomic<qint64> m_searches{0};
    mutable std::atomic<qint64> m_fallbacks{0};
};

} // namespace genius::index
