#include "core/documents/ocrengine.h"

#include "core/documents/documentslogging.h"
#include "core/documents/normalizer.h"
#include "core/documents/pagebuilder.h"

#include <QFile>

#include <algorithm>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>
#include <vector>

namespace genius::documents {

namespace {

bool cancelRequested(void* token, int /*words*/)
{
    return static_cast<const common::CancellationToken*>(token)->isCancelled();
}

struct CharArrayDeleter {
    void operator()(char* text) const { delete[] text; }
};

} // namespace

OcrEngine::OcrEngine(QString languages, QString tessdataPath, bool singleColumn)
    : m_languages(std::move(languages))
    , m_tessdataPath(std::move(tessdataPath))
    , m_singleColumn(singleColumn)
{ }

OcrEngine::~OcrEngine()
{
    if (m_api)
        m_api->End();
}

common::Result<tesseract::TessBaseAPI*> OcrEngine::api()
{
    if (m_api)
        return m_api.get();
    if (!m_initError.isEmpty())
        return common::fail(common::ErrorCode::Unavailable, m_initError);

    const QByteArray dataPath = QFile::encodeName(m_tessdataPath);
    const char* dataPathArg = m_tessdataPath.isEmpty() ? nullptr : dataPath.constData();
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    const QByteArray languages = m_languages.toUtf8();
    bool ok = api->Init(dataPathArg, languages.constData(), tesseract::OEM_DEFAULT) == 0;
    QString missing;
    if (ok) {
        // Tesseract may load the first language and skip a later one that is missing.
        std::vector<std::string> loaded;
        api->GetLoadedLanguagesAsVector(&loaded);
        for (const QString& language : m_languages.split(u'+', Qt::SkipEmptyParts)) {
            if (std::find(loaded.begin(), loaded.end(), language.toStdString()) == loaded.end()) {
                missing = language;
                ok = false;
                break;
            }
        }
    } else {
        // Name the language that fails; only on this error path is each one tried alone.
        for (const QString& language : m_languages.split(u'+', Qt::SkipEmptyParts)) {
            tesseract::TessBaseAPI probe;
            if (probe.Init(dataPathArg, language.toUtf8().constData(), tesseract::OEM_DEFAULT) != 0) {
                missing = language;
                break;
            }
            probe.End();
        }
    }
    if (!ok) {
        m_initError = missing.isEmpty()
            ? QStringLiteral("The OCR engine cannot be started with the languages %1.").arg(m_languages)
            : QStringLiteral("The OCR language data %1 is not installed.").arg(missing);
        qCWarning(lcDocuments) << "OCR unavailable:" << m_initError;
        return common::fail(common::ErrorCode::Unavailable, m_initError);
    }
    api->SetPageSegMode(m_singleColumn ? tesseract::PSM_SINGLE_COLUMN : tesseract::PSM_AUTO);
    m_api = std::move(api);
    return m_api.get();
}

bool OcrEngine::isBlank(const QImage& gray)
{
    if (gray.isNull() || gray.format() != QImage::Format_Grayscale8)
        return gray.isNull();
    // Every second pixel of every second row is plenty to tell a page number from text.
    qint64 dark = 0;
    qint64 sampled = 0;
    for (int y = 0; y < gray.height(); y += 2) {
        const uchar* row = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); x += 2) {
            ++sampled;
            if (row[x] < 128)
                ++dark;
        }
    }
    return sampled == 0 || dark * 10000 < sampled;
}

common::Result<PageText> OcrEngine::recognize(
    const QImage& image, double dpi, int number, const common::CancellationToken& cancel)
{
    if (cancel.isCancelled())
        return common::fail(common::ErrorCode::Cancelled, QStringLiteral("Reading the document was cancelled."));
    auto engine = api();
    if (!engine)
        return std::unexpected(engine.error());
    tesseract::TessBaseAPI* tess = *engine;

    const QImage gray
        = image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    const int resolution = std::clamp(static_cast<int>(dpi + 0.5), 50, 2400);
    const double toPoints = 72.0 / resolution;

    PageText page;
    page.number = number;
    page.ocr = true;
    page.size = QSizeF(gray.width() * toPoints, gray.height() * toPoints);
    if (isBlank(gray)) {
        page.confidence = 100.0;
        return page;
    }

    tess->SetImage(gray.constBits(), gray.width(), gray.height(), 1, static_cast<int>(gray.bytesPerLine()));
    tess->SetSourceResolution(resolution);
    tess->SetVariable("user_defined_dpi", QByteArray::number(resolution).constData());

    common::CancellationToken token = cancel; // copies share the flag; Tesseract wants a mutable pointer
    tesseract::ETEXT_DESC monitor;
    monitor.cancel = &cancelRequested;
    monitor.cancel_this = &token;
    const int status = tess->Recognize(&monitor);
    if (cancel.isCancelled()) {
        tess->Clear();
        return common::fail(common::ErrorCode::Cancelled, QStringLiteral("Reading the document was cancelled."));
    }
    if (status != 0) {
        tess->Clear();
        return common::fail(
            common::ErrorCode::Corrupt, QStringLiteral("Page %1 could not be read by the OCR engine.").arg(number));
    }

    std::vector<LayoutWord> words;
    double confidenceSum = 0;
    int confidenceCount = 0;
    std::unique_ptr<tesseract::ResultIterator> it(tess->GetIterator());
    if (it) {
        constexpr auto word = tesseract::RIL_WORD;
        do {
            if (it->Empty(word))
                continue;
            std::unique_ptr<char, CharArrayDeleter> text(it->GetUTF8Text(word));
            if (!text)
                continue;
            int left = 0;
            int top = 0;
            int right = 0;
            int bottom = 0;
            it->BoundingBox(word, &left, &top, &right, &bottom);
            LayoutWord layout;
            layout.text = QString::fromUtf8(text.get()).trimmed();
            layout.box = QRectF(left * toPoints, top * toPoints, (right - left) * toPoints, (bottom - top) * toPoints);
            layout.startsParagraph = it->IsAtBeginningOf(tesseract::RIL_PARA);
            layout.endsLine = it->IsAtFinalElement(tesseract::RIL_TEXTLINE, word);
            confidenceSum += it->Confidence(word);
            ++confidenceCount;
            words.push_back(std::move(layout));
        } while (it->Next(word));
    }
    it.reset();
    tess->Clear();

    PageText assembled = assemblePage(words, ParagraphBreaks::FromLayout);
    recoverSectionSigns(assembled.text);
    recoverDigitOne(assembled.text);
    page.text = std::move(assembled.text);
    page.words = std::move(assembled.words);
    page.confidence = confidenceCount > 0 ? confidenceSum / confidenceCount : 0.0;
    qCDebug(lcDocuments) << "OCR page" << number << "words" << confidenceCount << "confidence" << page.confidence;
    return page;
}

} // namespace genius::documents
