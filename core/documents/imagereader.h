#pragma once

#include "core/documents/documentreader.h"

#include <QByteArray>

#include <memory>
#include <vector>

namespace genius::documents {

class OcrEngine;

/// Scanned images read by OCR: PNG and JPEG through QImageReader, TIFF (one page per
/// image of a multi-page file) through Leptonica, because Qt's TIFF plugin
/// (qt6-image-formats-plugins) is not part of the platform.
class ImageReader final : public DocumentReader
{
public:
    enum class Kind { Png, Jpeg, Tiff };

    /// Opens `path` of `kind`. Errors: Corrupt (no image can be decoded), InvalidArgument
    /// (more pages than the limit), Io (unreadable).
    static common::Result<std::unique_ptr<DocumentReader>> open(
        const QString& path, Kind kind, const ReaderLimits& limits);
    ~ImageReader() override;

    QString format() const override;
    bool isPaged() const override;
    int pageCount() const override;
    DocumentMetadata metadata() const override;
    common::Result<PageText> readPage(int number, const common::CancellationToken& cancel) override;

private:
    ImageReader(QString path, Kind kind, QByteArray data, int pages, const ReaderLimits& limits);
    common::Result<QImage> decode(int number, double* dpi);
    common::Result<QImage> decodeTiff(int number, double* dpi);

    QString m_path;
    Kind m_kind;
    QByteArray m_data; // TIFF only: Leptonica decodes from memory
    std::vector<size_t> m_tiffOffsets; // start of each TIFF page found so far
    int m_pages;
    ReaderLimits m_limits;
    std::unique_ptr<OcrEngine> m_ocr;
};

} // namespace genius::documents
