#include "core/import/importtasks.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <memory>

namespace genius::import {

using common::ErrorCode;
using common::fail;

namespace {

} // namespace

common::Result<documents::DocumentReader*> ReaderCache::readerFor(qint64 id, const QString& path,
                                                                  const documents::ReaderLimits& limits)
{
    Entry* entry = nullptr;
    {
        const std::lock_guard lock(m_mutex);
        entry = &m_entries[std::this_thread::get_id()];
    }
    // Only this thread touches its entry until clear().
    const QString key = QString::number(id) + QLatin1Char('|') + path;
    if (entry->key != key || !entry->reader) {
        entry->reader.reset();
        entry->key.clear();
        auto opened = documents::openDocument(path, limits);
        if (!opened)
            return std::unexpected(opened.error());
        entry->reader = std::move(*opened);
        entry->key = key;
    }
    return entry->reader.get();
}

void ReaderCache::clear()
{
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
}

common::Result<FileDigest> fileDigest(const QString& path, const documents::ReaderLimits& limits)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(ErrorCode::NotFound, QStringLiteral("The file does not exist."));
    if (!info.isFile())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("This is not a file."));
    if (info.size() == 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The file is empty."));
    if (info.size() > limits.maxFileBytes)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("The file is larger than the limit of %1 MB.")
                                                    .arg(limits.maxFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("The file cannot be read: %1").arg(file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return fail(ErrorCode::Io, QStringLiteral("The file cannot be read to the end."));
    return FileDigest{QString::fromLatin1(hash.result().toHex()), info.size()};
}

OpenResult openTask(const OpenRequest& request)
{
    OpenResult result;
    if (request.cancel.isCancelled()) {
        result.error = {ErrorCode::Cancelled, QStringLiteral("The import was cancelled.")};
        return result;
    }
    // The file may have changed since it was queued (or before a resume): never mix contents.
    const auto digest = fileDigest(request.path, request.limits);
    if (!digest) {
        result.error = digest.error();
        return result;
    }
    if (digest->sha256 != request.sha256) {
        result.error = {ErrorCode::InvalidArgument,
                        QStringLiteral("The file changed since it was queued; import it again.")};
        return result;
    }
    const auto reader = request.readers->readerFor(request.id, request.path, request.limits);
    if (!reader) {
        result.error = reader.error();
        return result;
    }
    result.format = (*reader)->format();
    result.paged = (*reader)->isPaged();
    result.pageCount = (*reader)->pageCount();
    result.metadata = (*reader)->metadata();
    if (result.pageCount <= 0)
        result.error = {ErrorCode::InvalidArgument, QStringLiteral("The document has no pages.")};
    return result;
}

void readPagesTask(const PageRequest& request, const std::function<void(PageOutcome)>& report)
{
    for (qsizetype i = 0; i < request.pages.size(); ++i) {
        PageOutcome outcome;
        outcome.number = request.pages.at(i);
        outcome.lastOfTask = i + 1 == request.pages.size();
        if (request.cancel.isCancelled()) {
            outcome.error = common::Error{ErrorCode::Cancelled, QStringLiteral("The import was cancelled.")};
        } else if (const auto reader = request.readers->readerFor(request.id, request.path, request.limits); !reader) {
            outcome.error = reader.error();
        } else if (auto page = (*reader)->readPage(outcome.number, request.cancel); !page) {
            outcome.error = page.error();
        } else {
            outcome.page = std::move(*page);
        }
        const bool stop = outcome.error.has_value();
        if (stop)
            outcome.lastOfTask = true;
        report(std::move(outcome));
        if (stop)
            return;
    }
}

ChunkResult chunkTask(ChunkRequest request)
{
    ChunkResult result;
    result.id = request.id;
    QList<documents::PageText> raw;
    if (request.paged && request.pages.size() > 2) {
        raw = request.pages;
        documents::removeRepeatedHeadersAndFooters(request.pages);
    }
    chunking::ChunkSource source;
    source.title = request.title;
    source.paged = request.paged;
    // Readers of structured formats mark headings the Markdown way.
    source.markdown = request.format == QLatin1String("markdown") || request.format == QLatin1String("docx")
                   || request.format == QLatin1String("odt") || request.format == QLatin1String("html");
    for (const auto& page : std::as_const(request.pages))
        source.pages.append(page.text);
    result.chunks = chunking::chunkDocument(source, request.options);
    // Only the pages whose text changed are written back (QString compares share data first).
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i).text != request.pages.at(i).text)
            result.pages.append(std::move(request.pages[i]));
    }
    return result;
}

} // namespace genius::import
