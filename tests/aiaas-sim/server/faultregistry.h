#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace genius::sim {

/// The endpoints a fault can apply to.
enum class Endpoint { Chat, Embeddings, Models, ModelInfo, KeyInfo, Other };

/// What a fault needs to know about a request to decide whether it applies.
struct RequestTraits {
    Endpoint endpoint = Endpoint::Other;
    bool stream = false;
    bool usesMaxTokens = false;
    bool hasStreamOptions = false;
    bool base64 = false;
};

/// One entry of the fault catalogue.
struct FaultInfo {
    /// Which requests a fault matches (before any "endpoint" parameter override).
    enum class Scope {
        ChatStream,            ///< chat with stream:true
        ChatMaxTokens,         ///< chat that sent max_tokens
        ChatStreamOptions,     ///< chat that sent stream_options
        Inference,             ///< chat and embeddings (override with params.endpoint)
        Embeddings,            ///< embeddings
        EmbeddingsBase64,      ///< embeddings that asked for base64
        EmbeddingsFloat,       ///< embeddings that asked for floats
        Models,                ///< GET /v1/models
    };
    QString name;
    Scope scope;
    QString cases;  ///< CONFORMANCE case numbers
    QString params; ///< the parameters it reads
};

/// A fault chosen for one request.
struct ActiveFault {
    QString name;
    QJsonObject params;
};

/// Faults queued at run time (POST /sim/fault) and the permanent one from --fault. A queued
/// fault applies to the next `times` matching requests (-1: until reset), first in first out;
/// the permanent fault applies when no queued fault matches.
class FaultRegistry final
{
public:
    static const QList<FaultInfo>& catalogue();
    static const FaultInfo* find(QStringView name);
    /// Whether a fault applies to a request, honouring params.endpoint for Inference faults.
    static bool matches(const FaultInfo& info, const QJsonObject& params, const RequestTraits& traits);

    /// Queues a fault; returns an error message for an unknown name or a bad count.
    QString enqueue(const QString& name, int times, const QJsonObject& params);
    QString setPermanent(const QString& name, const QJsonObject& params);
    /// Drops all queued faults (the permanent one stays: it is configuration).
    void clearQueued();
    /// Takes the fault for a request, if any, and counts it down.
    std::optional<ActiveFault> take(const RequestTraits& traits);
    /// Queued and permanent faults, for GET /sim/faults.
    QJsonObject stateJson() const;

private:
    struct Queued {
        ActiveFault fault;
        int remaining;
    };
    QList<Queued> m_queue;
    std::optional<ActiveFault> m_permanent;
};

} // namespace genius::sim
