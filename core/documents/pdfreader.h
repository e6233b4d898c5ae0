#pragma once

#include "core/documents/documentreader.h"

#include <memory>

namespace Poppler {
class Document;
class Page;
} // namespace Poppler

namespace genius::documents {

class OcrEngine;

/// PDF through Poppler: the text layer where it is usable, Tesseract on the rendered page
/// where it is not (scans, fonts without ToUnicode).
class PdfReader final : public DocumentReader
{
public:
    /// Opens `path`. Errors: Corrupt (damaged), InvalidArgument (encrypted, too many pages).
    static common::Result<std::unique_ptr<DocumentReader>> open(const QString& path, const ReaderLimits& limits);
    ~PdfReader() override;

    QString format() const override;
    bool isPaged() const override;
    int pageCount() const override;
    DocumentMetadata metadata() const override;
    common::Result<PageText> readPage(int number, const common::CancellationToken& cancel) override;

private:
    PdfReader(std::unique_ptr<Poppler::Document> document, const ReaderLimits& limits);
    common::Result<PageText> ocrPage(
        const Poppler::Page& page, const PageText& textLayer, const common::CancellationToken& cancel);

    std::unique_ptr<Poppler::Document> m_document;
    ReaderLimits m_limits;
    std::unique_ptr<OcrEngine> m_ocr; // created when the first page needs it
};

} // namespace genius::documents
