#pragma once

#include <QJsonObject>
#include <QStringList>

namespace genius::sim {

/// How strictly a request body is checked.
struct ValidationOptions {
    bool modelFromPath = false;     ///< Azure-style path: the deployment names the model
    bool liteLlmExtensions = true;  ///< accept "tags" and "metadata.tags" (LiteLLM), else plain OpenAI
};

/// Checks a chat request against CreateChatCompletionRequest and the project's wire rules
/// (stream explicit, stream_options only with stream, exactly one max-token field).
/// Every message starts with the offending field's name; empty when the body is valid.
QStringList validateChatRequest(const QJsonObject& body, const ValidationOptions& options);

/// Checks an embedding request against CreateEmbeddingRequest (string inputs only).
QStringList validateEmbeddingRequest(const QJsonObject& body, const ValidationOptions& options);

} // namespace genius::sim
