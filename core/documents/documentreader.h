#pragma once

#include "core/common/cancellation.h"
#include "core/common/error.h"
#include "core/documents/pagetext.h"

#include <QString>

#include <memory>

namespace genius::documents {

/// Limits that keep hostile files from exhausting the machine. Defaults suit office documents.
struct ReaderLimits {
    qint64 maxFileBytes = 512LL * 1024 * 1024;         ///< larger files are refused
    qint64 maxUncompressedBytes = 256LL * 1024 * 1024; ///< DOCX/ODT: total of the entries read
    int maxZipEntries = 10000;                         ///< DOCX/ODT: entries in the archive
    int maxPages = 10000;                              ///< PDF/TIFF pages
    int ocrDpi = 300;                                  ///< render resolution for OCR
    /// A page image (a scan, a photo, a PDF page rendered for OCR) never has more pixels: images
    /// above are refused before they are decoded, huge PDF pages are rendered at a lower resolution.
    qint64 maxImagePixels = 150'000'000;
    int minTextCharsPerPage = 20; ///< a PDF page with fewer usable characters is OCRed
    QString ocrLanguages = QStringLiteral("deu+eng");
    QString tessdataPath; ///< empty: Tesseract's default location
    /// OCR reads a page as one column of text (keeps "1." beside its item in numbered
    /// lists); false lets Tesseract segment columns itself (multi-column layouts).
    bool ocrSingleColumn = true;
};

/// Reads one file page by page. Opening checks the file (corrupt, encrypted, empty, too
/// large, unsupported); pages are then read one at a time so an import can record progress
/// and resume. One reader belongs to one thread.
class DocumentReader
{
public:
    virtual ~DocumentReader() = default;

    /// "pdf", "image", "docx", "odt", "text", "markdown", "html".
    virtual QString format() const = 0;
    /// False for formats without pages (DOCX, ODT, text): they have one "page" numbered 1
    /// and their passages report no page number.
    virtual bool isPaged() const = 0;
    virtual int pageCount() const = 0;
    virtual DocumentMetadata metadata() const = 0;
    /// Reads page `number` (1-based); OCRs it when it has no usable text layer. Errors:
    /// Corrupt (unreadable page), Cancelled, Unavailable (OCR engine or language missing).
    virtual common::Result<PageText> readPage(int number, const common::CancellationToken& cancel) = 0;
};

/// Opens `path` with the reader its content calls for (by signature first, extension second).
/// Errors, one clear sentence each: InvalidArgument (unsupported format, empty file, too
/// large, encrypted/password-protected), Corrupt (damaged file, zip bomb), Io (unreadable).
common::Result<std::unique_ptr<DocumentReader>> openDocument(const QString& path, const ReaderLimits& limits = {});

/// Normalisation across the pages of one document, after all pages are read: removes lines
/// that repeat at the top or bottom of most pages (running headers, footers, page numbers)
/// and moves the word boxes' offsets with the text.
void removeRepeatedHeadersAndFooters(QList<PageText>& pages);

} // namespace genius::documents
