#pragma once

#include "core/gateway/protocol/gatewayerror.h"
#include "core/gateway/protocol/sseparser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace genius::gateway {

/// Token usage as the gateway reported it; absent fields stay unknown, never 0.
struct Usage {
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    std::optional<qint64> totalTokens;
};

/// Why generation stopped. Unknown strings map to `Other` with the raw value kept.
enum class FinishReason { Stop, Length, ContentFilter, ToolCalls, Other, Unknown };

/// One reassembled tool call (fragments keyed by index, arguments concatenated).
struct ToolCall {
    int index = 0;
    QString id;
    QString name;
    QString arguments; ///< raw JSON text, parsed only by whoever uses it
};

/// How a stream ended, once `finish()` was called.
enum class StreamOutcome { Completed, Failed, Truncated };

/// A pure decoder of an OpenAI-compatible chat completion stream: SSE events in; content,
/// reasoning, tool calls, usage, finish reason or an error out. Only choice index 0 is
/// used. Content pieces are decoded per whole event and appended as QString, so a UTF-16
/// surrogate pair split across two events joins correctly.
///
/// Events that carry no JSON object (empty `data:`, `data: ""`, `data: : keepalive`) are
/// ignored. The first error (`{"error": ...}` in data, `event: error`, or an `error:` field)
/// ends the decoding: later events, even `[DONE]`, are ignored and the partial output stays.
class ChatStreamDecoder final
{
public:
    /// Handles one event. Returns the content text it added (possibly a single space).
    QString handle(const SseEvent& event);

    /// Called at end of input. `partialLine` is SseParser::finish()'s result. Failed if an
    /// error arrived; Completed if `[DONE]` arrived, or — leniently, see `sawDone()` — if a
    /// finish_reason arrived and the stream did not end inside an unparsable last event;
    /// Truncated otherwise.
    StreamOutcome finish(bool partialLine);

    /// Decodes a whole non-streamed body (a server that ignored `stream: true`, or a
    /// non-streamed call): the same fields as a stream. A body is whole, so it counts as
    /// `[DONE]`; a body with neither `choices` nor `error` is an InvalidResponse error.
    void handleCompletionBody(const QJsonObject& body);

    const QString& content() const { return m_content; }
    const QString& reasoning() const { return m_reasoning; }
    /// Tool calls ordered by index; arguments are the concatenated fragments, unparsed.
    const QList<ToolCall>& toolCalls() const { return m_toolCalls; }
    const Usage& usage() const { return m_usage; }
    bool usageReported() const { return m_usageReported; }
    FinishReason finishReason() const { return m_finishReason; }
    QString rawFinishReason() const { return m_rawFinishReason; }
    /// Whether `[DONE]` (or a whole body) arrived. Completed without it means the lenient
    /// case 9 (finish_reason, then EOF): the caller logs a warning.
    bool sawDone() const { return m_done; }
    /// Whether any content, reasoning or tool-call text arrived (then no retry is allowed).
    bool hasOutput() const { return m_hasOutput; }
    /// The in-stream error, if the server sent one.
    const std::optional<GatewayError>& error() const { return m_error; }
    /// The model name reported by the server (may be empty).
    const QString& model() const { return m_model; }

private:
    void handleChunk(const QJsonObject& chunk, QString* added);
    void handleMessage(const QJsonObject& message, QString* added);
    void handleToolCalls(const QJsonArray& fragments);
    ToolCall& toolCallAt(int index);
    void readUsage(const QJsonValue& usage);
    void readFinishReason(const QJsonValue& reason);
    void setError(const QJsonValue& errorValue);

    QString m_content;
    QString m_reasoning;
    QList<ToolCall> m_toolCalls;
    Usage m_usage;
    bool m_usageReported = false;
    FinishReason m_finishReason = FinishReason::Unknown;
    QString m_rawFinishReason;
    bool m_done = false;
    bool m_hasOutput = false;
    bool m_malformed = false; ///< the last event with data was not a JSON object
    std::optional<GatewayError> m_error;
    QString m_model;
};

/// Maps the finish_reason string ("" → Unknown, "function_call" → ToolCalls, any other
/// unknown string → Other).
FinishReason parseFinishReason(const QString& text);
/// Stable lower-case name for logs and JSON output ("stop", "length", "content-filter",
/// "tool-calls", "other", "unknown").
QString finishReasonName(FinishReason reason);

} // namespace genius::gateway
