#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace genius::gateway {

struct ChatMessage {
    QString role; ///< system, user, assistant
    QString content;
};

/// What to ask for; the model comes from the guard's decision.
struct ChatRequest {
    QList<ChatMessage> messages;
    bool stream = true;
    int maxTokens = 2048; ///< always sent: some gateways default to 16
    double temperature = 0.2;
};

/// Request-shape adjustments learned from a server's 400 answers (cases 35 and 36).
struct RequestQuirks {
    bool useMaxCompletionTokens = false; ///< the model wants max_completion_tokens
    bool omitStreamOptions = false;      ///< the endpoint rejects stream_options
};

/// The JSON body of POST /chat/completions, valid against CreateChatCompletionRequest:
/// `stream` always explicit, `stream_options.include_usage` only when streaming, one of
/// max_tokens / max_completion_tokens always set.
QByteArray chatRequestBody(const ChatRequest& request, const QString& model, const RequestQuirks& quirks);

/// The JSON body of POST /embeddings.
QByteArray embeddingRequestBody(const QStringList& inputs, const QString& model, bool base64);

} // namespace genius::gateway
