#include "requestvalidator.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

const QSet<QString>& chatFields()
{
    static const QSet<QString> fields{
        u"metadata"_s, u"top_logprobs"_s, u"temperature"_s, u"top_p"_s, u"user"_s, u"safety_identifier"_s,
        u"prompt_cache_key"_s, u"prompt_cache_retention"_s, u"prompt_cache_options"_s, u"messages"_s, u"model"_s,
        u"service_tier"_s, u"modalities"_s, u"verbosity"_s, u"reasoning_effort"_s, u"max_completion_tokens"_s,
        u"frequency_penalty"_s, u"presence_penalty"_s, u"web_search_options"_s, u"response_format"_s, u"audio"_s,
        u"store"_s, u"moderation"_s, u"stream"_s, u"stop"_s, u"logit_bias"_s, u"logprobs"_s, u"max_tokens"_s,
        u"n"_s, u"prediction"_s, u"seed"_s, u"stream_options"_s, u"tools"_s, u"tool_choice"_s,
        u"parallel_tool_calls"_s, u"function_call"_s, u"functions"_s,
    };
    return fields;
}

bool isInteger(const QJsonValue& value)
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    return std::floor(number) == number && std::fabs(number) < 9.0e15;
}

/// Collects errors while walking one body.
class Checker
{
public:
    explicit Checker(const QJsonObject& body)
        : m_body(body)
    {
    }

    QStringList errors;

    void fail(const QString& field, const QString& problem) { errors.append(field + u": "_s + problem); }

    bool has(const QString& key) const { return m_body.contains(key); }
    QJsonValue value(const QString& key) const { return m_body.value(key); }

    void number(const QString& key, double min, double max, bool nullable)
    {
        if (!has(key) || (nullable && value(key).isNull()))
            return;
        const QJsonValue v = value(key);
        if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max)
            fail(key, u"must be a number in [%1, %2]"_s.arg(min).arg(max));
    }
    void integer(const QString& key, double min, double max)
    {
        if (has(key) && (!isInteger(value(key)) || value(key).toDouble() < min || value(key).toDouble() > max))
            fail(key, u"must be an integer in [%1, %2]"_s.arg(min, 0, 'g', 20).arg(max, 0, 'g', 20));
    }
    void boolean(const QString& key, bool nullable)
    {
        if (has(key) && !value(key).isBool() && !(nullable && value(key).isNull()))
            fail(key, u"must be a boolean"_s);
    }
    void string(const QString& key, bool nullable, const QStringList& allowed = {})
    {
        if (!has(key) || (nullable && value(key).isNull()))
            return;
        if (!value(key).isString())
            fail(key, u"must be a string"_s);
        else if (!allowed.isEmpty() && !allowed.contains(value(key).toString()))
            fail(key, u"must be one of %1"_s.arg(allowed.join(u", "_s)));
    }
    void object(const QString& key, bool nullable)
    {
        if (has(key) && !value(key).isObject() && !(nullable && value(key).isNull()))
            fail(key, u"must be an object"_s);
    }
    void unknownFields(const QSet<QString>& allowed)
    {
        for (const QString& key : m_body.keys()) {
            if (!allowed.contains(key))
                fail(key, u"is not a field of this request"_s);
        }
    }

private:
    QJsonObject m_body;
};

void checkContentParts(Checker& checker, const QString& field, const QJsonArray& parts, bool textOnly)
{
    if (parts.isEmpty())
        checker.fail(field, u"must not be an empty array"_s);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString partField = u"%1[%2]"_s.arg(field).arg(i);
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(u"type"_s).toString();
        if (!parts.at(i).isObject() || type.isEmpty())
            checker.fail(partField, u"must be an object with a string \"type\""_s);
        else if (type == u"text" && !part.value(u"text"_s).isString())
            checker.fail(partField + u".text"_s, u"must be a string"_s);
        else if (textOnly && type != u"text")
            checker.fail(partField + u".type"_s, u"must be \"text\" for this role"_s);
        else if (!QStringList{u"text"_s, u"image_url"_s, u"input_audio"_s, u"file"_s, u"refusal"_s}.contains(type))
            checker.fail(partField + u".type"_s, u"unknown content part type"_s);
    }
}

