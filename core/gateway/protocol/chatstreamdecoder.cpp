#include "core/gateway/protocol/chatstreamdecoder.h"

#include "core/gateway/protocol/errorresponse.h"

#include <QJsonDocument>

#include <algorithm>

namespace genius::gateway {

namespace {

QJsonValue field(const QJsonObject& object, const char* name)
{
    return object.value(QLatin1String(name));
}

bool hasValue(const QJsonValue& value)
{
    return !value.isUndefined() && !value.isNull();
}

// An error payload is JSON at every server seen so far, but a plain text is kept as text.
QJsonValue looseJson(const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject())
        return document.object();
    return QString::fromUtf8(bytes.trimmed());
}

// `content` is a string in a stream; some servers send a non-streamed message as parts.
QString contentText(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QString text;
    const QJsonArray parts = content.toArray();
    for (const QJsonValue& part : parts)
        text += field(part.toObject(), "text").toString();
    return text;
}

std::optional<qint64> tokenCount(const QJsonValue& value)
{
    if (!value.isDouble())
        return std::nullopt; // absent or null: unknown, never 0
    return value.toInteger();
}

// Servers that omit `index` send whole calls: a new id or a new name starts a new call,
// anything else continues the last one.
int inferredIndex(const QList<ToolCall>& calls, const QString& id, bool startsCall)
{
    if (!id.isEmpty()) {
        for (const ToolCall& call : calls) {
            if (call.id == id)
                return call.index;
        }
    }
    if (calls.isEmpty())
        return 0;
    return !id.isEmpty() || startsCall ? calls.last().index + 1 : calls.last().index;
}

} // namespace

QString ChatStreamDecoder::handle(const SseEvent& event)
{
    if (m_done || m_error)
        return {};
    for (const auto& [name, value] : event.otherFields) {
        if (name == QLatin1String("error")) { // llama.cpp: `error: {...}`, then `data: [DONE]`
            setError(looseJson(value));
            return {};
        }
    }
    if (event.event == QLatin1String("error")) {
        setError(looseJson(event.data));
        return {};
    }
    const QByteArray data = event.data.trimmed();
    if (data == "[DONE]") {
        m_done = true;
        return {};
    }
    if (data.isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    m_malformed = parseError.error != QJsonParseError::NoError || !document.isObject();
    if (m_malformed)
        return {}; // `data: ""` or `data: : keepalive`; a cut last event is judged in finish()
    const QJsonObject chunk = document.object();
    if (const QJsonValue error = field(chunk, "error"); hasValue(error)) {
        setError(error);
        return {};
    }
    QString added;
    handleChunk(chunk, &added);
    return added;
}

StreamOutcome ChatStreamDecoder::finish(bool partialLine)
{
    if (m_error)
        return StreamOutcome::Failed;
    if (m_done)
        return StreamOutcome::Completed;
    // The stream ended inside an event that does not parse: it was cut, whatever came before.
    if (partialLine && m_malformed)
        return StreamOutcome::Truncated;
    return m_finishReason != FinishReason::Unknown ? StreamOutcome::Completed : StreamOutcome::Truncated;
}

void ChatStreamDecoder::handleCompletionBody(const QJsonObject& body)
{
    if (m_done || m_error)
        return;
    if (const QJsonValue error = field(body, "error"); hasValue(error)) {
        setError(error);
        return;
    }
    const QJsonValue choices = field(body, "choices");
    if (!choices.isArray()) {
        GatewayError error;
        error.kind = GatewayErrorKind::InvalidResponse;
        error.message = QStringLiteral("The response contains neither choices nor an error.");
        m_error = error;
        return;
    }
    if (const QString model = field(body, "model").toString(); !model.isEmpty())
        m_model = model;
    readUsage(field(body, "usage"));
    const QJsonArray list = choices.toArray();
    for (const QJsonValue& choiceValue : list) {
        const QJsonObject choice = choiceValue.toObject();
        if (field(choice, "index").toInt(0) != 0)
            continue;
        handleMessage(field(choice, "message").toObject(), nullptr);
        readFinishReason(field(choice, "finish_reason"));
    }
    m_done = true;
}

void ChatStreamDecoder::handleChunk(const QJsonObject& chunk, QString* added)
{
    if (const QString model = field(chunk, "model").toString(); !model.isEmpty())
        m_model = model;
    readUsage(field(chunk, "usage"));
    // `choices: []` (Azure prompt_filter_results, the usage chunk) simply has nothing to add.
    const QJsonArray choices = field(chunk, "choices").toArray();
    for (const QJsonValue& choiceValue : choices) {
        const QJsonObject choice = choiceValue.toObject();
        if (field(choice, "index").toInt(0) != 0)
            continue; // a server that ignored n=1: only the first choice is shown
        handleMessage(field(choice, "delta").toObject(), added);
        readFinishReason(field(choice, "finish_reason"));
    }
}

void ChatStreamDecoder::handleMessage(const QJsonObject& message, QString* added)
{
    // Type checks, not truthiness: null adds nothing, " " and "\n" are real content.
    const QString content = contentText(field(message, "content"));
    if (!content.isEmpty()) {
        m_content += content;
        if (added)
            *added += content;
        m_hasOutput = true;
    }
    QJsonValue reasoning = field(message, "reasoning_content");
    if (!reasoning.isString())
        reasoning = field(message, "reasoning"); // only one of the two: some servers send both
    if (reasoning.isString() && !reasoning.toString().isEmpty()) {
        m_reasoning += reasoning.toString();
        m_hasOutput = true;
    }
    handleToolCalls(field(message, "tool_calls").toArray());
}

void ChatStreamDecoder::handleToolCalls(const QJsonArray& fragments)
{
    for (const QJsonValue& fragmentValue : fragments) {
        const QJsonObject fragment = fragmentValue.toObject();
        const QJsonObject function = field(fragment, "function").toObject();
        const QString id = field(fragment, "id").toString();
        const QString name = field(function, "name").toString();
        const QJsonValue index = field(fragment, "index");
        ToolCall& call = toolCallAt(index.isDouble() ? index.toInt()
                                                     : inferredIndex(m_toolCalls, id, !name.isEmpty()));
        // id and name come in the first fragment only; a server repeating them must not
        // make "get_weatherget_weather".
        if (call.id.isEmpty())
            call.id = id;
        if (call.name.isEmpty())
            call.name = name;
        const QJsonValue arguments = field(function, "arguments");
        if (arguments.isString())
            call.arguments += arguments.toString();
        else if (arguments.isObject()) // Ollama sends the arguments already parsed
            call.arguments += QString::fromUtf8(QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact));
        if (!call.id.isEmpty() || !call.name.isEmpty() || !call.arguments.isEmpty())
            m_hasOutput = true;
    }
}

