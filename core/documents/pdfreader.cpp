#include "core/documents/pdfreader.h"

#include "core/documents/documentslogging.h"
#include "core/documents/normalizer.h"
#include "core/documents/ocrengine.h"
#include "core/documents/pagebuilder.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <poppler-qt6.h>

namespace genius::documents {

namespace {

// Poppler reports syntax problems of damaged files on stderr; they belong in our log,
// at debug level, since they may quote bits of the file.
void routePopplerMessages(const QString& message, const QVariant& /*closure*/)
{
    qCDebug(lcDocuments) << "poppler:" << message;
}

common::Error cancelled()
{
    return common::Error { common::ErrorCode::Cancelled, QStringLiteral("Reading the document was cancelled.") };
}

} // namespace

common::Result<std::unique_ptr<DocumentReader>> PdfReader::open(const QString& path, const ReaderLimits& limits)
{
    static std::once_flag routed;
    std::call_once(routed, [] { Poppler::setDebugErrorFunction(&routePopplerMessages, QVariant()); });

    std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document)
        return common::fail(common::ErrorCode::Corrupt, QStringLiteral("The PDF is damaged and cannot be read."));
    if (document->isLocked())
        return common::fail(
            common::ErrorCode::InvalidArgument, QStringLiteral("The PDF is encrypted/password-protected."));
    const int pages = document->numPages();
    if (pages <= 0)
        return common::fail(common::ErrorCode::Corrupt, QStringLiteral("The PDF is damaged and cannot be read."));
    if (pages > limits.maxPages)
        return common::fail(common::ErrorCode::InvalidArgument,
            QStringLiteral("The PDF has more pages than the limit of %1.").arg(limits.maxPages));
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    return std::unique_ptr<DocumentReader>(new PdfReader(std::move(document), limits));
}

PdfReader::PdfReader(std::unique_ptr<Poppler::Document> document, const ReaderLimits& limits)
    : m_document(std::move(document))
    , m_limits(limits)
{ }

PdfReader::~PdfReader() = default;

QString PdfReader::format() const
{
    return QStringLiteral("pdf");
}

bool PdfReader::isPaged() const
{
    return true;
}

int PdfReader::pageCount() const
{
    return m_document->numPages();
}

DocumentMetadata PdfReader::metadata() const
{
    DocumentMetadata metadata;
    metadata.title = normalizeText(m_document->info(QStringLiteral("Title")));
    metadata.author = normalizeText(m_document->info(QStringLiteral("Author")));
    metadata.subject = normalizeText(m_document->info(QStringLiteral("Subject")));
    metadata.created = m_document->date(QStringLiteral("CreationDate"));
    return metadata;
}

common::Result<PageText> PdfReader::readPage(int number, const common::CancellationToken& cancel)
{
    if (number < 1 || number > pageCount())
        return common::fail(
            common::ErrorCode::InvalidArgument, QStringLiteral("Page %1 does not exist in the document.").arg(number));
    if (cancel.isCancelled())
        return std::unexpected(cancelled());
    const std::unique_ptr<Poppler::Page> page = m_document->page(number - 1);
    if (!page)
        return common::fail(
            common::ErrorCode::Corrupt, QStringLiteral("Page %1 of the PDF cannot be read.").arg(number));

    std::vector<LayoutWord> words;
    {
        const std::vector<std::unique_ptr<Poppler::TextBox>> boxes = page->textList();
        words.reserve(boxes.size());
        for (size_t i = 0; i < boxes.size(); ++i) {
            const Poppler::TextBox& box = *boxes[i];
            // Poppler links the words of one line; the last word of a line has no successor.
            const bool endsLine = i + 1 == boxes.size() || box.nextWord() != boxes[i + 1].get();
            words.push_back(LayoutWord { box.text(), box.boundingBox(), box.hasSpaceAfter(), endsLine, false });
        }
    }
    PageText text = assemblePage(words, ParagraphBreaks::FromGaps);
    text.number = number;
    text.size = page->pageSizeF();

    const int usable = countUsableChars(text.text);
    const bool garbage = looksLikeGarbage(text.text);
    if (usable >= m_limits.minTextCharsPerPage && !garbage)
        return text;
    // Garbage is no text layer at all; a short but clean one is kept if OCR is impossible.
    if (garbage) {
        text.text.clear();
        text.words.clear();
    }
    return ocrPage(*page, text, cancel);
}

common::Result<PageText> PdfReader::ocrPage(
    const Poppler::Page& page, const PageText& textLayer, const common::CancellationToken& cancel)
{
    const int number = textLayer.number;
    // A poster-sized page at 300 dpi would be gigapixels: lower the resolution to the pixel cap.
    const QSizeF inches = page.pageSizeF() / 72.0;
    const double area = std::max(inches.width() * inches.height(), 1e-6);
    const double dpi = std::min<double>(m_limits.ocrDpi, std::floor(std::sqrt(m_limits.maxImagePixels / area)));
    if (dpi < 50)
        return common::fail(common::ErrorCode::InvalidArgument,
                            QStringLiteral("Page %1 of the PDF is too large to be read by OCR.").arg(number));
    QImage image = page.renderToImage(dpi, dpi);
    if (image.isNull())
        return common::fail(
            common::ErrorCode::Corrupt, QStringLiteral("Page %1 of the PDF cannot be rendered.").arg(number));
    image = image.convertToFormat(QImage::Format_Grayscale8);
    if (OcrEngine::isBlank(image))
        return textLayer;
    if (cancel.isCancelled())
        return std::unexpected(cancelled());

    if (!m_ocr)
        m_ocr = std::make_unique<OcrEngine>(m_limits.ocrLanguages, m_limits.tessdataPath, m_limits.ocrSingleColumn);
    auto result = m_ocr->recognize(image, dpi, number, cancel);
    if (!result) {
        if (result.error().code == common::ErrorCode::Unavailable && !textLayer.text.isEmpty()) {
            qCWarning(lcDocuments) << "page" << number << "keeps its short text layer:" << result.error().detail;
            return textLayer;
        }
        return result;
    }
    // The renderer's page box is the PDF's, whatever the rounding of the image size.
    result->size = page.pageSizeF();
    return result;
}

} // namespace genius::documents