void checkMessage(Checker& checker, const QJsonValue& value, qsizetype index)
{
    static const QSet<QString> messageFields{u"role"_s, u"content"_s, u"name"_s, u"tool_calls"_s, u"tool_call_id"_s,
                                             u"refusal"_s, u"audio"_s, u"function_call"_s};
    const QString field = u"messages[%1]"_s.arg(index);
    if (!value.isObject()) {
        checker.fail(field, u"must be an object with role and content"_s);
        return;
    }
    const QJsonObject message = value.toObject();
    for (const QString& key : message.keys()) {
        if (!messageFields.contains(key))
            checker.fail(field + u"."_s + key, u"is not a field of a message"_s);
    }
    const QString role = message.value(u"role"_s).toString();
    static const QStringList roles{u"developer"_s, u"system"_s, u"user"_s, u"assistant"_s, u"tool"_s, u"function"_s};
    if (!roles.contains(role)) {
        checker.fail(field + u".role"_s, u"must be one of %1"_s.arg(roles.join(u", "_s)));
        return;
    }
    const QJsonValue content = message.value(u"content"_s);
    const QString contentField = field + u".content"_s;
    const bool mayOmit = role == u"assistant"
        && (message.contains(u"tool_calls"_s) || message.contains(u"function_call"_s) || message.contains(u"refusal"_s));
    if (content.isUndefined() || content.isNull()) {
        if (!mayOmit && role != u"function")
            checker.fail(contentField, u"is required for role %1"_s.arg(role));
    } else if (content.isArray()) {
        checkContentParts(checker, contentField, content.toArray(), role != u"user" && role != u"assistant");
    } else if (!content.isString()) {
        checker.fail(contentField, u"must be a string or an array of content parts"_s);
    }
    if (role == u"tool" && !message.value(u"tool_call_id"_s).isString())
        checker.fail(field + u".tool_call_id"_s, u"is required for role tool"_s);
    if (message.contains(u"name"_s) && !message.value(u"name"_s).isString())
        checker.fail(field + u".name"_s, u"must be a string"_s);
    if (message.contains(u"tool_calls"_s) && !message.value(u"tool_calls"_s).isArray())
        checker.fail(field + u".tool_calls"_s, u"must be an array"_s);
}

void checkMetadata(Checker& checker, bool liteLlm)
{
    if (!checker.has(u"metadata"_s) || checker.value(u"metadata"_s).isNull())
        return;
    const QJsonObject metadata = checker.value(u"metadata"_s).toObject();
    if (!checker.value(u"metadata"_s).isObject() || metadata.size() > 16) {
        checker.fail(u"metadata"_s, u"must be an object with at most 16 keys"_s);
        return;
    }
    for (auto it = metadata.begin(); it != metadata.end(); ++it) {
        const bool liteLlmTags = liteLlm && it.key() == u"tags" && it.value().isArray();
        if (!liteLlmTags && (!it.value().isString() || it.value().toString().size() > 512 || it.key().size() > 64))
            checker.fail(u"metadata."_s + it.key(), u"must be a string of at most 512 characters"_s);
    }
}

void checkStringArray(Checker& checker, const QString& field, const QJsonValue& value, qsizetype min, qsizetype max)
{
    const QJsonArray array = value.toArray();
    bool ok = value.isArray() && array.size() >= min && array.size() <= max;
    for (const QJsonValue& item : array)
        ok = ok && item.isString();
    if (!ok)
        checker.fail(field, u"must be an array of %1..%2 strings"_s.arg(min).arg(max));
}

} // namespace

