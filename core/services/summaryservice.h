#pragma once

#include "core/services/extractivesummary.h"
#include "core/services/functionresult.h"

#include <QObject>

#include <functional>
#include <memory>

namespace genius::domain {
struct ModelInfo;
}
namespace genius::index {
class IndexDatabase;
}

namespace genius::services {

class FunctionRunner;

/// What to summarise: an imported document, a file read locally for this purpose only
/// (not imported), or pasted text.
struct SummaryRequest {
    qint64 documentId = 0;
    QString filePath;
    QString text;
    QString name; ///< how pasted text is named in sources
    domain::ProtectionClass textClass = domain::ProtectionClass::Normal; ///< of a file or pasted text
    SummaryLength length = SummaryLength::Medium;
    QString aspect;
};

/// Textzusammenfassung: one request when the text fits the model's context, map-reduce
/// when it does not (each part summarised with citations, then the parts' points — which keep
/// their pages — summarised again); every point of the result cites the pages it rests on.
/// Without a model that may read the text (very-high, no gateway, no cleared model) an
/// extractive summary is made locally and nothing is sent.
class SummaryService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryService)

public:
    SummaryService(index::IndexDatabase* database, FunctionRunner& runner, QObject* parent = nullptr);

    using Done = std::function<void(FunctionResult)>;
    void summarize(const SummaryRequest& request, QObject* context, Done done);

private:
    struct Job;
    void summarizeSources(std::shared_ptr<Job> job, QList<AnswerSource> sources);
    void finish(std::shared_ptr<Job> job, FunctionResult result);
    common::Result<QList<AnswerSource>> collect(const SummaryRequest& request, domain::ProtectionClass* cls) const;

    index::IndexDatabase* m_database;
    FunctionRunner& m_runner;
};

/// The passages of a file, page by page, read locally (OCR included); `name` gets the file name.
common::Result<QList<AnswerSource>> readFilePassages(const QString& path, domain::ProtectionClass cls);

} // namespace genius::services
