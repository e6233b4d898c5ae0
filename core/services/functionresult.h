#pragma once

#include "core/common/error.h"
#include "core/domain/protectionclass.h"
#include "core/gateway/protocol/chatstreamdecoder.h"
#include "core/gateway/protocol/gatewayerror.h"

#include <QList>
#include <QString>

#include <expected>
#include <variant>

namespace genius::services {

/// A passage given to a model (or shown locally) as source `[n]` of an answer.
struct AnswerSource {
    qint64 documentId = 0;  ///< 0 for pasted text
    QString name;           ///< the document's file name
    int page = 0;           ///< 1-based; 0 where the format has no pages
    int lastPage = 0;       ///< the passage's last page (== page for one page)
    QString text;
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
};

/// Why a function answered without a model.
enum class LocalReason {
    None,           ///< a model answered
    VeryHigh,       ///< the content is very-high: it never leaves the workstation
    NoGateway,      ///< no gateway is configured
    Unreachable,    ///< the gateway cannot be reached
    NoClearedModel, ///< no model of the catalogue is cleared for the class
};
/// Stable names for --json: "", very-high, no-gateway, unreachable, no-cleared-model.
QString localReasonName(LocalReason reason);

/// One statement of an answer (a sentence or a list item) and the sources it cites.
struct AnswerPoint {
    QString text;
    QList<int> sources; ///< 1-based numbers into FunctionAnswer::sources
};

/// What one of the functions produced.
struct FunctionAnswer {
    QString text;                  ///< the answer; citations `[n]` refer to `sources`
    QList<AnswerSource> sources;   ///< the cited sources, numbered in order of first citation
    QList<AnswerPoint> points;     ///< the answer split into statements with their citations
    QString model;                 ///< empty when nothing was sent
    bool local = false;            ///< true when nothing left the machine
    bool evidence = true;          ///< false: the sources held nothing on the question
    domain::ProtectionClass requestClass = domain::ProtectionClass::Normal;
    QList<int> removedCitations;   ///< numbers the model cited that pointed at no source
    LocalReason localReason = LocalReason::None;
    domain::ProtectionClass cappedAt = domain::ProtectionClass::VeryHigh; ///< research: documents above were left out
    gateway::Usage usage;
    gateway::FinishReason finishReason = gateway::FinishReason::Stop;
    int requests = 0;              ///< chat requests sent (map-reduce sends several)
};

/// Why a function could not answer: a local error (refused, unknown document, …) or the
/// gateway's (auth, quota, unreachable, …), with any partial text.
struct FunctionFailure {
    std::variant<common::Error, gateway::GatewayError> error;
    QString partialText;
};

using FunctionResult = std::expected<FunctionAnswer, FunctionFailure>;

/// Shorthand for a local failure.
inline std::unexpected<FunctionFailure> functionError(common::ErrorCode code, QString detail)
{
    return std::unexpected(FunctionFailure{common::Error{code, std::move(detail)}, {}});
}

} // namespace genius::services
