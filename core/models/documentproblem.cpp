#include "core/models/documentproblem.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>

using namespace Qt::StringLiterals;

namespace genius::models {

namespace {

using index::DocumentRecord;
using index::DocumentStatus;

// Keywords of the readers' and the queue's sentences (core/documents, core/import), checked
// in this order: "The PDF is encrypted" must win over the generic "cannot be read".
struct Keyword {
    QStringView text;
    ProblemKind kind;
};

constexpr std::array kKeywords {
    Keyword { u"encrypted", ProblemKind::Encrypted },
    Keyword { u"password", ProblemKind::Encrypted },
    Keyword { u"file is empty", ProblemKind::Empty },
    Keyword { u"has no pages", ProblemKind::Empty },
    Keyword { u"Unsupported file format", ProblemKind::Unsupported },
    Keyword { u"larger than the limit", ProblemKind::TooLarge },
    Keyword { u"more pages than the limit", ProblemKind::TooLarge },
    Keyword { u"more entries than the limit", ProblemKind::TooLarge },
    Keyword { u"beyond the size limit", ProblemKind::TooLarge },
    Keyword { u"zip bomb", ProblemKind::TooLarge },
    Keyword { u"changed since it was queued", ProblemKind::SourceChanged },
    Keyword { u"file does not exist", ProblemKind::SourceMissing },
    Keyword { u"OCR language data", ProblemKind::OcrUnavailable },
    Keyword { u"OCR engine cannot be started", ProblemKind::OcrUnavailable },
    Keyword { u"damaged", ProblemKind::Damaged },
    Keyword { u"unsafe entry", ProblemKind::Damaged },
    Keyword { u"lacks a required entry", ProblemKind::Damaged },
    Keyword { u"could not be read by the OCR engine", ProblemKind::Damaged },
    Keyword { u"cannot be rendered", ProblemKind::Damaged },
    Keyword { u"of the PDF cannot be read", ProblemKind::Damaged },
    Keyword { u"file cannot be read", ProblemKind::Unreadable },
    Keyword { u"not a regular file", ProblemKind::Unreadable },
    Keyword { u"not a file", ProblemKind::Unreadable },
};

ProblemKind failureKind(const DocumentRecord& record)
{
    for (const auto& keyword : kKeywords) {
        if (record.errorDetail.contains(keyword.text, Qt::CaseInsensitive))
            return keyword.kind;
    }
    // Sentences without a known keyword still carry a code (common::errorCodeName).
    if (record.errorCode == u"corrupt")
        return ProblemKind::Damaged;
    if (record.errorCode == u"unavailable" && record.errorDetail.contains(u"OCR"))
        return ProblemKind::OcrUnavailable;
    return ProblemKind::Other;
}

} // namespace

ProblemKind problemKind(const DocumentRecord& record, double ocrConfidence)
{
    switch (record.status) {
    case DocumentStatus::Failed: return failureKind(record);
    case DocumentStatus::Ready:
        if (record.embeddingState == u"failed")
            return ProblemKind::EmbeddingFailed;
        if (record.ocrPages > 0 && ocrConfidence >= 0.0 && ocrConfidence < kLowOcrConfidence)
            return ProblemKind::LowOcrConfidence;
        return ProblemKind::None;
    default:
        // A running, queued or cancelled job has no failure (yet); a stale detail from an
        // earlier attempt is not news.
        return ProblemKind::None;
    }
}

QString readableProblem(const DocumentRecord& record, double ocrConfidence)
{
    switch (problemKind(record, ocrConfidence)) {
    case ProblemKind::None: return {};
    case ProblemKind::Encrypted: return QCoreApplication::translate("DocumentTableModel", "encrypted");
    case ProblemKind::Empty: return QCoreApplication::translate("DocumentTableModel", "empty file");
    case ProblemKind::Damaged: return QCoreApplication::translate("DocumentTableModel", "damaged");
    case ProblemKind::Unsupported: return QCoreApplication::translate("DocumentTableModel", "unsupported format");
    case ProblemKind::TooLarge: return QCoreApplication::translate("DocumentTableModel", "too large");
    case ProblemKind::Unreadable: return QCoreApplication::translate("DocumentTableModel", "not readable");
    case ProblemKind::OcrUnavailable: return QCoreApplication::translate("DocumentTableModel", "OCR unavailable");
    case ProblemKind::LowOcrConfidence: return QCoreApplication::translate("DocumentTableModel", "OCR quality low");
    case ProblemKind::SourceChanged: return QCoreApplication::translate("DocumentTableModel", "file changed");
    case ProblemKind::SourceMissing: return QCoreApplication::translate("DocumentTableModel", "file missing");
    case ProblemKind::EmbeddingFailed:
        return QCoreApplication::translate("DocumentTableModel", "embedding failed (still searchable)");
    case ProblemKind::Other:
        return record.errorDetail.isEmpty() ? QCoreApplication::translate("DocumentTableModel", "import failed")
                                            : record.errorDetail;
    }
    return {};
}

QString problemDetail(const DocumentRecord& record, double ocrConfidence)
{
    switch (problemKind(record, ocrConfidence)) {
    case ProblemKind::None: return {};
    case ProblemKind::LowOcrConfidence:
        return QCoreApplication::translate(
            "DocumentTableModel", "Text recognition averaged %1 % confidence; check the extracted text.")
            .arg(QLocale().toString(qRound(ocrConfidence)));
    case ProblemKind::EmbeddingFailed:
        return QCoreApplication::translate(
            "DocumentTableModel", "The passages could not be embedded; the document can still be found by its words.");
    default: return record.errorDetail.isEmpty() ? readableProblem(record, ocrConfidence) : record.errorDetail;
    }
}

double meanOcrConfidence(const QList<documents::PageText>& pages)
{
    double sum = 0.0;
    int count = 0;
    for (const auto& page : pages) {
        if (!page.ocr || page.confidence < 0.0)
            continue;
        sum += page.confidence;
        ++count;
    }
    return count == 0 ? -1.0 : sum / count;
}

} // namespace genius::models