ToolCall& ChatStreamDecoder::toolCallAt(int index)
{
    auto it = std::lower_bound(m_toolCalls.begin(), m_toolCalls.end(), index,
                               [](const ToolCall& call, int wanted) { return call.index < wanted; });
    if (it == m_toolCalls.end() || it->index != index) {
        ToolCall call;
        call.index = index;
        it = m_toolCalls.insert(it, call);
    }
    return *it;
}

void ChatStreamDecoder::readUsage(const QJsonValue& usage)
{
    if (!usage.isObject())
        return; // `usage: null` on ordinary chunks says nothing
    const QJsonObject object = usage.toObject();
    const Usage reported{tokenCount(field(object, "prompt_tokens")), tokenCount(field(object, "completion_tokens")),
                         tokenCount(field(object, "total_tokens"))};
    if (!reported.promptTokens && !reported.completionTokens && !reported.totalTokens)
        return;
    m_usage = reported;
    m_usageReported = true;
}

void ChatStreamDecoder::readFinishReason(const QJsonValue& reason)
{
    const QString text = reason.toString();
    if (text.isEmpty())
        return; // null and "" (some servers send it on every chunk) are not a finish
    m_rawFinishReason = text;
    m_finishReason = parseFinishReason(text);
}

void ChatStreamDecoder::setError(const QJsonValue& errorValue)
{
    m_error = errorFromStreamValue(errorValue);
}

FinishReason parseFinishReason(const QString& text)
{
    if (text.isEmpty())
        return FinishReason::Unknown;
    if (text == QLatin1String("stop"))
        return FinishReason::Stop;
    if (text == QLatin1String("length"))
        return FinishReason::Length;
    if (text == QLatin1String("content_filter"))
        return FinishReason::ContentFilter;
    if (text == QLatin1String("tool_calls") || text == QLatin1String("function_call"))
        return FinishReason::ToolCalls;
    return FinishReason::Other;
}

QString finishReasonName(FinishReason reason)
{
    switch (reason) {
    case FinishReason::Stop: return QStringLiteral("stop");
    case FinishReason::Length: return QStringLiteral("length");
    case FinishReason::ContentFilter: return QStringLiteral("content-filter");
    case FinishReason::ToolCalls: return QStringLiteral("tool-calls");
    case FinishReason::Other: return QStringLiteral("other");
    case FinishReason::Unknown: break;
    }
    return QStringLiteral("unknown");
}

} // namespace genius::gateway
