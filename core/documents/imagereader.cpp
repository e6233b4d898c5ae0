#include "core/documents/imagereader.h"

#include "core/documents/documentslogging.h"
#include "core/documents/ocrengine.h"

#include <QFile>
#include <QImageReader>

#include <allheaders.h>
#include <algorithm>
#include <cstdio>

namespace genius::documents {

namespace {

constexpr double kDefaultDpi = 300.0; // what scanners use when the file does not say

common::Error damagedImage()
{
    return common::Error { common::ErrorCode::Corrupt, QStringLiteral("The image is damaged and cannot be read.") };
}

struct PixDeleter {
    void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

int countTiffPages(const QByteArray& data)
{
    FILE* file
        = fopenReadFromMemory(reinterpret_cast<const l_uint8*>(data.constData()), static_cast<size_t>(data.size()));
    if (!file)
        return 0;
    l_int32 pages = 0;
    if (tiffGetCount(file, &pages) != 0)
        pages = 0;
    std::fclose(file);
    return pages;
}

// Leptonica keeps 8 bpp pixels in 32-bit words, the first pixel in the most significant byte.
QImage toGrayImage(Pix* source)
{
    PixPtr gray(pixConvertTo8(source, 0));
    if (!gray)
        return {};
    l_int32 width = 0;
    l_int32 height = 0;
    l_int32 depth = 0;
    pixGetDimensions(gray.get(), &width, &height, &depth);
    if (depth != 8 || width <= 0 || height <= 0)
        return {};
    QImage image(width, height, QImage::Format_Grayscale8);
    if (image.isNull())
        return {};
    const l_int32 wordsPerLine = pixGetWpl(gray.get());
    const l_uint32* data = pixGetData(gray.get());
    for (l_int32 y = 0; y < height; ++y) {
        const l_uint32* line = data + static_cast<qsizetype>(y) * wordsPerLine;
        uchar* out = image.scanLine(y);
        for (l_int32 x = 0; x < width; ++x)
            out[x] = static_cast<uchar>((line[x >> 2] >> (8 * (3 - (x & 3)))) & 0xFF);
    }
    return image;
}

common::Error tooManyPixels(qint64 width, qint64 height, qint64 limit)
{
    return common::Error{common::ErrorCode::InvalidArgument,
                         QStringLiteral("The image has %1 × %2 pixels, more than the limit of %3 million.")
                             .arg(width)
                             .arg(height)
                             .arg(limit / 1'000'000)};
}

} // namespace

common::Result<std::unique_ptr<DocumentReader>> ImageReader::open(
    const QString& path, Kind kind, const ReaderLimits& limits)
{
    QByteArray data;
    int pages = 1;
    if (kind == Kind::Tiff) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return common::fail(common::ErrorCode::Io, QStringLiteral("The file cannot be read."));
        data = file.readAll();
        pages = countTiffPages(data);
        if (pages <= 0)
            return std::unexpected(damagedImage());
    } else {
        QImageReader reader(path);
        if (!reader.canRead())
            return std::unexpected(damagedImage());
        // The header says the size; nothing is decoded for an image above the cap.
        const QSize size = reader.size();
        if (size.isValid() && qint64(size.width()) * size.height() > limits.maxImagePixels)
            return std::unexpected(tooManyPixels(size.width(), size.height(), limits.maxImagePixels));
    }
    if (pages > limits.maxPages)
        return common::fail(common::ErrorCode::InvalidArgument,
            QStringLiteral("The image has more pages than the limit of %1.").arg(limits.maxPages));
    return std::unique_ptr<DocumentReader>(new ImageReader(path, kind, std::move(data), pages, limits));
}

ImageReader::ImageReader(QString path, Kind kind, QByteArray data, int pages, const ReaderLimits& limits)
    : m_path(std::move(path))
    , m_kind(kind)
    , m_data(std::move(data))
    , m_pages(pages)
    , m_limits(limits)
{
    m_tiffOffsets.push_back(0);
}

ImageReader::~ImageReader() = default;

QString ImageReader::format() const
{
    return QStringLiteral("image");
}

bool ImageReader::isPaged() const
{
    return true;
}

int ImageReader::pageCount() const
{
    return m_pages;
}

DocumentMetadata ImageReader::metadata() const
{
    return {};
}

common::Result<QImage> ImageReader::decodeTiff(int number, double* dpi)
{
    const auto* bytes = reinterpret_cast<const l_uint8*>(m_data.constData());
    const auto size = static_cast<size_t>(m_data.size());
    // Pages are found one after the other; remember where each starts for later reads.
    while (m_tiffOffsets.size() < static_cast<size_t>(number)) {
        size_t offset = m_tiffOffsets.back();
        PixPtr skipped(pixReadMemFromMultipageTiff(bytes, size, &offset));
        if (!skipped || offset == 0)
            return std::unexpected(damagedImage());
        m_tiffOffsets.push_back(offset);
    }
    // The page's header first: a page above the pixel cap is refused before it is decoded.
    l_int32 width = 0;
    l_int32 height = 0;
    if (readHeaderMemTiff(bytes, size, number - 1, &width, &height, nullptr, nullptr, nullptr, nullptr, nullptr) == 0
        && qint64(width) * height > m_limits.maxImagePixels)
        return std::unexpected(tooManyPixels(width, height, m_limits.maxImagePixels));
    size_t offset = m_tiffOffsets[static_cast<size_t>(number) - 1];
    PixPtr pix(pixReadMemFromMultipageTiff(bytes, size, &offset));
    if (!pix)
        return std::unexpected(damagedImage());
    if (m_tiffOffsets.size() == static_cast<size_t>(number) && offset != 0)
        m_tiffOffsets.push_back(offset);
    const l_int32 resolution = pixGetXRes(pix.get());
    if (resolution >= 50 && resolution <= 2400)
        *dpi = resolution;
    QImage image = toGrayImage(pix.get());
    if (image.isNull())
        return std::unexpected(damagedImage());
    return image;
}

common::Result<QImage> ImageReader::decode(int number, double* dpi)
{
    *dpi = kDefaultDpi;
    if (m_kind == Kind::Tiff)
        return decodeTiff(number, dpi);
    QImageReader reader(m_path);
    reader.setAutoTransform(true); // EXIF orientation of phone photos
    // Qt's own cap (256 MB) would refuse images within ours: allow 4 bytes for each allowed pixel.
    reader.setAllocationLimit(static_cast<int>(std::min<qint64>(m_limits.maxImagePixels * 4 / (1024 * 1024) + 1, 4096)));
    QImage image = reader.read();
    if (image.isNull()) {
        qCDebug(lcDocuments) << "image decode failed:" << reader.errorString();
        return std::unexpected(damagedImage());
    }
    const double resolution = image.dotsPerMeterX() * 0.0254;
    if (resolution >= 50 && resolution <= 2400)
        *dpi = resolution;
    return image.convertToFormat(QImage::Format_Grayscale8);
}

common::Result<PageText> ImageReader::readPage(int number, const common::CancellationToken& cancel)
{
    if (number < 1 || number > m_pages)
        return common::fail(
            common::ErrorCode::InvalidArgument, QStringLiteral("Page %1 does not exist in the document.").arg(number));
    if (cancel.isCancelled())
        return common::fail(common::ErrorCode::Cancelled, QStringLiteral("Reading the document was cancelled."));
    double dpi = kDefaultDpi;
    auto image = decode(number, &dpi);
    if (!image)
        return std::unexpected(image.error());
    if (!m_ocr)
        m_ocr = std::make_unique<OcrEngine>(m_limits.ocrLanguages, m_limits.tessdataPath, m_limits.ocrSingleColumn);
    return m_ocr->recognize(*image, dpi, number, cancel);
}

} // namespace genius::documents
