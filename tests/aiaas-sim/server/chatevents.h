#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace genius::sim {

/// One server-sent event before it is rendered to bytes (see sseframing.h).
struct SseEvent {
    enum class Kind {
        Data,    ///< "data: <payload>" (payload lines joined by \n), optionally with "event: <name>"
        Comment, ///< ": <payload>"
        Raw,     ///< bytes written verbatim (deliberately malformed or non-SSE lines)
        Abort,   ///< drop the connection here
    };
    Kind kind = Kind::Data;
    QByteArray payload;
    QByteArray eventName;
    bool content = false;  ///< carries answer text: faults count these to act "after some content"
    bool blankLine = true; ///< comments: whether a blank line follows
};

/// The answer of one chat request, before it is streamed or wrapped in a completion.
struct ChatCompletionSpec {
    QString id;
    QString model;
    qint64 created = 0;
    QStringList pieces;    ///< one per word, concatenating to the answer
    QString finishReason;  ///< "stop", or "length" when max tokens cut the answer
    int promptTokens = 0;
    bool includeUsage = false;

    int completionTokens() const { return static_cast<int>(pieces.size()); }
};

/// The events of a streamed completion (chunks, usage chunk, [DONE]) shaped by a stream fault;
/// an empty fault name gives the normal stream.
QList<SseEvent> buildChatEvents(const ChatCompletionSpec& spec, const QString& fault, const QJsonObject& params);

/// The non-streamed chat.completion object.
QJsonObject buildChatCompletion(const ChatCompletionSpec& spec);

/// {"prompt_tokens","completion_tokens","total_tokens"}.
QJsonObject usageJson(int promptTokens, int completionTokens);

} // namespace genius::sim
