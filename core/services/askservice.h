#pragma once

#include "core/index/documentrecord.h"
#include "core/index/search.h"
#include "core/domain/modelinfo.h"
#include "core/services/functionresult.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace genius::index {
class EvidenceGate;
class IndexDatabase;
}

namespace genius::services {

class FunctionRunner;
class SearchService;
struct ModelResolution;

/// Einzeldokumente befragen.
struct AskRequest {
    QList<qint64> documentIds; ///< one or more imported documents
    QString question;
};

/// Rechercheassistenz over collections.
struct ResearchRequest {
    QStringList collections; ///< names
    QString question;
};

/// Answers questions from documents with citations: `ask` puts documents that fit into the
/// context whole (one source per page) and retrieves within them when they do not; `research`
/// retrieves across collections, capped at the clearance of the model that will read the
/// passages, and answers "no evidence" without asking a model when nothing relevant is
/// found. When no model may read the content (very-high, no gateway, no cleared model) both
/// return the best passages and send nothing.
class AskService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AskService)

public:
    AskService(index::IndexDatabase& database, SearchService& search, FunctionRunner& runner, QObject* parent = nullptr);
    ~AskService() override;

    using Done = std::function<void(FunctionResult)>;
    void ask(const AskRequest& request, QObject* context, Done done);
    void research(const ResearchRequest& request, QObject* context, Done done);

    /// How many passages a local answer lists.
    static constexpr int kLocalPassages = 5;
    /// How many passages retrieval offers a model (fewer when the budget is smaller).
    static constexpr int kRetrievedPassages = 12;

private:
    /// Passages that bear on the question (after the evidence gate), and whether the
    /// question itself went to the embedding model.
    struct Retrieved {
        QList<AnswerSource> sources;
        bool sentQuery = false;
    };
    using RetrievedDone = std::function<void(std::expected<Retrieved, FunctionFailure>)>;

    void answerFromSources(bool research, domain::ProtectionClass baseClass, const domain::ModelInfo& model,
                           const QList<AnswerSource>& sources, const QString& question, QObject* context, Done done);
    void retrieve(const QString& question, const index::SearchFilter& filter, index::SearchMode mode,
                  domain::ProtectionClass queryClass, int topK, QObject* context, RetrievedDone done);
    void answerLocally(const QString& question, index::SearchFilter filter, LocalReason reason,
                       domain::ProtectionClass baseClass, QObject* context, Done done);
    common::Result<QList<AnswerSource>> sourcesFromHits(const QList<index::SearchHit>& hits);
    common::Result<QList<AnswerSource>> splitAtPages(const AnswerSource& passage, int start, int end);

    index::IndexDatabase& m_database;
    SearchService& m_search;
    FunctionRunner& m_runner;
    std::unique_ptr<index::EvidenceGate> m_gate;
    QHash<qint64, domain::ProtectionClass> m_classes;
    QHash<qint64, QString> m_fullTexts;
};

} // namespace genius::services
