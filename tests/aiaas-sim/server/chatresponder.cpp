#include "chatresponder.h"

#include "chatanswer.h"
#include "chatevents.h"
#include "responses.h"
#include "sseframing.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace genius::sim {

ChatResult respondToChat(const QJsonObject& body, const QString& model, const std::optional<ActiveFault>& fault,
                         int chunkDelayMs, quint64 sequence)
{
    const QList<ChatMessage> messages = chatMessages(body.value(u"messages"_s).toArray());
    ChatCompletionSpec spec;
    spec.id = u"chatcmpl-sim-%1"_s.arg(sequence);
    spec.model = model;
    spec.created = QDateTime::currentSecsSinceEpoch();
    spec.pieces = splitIntoPieces(composeAnswer(messages));
    spec.finishReason = u"stop"_s;
    spec.promptTokens = countPromptTokens(messages);
    const qint64 maxTokens = body.contains(u"max_tokens"_s) ? body.value(u"max_tokens"_s).toInteger()
                                                             : body.value(u"max_completion_tokens"_s).toInteger();
    if (maxTokens > 0 && maxTokens < spec.pieces.size()) {
        spec.pieces = spec.pieces.mid(0, maxTokens);
        spec.finishReason = u"length"_s;
    }
    spec.includeUsage = body.value(u"stream_options"_s).toObject().value(u"include_usage"_s).toBool();

    ChatResult result;
    result.totalTokens = spec.promptTokens + spec.completionTokens();
    const QString faultName = fault ? fault->name : QString();
    const QJsonObject params = fault ? fault->params : QJsonObject{};
    if (!body.value(u"stream"_s).toBool() || faultName == u"json-instead-of-stream") {
        result.outcome.response = jsonResponse(200, buildChatCompletion(spec));
        return result;
    }

    StreamPlan& plan = result.outcome.stream;
    result.outcome.kind = Outcome::Kind::Stream;
    if (faultName == u"content-type-charset")
        plan.headers.append({"Content-Type"_ba, "text/event-stream; charset=utf-8"_ba});
    else if (faultName != u"no-content-type")
        plan.headers.append({"Content-Type"_ba, "text/event-stream"_ba});
    plan.headers.append({"Cache-Control"_ba, "no-cache"_ba});
    plan.headers.append({"X-Accel-Buffering"_ba, "no"_ba});
    if (faultName == u"gzip") {
        plan.gzip = true;
        plan.headers.append({"Content-Encoding"_ba, "gzip"_ba});
    }
    plan.closeDelimited = params.value(u"framing"_s).toString() == u"close";
    plan.hardReset = params.value(u"rst"_s).toBool();
    plan.writes = frameEvents(buildChatEvents(spec, faultName, params), faultName, params, chunkDelayMs);
    return result;
}

} // namespace genius::sim
