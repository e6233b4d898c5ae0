#pragma once

#include "core/chunking/chunk.h"
#include "core/common/cancellation.h"
#include "core/common/error.h"
#include "core/documents/documentreader.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

// The work the import queue hands to its reader threads: plain value structs in and out,
// no database access (that stays on the queue's thread).
namespace genius::import {

/// SHA-256 and size of a file, refusing what cannot be a document (missing, empty, too large).
struct FileDigest {
    QString sha256;
    qint64 size = 0;
};
common::Result<FileDigest> fileDigest(const QString& path, const documents::ReaderLimits& limits);

/// The document each reader thread read last, kept open for the pages that follow (opening a PDF
/// or starting the OCR engine is the expensive part). Owned by the queue and emptied by it once its
/// threads are done — not thread-local storage, whose destructors may still run (Poppler, Tesseract)
/// while the process already exits.
class ReaderCache final
{
public:
    ReaderCache() = default;
    ReaderCache(const ReaderCache&) = delete;
    ReaderCache& operator=(const ReaderCache&) = delete;

    /// This thread's reader for the document, opened when it read another one before.
    common::Result<documents::DocumentReader*> readerFor(qint64 id, const QString& path,
                                                         const documents::ReaderLimits& limits);
    /// Closes every reader; only when no thread reads any more.
    void clear();

private:
    struct Entry {
        QString key;
        std::unique_ptr<documents::DocumentReader> reader;
    };
    std::mutex m_mutex;
    std::unordered_map<std::thread::id, Entry> m_entries; ///< one per thread; elements never move
};

struct OpenRequest {
    ReaderCache* readers = nullptr;
    qint64 id = 0;
    QString path;
    QString sha256; ///< the content registered at enqueue; a changed file is refused
    documents::ReaderLimits limits;
    common::CancellationToken cancel;
};

struct OpenResult {
    common::Error error{common::ErrorCode::Io, QString()}; ///< empty detail: no error
    QString format;
    bool paged = true;
    int pageCount = 0;
    documents::DocumentMetadata metadata;
};

/// Opens the file with this thread's reader (kept for the pages that follow).
OpenResult openTask(const OpenRequest& request);

struct PageRequest {
    ReaderCache* readers = nullptr;
    qint64 id = 0;
    QString path;
    documents::ReaderLimits limits;
    common::CancellationToken cancel;
    QList<int> pages;
};

struct PageOutcome {
    int number = 0;
    std::optional<documents::PageText> page;
    std::optional<common::Error> error;
    bool lastOfTask = false;
};

/// Reads the requested pages in order, reporting each as soon as it is read.
void readPagesTask(const PageRequest& request, const std::function<void(PageOutcome)>& report);

struct ChunkRequest {
    qint64 id = 0;
    QList<documents::PageText> pages;
    QString format;
    bool paged = true;
    QString title;
    chunking::ChunkingOptions options;
};

struct ChunkResult {
    qint64 id = 0;
    QList<documents::PageText> pages; ///< pages the normalisation changed (running headers and footers removed)
    QList<chunking::Chunk> chunks;
};

/// Normalises across pages and chunks the document.
ChunkResult chunkTask(ChunkRequest request);

} // namespace genius::import
