#pragma once

#include "core/documents/pagetext.h"
#include "core/index/documentrecord.h"

#include <QList>
#include <QString>

namespace genius::models {

/// What kind of trouble a document had, for a short phrase in the table and an icon in a view.
enum class ProblemKind {
    None, ///< nothing to report (also for cancelled imports: the status says it)
    Encrypted, ///< password-protected PDF, DOCX or ODT
    Empty, ///< a 0-byte file or a document without pages
    Damaged, ///< the file or a page cannot be parsed
    Unsupported, ///< not PDF, DOCX, ODT, an image or text
    TooLarge, ///< over the size, page or entry limit, or a zip bomb
    Unreadable, ///< the operating system refused to read the file
    OcrUnavailable, ///< Tesseract or its language data is missing
    LowOcrConfidence, ///< ready, but its recognised text is unreliable
    SourceChanged, ///< the file changed between queueing (or a crash) and reading
    SourceMissing, ///< the file was gone when the import (re)started
    EmbeddingFailed, ///< ready and searchable by words, but without vectors
    Other, ///< anything else: the untranslated detail is shown as it is
};

/// Below this mean OCR word confidence (Tesseract's 0..100) a ready document is flagged.
inline constexpr double kLowOcrConfidence = 70.0;

/// Classifies a document's failure from its error code and keywords of its (English, untranslated)
/// detail, or a ready document's weak spots. `ocrConfidence` is the mean confidence of its OCR
/// pages (-1: unknown), which DocumentRecord does not carry; see meanOcrConfidence().
ProblemKind problemKind(const index::DocumentRecord& record, double ocrConfidence = -1.0);

/// One short translated phrase for the table ("verschlüsselt", "OCR-Qualität niedrig"); the
/// detail itself for failures of no known kind; empty when there is nothing to report.
QString readableProblem(const index::DocumentRecord& record, double ocrConfidence = -1.0);

/// The full explanation for a tooltip: the stored detail, or a translated sentence for
/// problems of ready documents (low OCR confidence, failed embedding) that have none.
QString problemDetail(const index::DocumentRecord& record, double ocrConfidence = -1.0);

/// The mean confidence of the OCR pages among `pages` (as IndexDatabase::pages() returns
/// them), or -1 when no page was recognised by OCR.
double meanOcrConfidence(const QList<documents::PageText>& pages);

} // namespace genius::models