QStringList validateChatRequest(const QJsonObject& body, const ValidationOptions& options)
{
    Checker c(body);
    QSet<QString> allowed = chatFields();
    if (options.liteLlmExtensions)
        allowed.insert(u"tags"_s);
    c.unknownFields(allowed);

    if (!c.has(u"model"_s) && !options.modelFromPath)
        c.fail(u"model"_s, u"is required"_s);
    else if (c.has(u"model"_s) && (!c.value(u"model"_s).isString() || c.value(u"model"_s).toString().isEmpty()))
        c.fail(u"model"_s, u"must be a non-empty string"_s);

    const QJsonValue messages = c.value(u"messages"_s);
    if (!messages.isArray() || messages.toArray().isEmpty()) {
        c.fail(u"messages"_s, u"is required and must be a non-empty array"_s);
    } else {
        const QJsonArray array = messages.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            checkMessage(c, array.at(i), i);
    }

    if (!c.has(u"stream"_s))
        c.fail(u"stream"_s, u"is required: send true or false explicitly"_s);
    else
        c.boolean(u"stream"_s, false);
    if (c.has(u"stream_options"_s)) {
        if (c.value(u"stream"_s) != QJsonValue(true)) {
            c.fail(u"stream_options"_s, u"is only allowed when stream is true"_s);
        } else if (!c.value(u"stream_options"_s).isNull()) {
            const QJsonObject streamOptions = c.value(u"stream_options"_s).toObject();
            if (!c.value(u"stream_options"_s).isObject())
                c.fail(u"stream_options"_s, u"must be an object"_s);
            for (auto it = streamOptions.begin(); it != streamOptions.end(); ++it) {
                if (it.key() != u"include_usage" && it.key() != u"include_obfuscation")
                    c.fail(u"stream_options."_s + it.key(), u"is not a field of stream_options"_s);
                else if (!it.value().isBool())
                    c.fail(u"stream_options."_s + it.key(), u"must be a boolean"_s);
            }
        }
    }

    const bool hasMaxTokens = c.has(u"max_tokens"_s);
    const bool hasMaxCompletion = c.has(u"max_completion_tokens"_s);
    if (hasMaxTokens == hasMaxCompletion)
        c.fail(u"max_tokens"_s, u"exactly one of max_tokens and max_completion_tokens is required"_s);
    c.integer(u"max_tokens"_s, 1, 9.0e15);
    c.integer(u"max_completion_tokens"_s, 1, 9.0e15);

    c.number(u"temperature"_s, 0, 2, true);
    c.number(u"top_p"_s, 0, 1, true);
    c.number(u"frequency_penalty"_s, -2, 2, true);
    c.number(u"presence_penalty"_s, -2, 2, true);
    c.integer(u"top_logprobs"_s, 0, 20);
    c.integer(u"n"_s, 1, 128);
    c.integer(u"seed"_s, -9.0e15, 9.0e15);
    c.boolean(u"logprobs"_s, true);
    c.boolean(u"store"_s, true);
    c.boolean(u"parallel_tool_calls"_s, false);
    c.string(u"user"_s, false);
    c.string(u"safety_identifier"_s, true);
    c.string(u"prompt_cache_key"_s, true);
    c.string(u"prompt_cache_retention"_s, true, {u"in_memory"_s, u"24h"_s});
    c.string(u"service_tier"_s, true, {u"auto"_s, u"default"_s, u"flex"_s, u"scale"_s, u"priority"_s});
    c.string(u"verbosity"_s, true, {u"low"_s, u"medium"_s, u"high"_s});
    c.string(u"reasoning_effort"_s, true, {u"none"_s, u"minimal"_s, u"low"_s, u"medium"_s, u"high"_s, u"xhigh"_s});
    for (const QString& key : {u"web_search_options"_s, u"audio"_s, u"prediction"_s, u"moderation"_s,
                               u"prompt_cache_options"_s, u"logit_bias"_s, u"response_format"_s})
        c.object(key, key != u"web_search_options" && key != u"prediction" && key != u"response_format");
    if (c.value(u"response_format"_s).isObject()) {
        const QString type = c.value(u"response_format"_s).toObject().value(u"type"_s).toString();
        if (type != u"text" && type != u"json_object" && type != u"json_schema")
            c.fail(u"response_format.type"_s, u"must be text, json_object or json_schema"_s);
    }
    checkMetadata(c, options.liteLlmExtensions);
    if (c.has(u"stop"_s) && !c.value(u"stop"_s).isNull() && !c.value(u"stop"_s).isString())
        checkStringArray(c, u"stop"_s, c.value(u"stop"_s), 1, 4);
    if (c.has(u"modalities"_s) && !c.value(u"modalities"_s).isNull())
        checkStringArray(c, u"modalities"_s, c.value(u"modalities"_s), 1, 2);
    if (c.has(u"tags"_s))
        checkStringArray(c, u"tags"_s, c.value(u"tags"_s), 0, 64);
    if (c.has(u"tools"_s)) {
        const QJsonArray tools = c.value(u"tools"_s).toArray();
        if (!c.value(u"tools"_s).isArray())
            c.fail(u"tools"_s, u"must be an array"_s);
        for (qsizetype i = 0; i < tools.size(); ++i) {
            if (!tools.at(i).toObject().value(u"type"_s).isString())
                c.fail(u"tools[%1].type"_s.arg(i), u"is required"_s);
        }
    }
    if (c.has(u"tool_choice"_s) && !c.value(u"tool_choice"_s).isObject())
        c.string(u"tool_choice"_s, false, {u"none"_s, u"auto"_s, u"required"_s});
    if (c.has(u"function_call"_s) && !c.value(u"function_call"_s).isObject())
        c.string(u"function_call"_s, false, {u"none"_s, u"auto"_s});
    if (c.has(u"functions"_s)) {
        const QJsonArray functions = c.value(u"functions"_s).toArray();
        if (!c.value(u"functions"_s).isArray() || functions.isEmpty() || functions.size() > 128)
            c.fail(u"functions"_s, u"must be an array of 1..128 objects"_s);
    }
    return c.errors;
}

QStringList validateEmbeddingRequest(const QJsonObject& body, const ValidationOptions& options)
{
    Checker c(body);
    c.unknownFields({u"input"_s, u"model"_s, u"encoding_format"_s, u"dimensions"_s, u"user"_s});
    if (!c.has(u"model"_s) && !options.modelFromPath)
        c.fail(u"model"_s, u"is required"_s);
    else if (c.has(u"model"_s) && (!c.value(u"model"_s).isString() || c.value(u"model"_s).toString().isEmpty()))
        c.fail(u"model"_s, u"must be a non-empty string"_s);
    if (!c.has(u"input"_s))
        c.fail(u"input"_s, u"is required"_s);
    else if (!c.value(u"input"_s).isString())
        checkStringArray(c, u"input"_s, c.value(u"input"_s), 1, 2048);
    c.string(u"encoding_format"_s, false, {u"float"_s, u"base64"_s});
    c.integer(u"dimensions"_s, 1, 9.0e15);
    c.string(u"user"_s, false);
    return c.errors;
}

} // namespace genius::sim
