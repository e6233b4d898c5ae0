#pragma once

#include "core/gateway/chatrequest.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace genius::services {

/// How many tokens one request may use: the model's context window, less what the answer
/// needs. Token counts are estimates (no tokenizer of the gateway's models is available
/// locally): German text averages about 3.3 characters per token in BPE vocabularies, so the
/// estimate rounds up to stay on the safe side.
struct ContextBudget {
    int contextTokens = 8192; ///< the model's context window
    int answerTokens = 1024;  ///< reserved for the answer (sent as the max-token value)

    /// What the messages may take: the window less the answer and a margin for the
    /// per-message overhead of the chat format.
    int promptTokens() const;
};

/// An upper estimate of the tokens of a text.
int estimateTokens(const QString& text);
/// The estimate for a list of messages, including a few tokens of framing per message.
int estimateTokens(const QList<gateway::ChatMessage>& messages);

/// The context window of a model from a table of "MODEL=TOKENS" entries (the setting
/// gateway/contextWindows; "*" matches any model), else `fallback`.
int contextWindowFor(const QString& model, const QStringList& table, int fallback = 8192);

/// Keeps the leading system messages and as many of the newest other messages as fit into
/// `tokenBudget`, always keeping the last message (the question). Older turns are dropped
/// whole, oldest first, so a turn is never cut in half.
QList<gateway::ChatMessage> trimHistory(const QList<gateway::ChatMessage>& messages, int tokenBudget);

} // namespace genius::services
