#pragma once

#include "core/common/cancellation.h"
#include "core/common/error.h"
#include "core/documents/pagetext.h"

#include <QImage>
#include <QString>

#include <memory>

namespace tesseract {
class TessBaseAPI;
}

namespace genius::documents {

/// Tesseract behind a small interface: one engine per reader (and so per thread), created
/// when the first page needs OCR and reused for every later page. Tesseract runs OpenMP
/// threads unless OMP_THREAD_LIMIT=1 is in the environment when the process starts; with
/// one OCR worker per core that is both faster and fairer.
class OcrEngine final
{
public:
    /// `languages` as Tesseract spells them ("deu+eng"); `tessdataPath` empty for
    /// Tesseract's default location; `singleColumn` reads the page as one column of text
    /// (keeps "1." next to its item in numbered lists) instead of segmenting it automatically.
    OcrEngine(QString languages, QString tessdataPath, bool singleColumn = true);
    ~OcrEngine();
    Q_DISABLE_COPY_MOVE(OcrEngine)

    /// Reads `image` scanned or rendered at `dpi` and returns page `number` with word boxes
    /// in points, mean word confidence and section signs recovered (recoverSectionSigns).
    /// Errors: Unavailable (engine or language data missing), Cancelled.
    common::Result<PageText> recognize(
        const QImage& image, double dpi, int number, const common::CancellationToken& cancel);

    /// True when `image` has hardly any dark pixels: a blank page needs no OCR.
    static bool isBlank(const QImage& gray);

private:
    common::Result<tesseract::TessBaseAPI*> api();

    QString m_languages;
    QString m_tessdataPath;
    bool m_singleColumn;
    std::unique_ptr<tesseract::TessBaseAPI> m_api;
    QString m_initError; // remembered: a failed Init is not retried for every page
};

} // namespace genius::documents
