#pragma once

#include "faultregistry.h"
#include "outcome.h"

#include <QJsonObject>

#include <optional>

namespace genius::sim {

/// A chat answer ready to send and the tokens it costs.
struct ChatResult {
    Outcome outcome;
    int totalTokens = 0;
};

/// Answers a validated chat request: a chat.completion, or an SSE stream shaped by a stream
/// fault (framing, content and header faults; HTTP error faults are handled before).
ChatResult respondToChat(const QJsonObject& body, const QString& model, const std::optional<ActiveFault>& fault,
                         int chunkDelayMs, quint64 sequence);

} // namespace genius::sim
