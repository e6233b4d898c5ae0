#include "faultregistry.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

using Scope = FaultInfo::Scope;

QString endpointName(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Chat: return u"chat"_s;
    case Endpoint::Embeddings: return u"embeddings"_s;
    case Endpoint::Models: return u"models"_s;
    case Endpoint::ModelInfo: return u"model-info"_s;
    case Endpoint::KeyInfo: return u"key-info"_s;
    case Endpoint::Other: return u"other"_s;
    }
    return {};
}

QJsonObject entryJson(const ActiveFault& fault, int remaining)
{
    return QJsonObject{{u"name"_s, fault.name}, {u"params"_s, fault.params}, {u"remaining"_s, remaining}};
}

} // namespace

const QList<FaultInfo>& FaultRegistry::catalogue()
{
    static const QList<FaultInfo> faults{
        {u"split-bytes"_s, Scope::ChatStream, u"1"_s, u"gap_ms (0)"_s},
        {u"split-random"_s, Scope::ChatStream, u"1"_s, u"max_bytes (13), seed (1), gap_ms (1)"_s},
        {u"many-events-one-write"_s, Scope::ChatStream, u"2"_s, {}},
        {u"crlf"_s, Scope::ChatStream, u"3"_s, {}},
        {u"cr"_s, Scope::ChatStream, u"3"_s, {}},
        {u"mixed-endings"_s, Scope::ChatStream, u"3"_s, {}},
        {u"data-nospace"_s, Scope::ChatStream, u"4"_s, {}},
        {u"data-two-spaces"_s, Scope::ChatStream, u"4"_s, {}},
        {u"multiline-data"_s, Scope::ChatStream, u"5"_s, {}},
        {u"comments"_s, Scope::ChatStream, u"6"_s, {}},
        {u"sse-fields"_s, Scope::ChatStream, u"7"_s, {}},
        {u"done-no-newline"_s, Scope::ChatStream, u"8"_s, {}},
        {u"no-done-finish"_s, Scope::ChatStream, u"9"_s, {}},
        {u"no-done-no-finish"_s, Scope::ChatStream, u"10"_s, {}},
        {u"cut-mid-json"_s, Scope::ChatStream, u"11"_s, u"after (3)"_s},
        {u"surrogate-split"_s, Scope::ChatStream, u"12"_s, {}},
        {u"u2028"_s, Scope::ChatStream, u"13"_s, {}},
        {u"empty-data"_s, Scope::ChatStream, u"14"_s, {}},
        {u"long-event"_s, Scope::ChatStream, u"15"_s, {}},
        {u"long-stream"_s, Scope::ChatStream, u"15"_s, u"count (10000), gap_ms (0)"_s},
        {u"no-content-type"_s, Scope::ChatStream, u"16"_s, {}},
        {u"content-type-charset"_s, Scope::ChatStream, u"16"_s, {}},
        {u"gzip"_s, Scope::ChatStream, u"17"_s, {}},
        {u"role-first-null"_s, Scope::ChatStream, u"18"_s, {}},
        {u"instream-error"_s, Scope::ChatStream, u"19"_s, u"after (3)"_s},
        {u"event-error"_s, Scope::ChatStream, u"20"_s, u"after (3)"_s},
        {u"llamacpp-error"_s, Scope::ChatStream, u"21"_s, u"after (3)"_s},
        {u"empty-choices"_s, Scope::ChatStream, u"22"_s, {}},
        {u"no-usage"_s, Scope::ChatStream, u"24"_s, {}},
        {u"tool-calls"_s, Scope::ChatStream, u"25"_s, {}},
        {u"finish-length"_s, Scope::ChatStream, u"26"_s, {}},
        {u"finish-content-filter"_s, Scope::ChatStream, u"26"_s, {}},
        {u"finish-unknown"_s, Scope::ChatStream, u"26"_s, {}},
        {u"finish-empty"_s, Scope::ChatStream, u"26"_s, {}},
        {u"multi-choice"_s, Scope::ChatStream, u"27"_s, {}},
        {u"extra-fields"_s, Scope::ChatStream, u"28"_s, {}},
        {u"odd-ids"_s, Scope::ChatStream, u"29"_s, {}},
        {u"whitespace-content"_s, Scope::ChatStream, u"30"_s, {}},
        {u"json-instead-of-stream"_s, Scope::ChatStream, u"31"_s, {}},
        {u"error-before-stream"_s, Scope::ChatStream, u"32"_s, u"status (500), type, code, message"_s},
        {u"500-sse-content-type"_s, Scope::ChatStream, u"33"_s, {}},
        {u"slow-chunks"_s, Scope::ChatStream, u"47, 50, 52"_s, u"gap_ms (1000)"_s},
        {u"gap-with-pings"_s, Scope::ChatStream, u"6, 48"_s, u"gap_ms (3000), ping_every_ms (500), after (2)"_s},
        {u"gap-no-bytes"_s, Scope::ChatStream, u"49"_s, u"gap_ms (3000), after (2)"_s},
        {u"reset-mid-stream"_s, Scope::ChatStream, u"45"_s, u"after (3), rst (false)"_s},
        {u"error-body"_s, Scope::Inference, u"34"_s, u"status (500), body (string or JSON), content_type, headers"_s},
        {u"error-express"_s, Scope::Inference, u"34"_s, u"status (500)"_s},
        {u"error-problem-json"_s, Scope::Inference, u"34"_s, u"status (400)"_s},
        {u"error-html"_s, Scope::Inference, u"34, 42"_s, u"status (502)"_s},
        {u"error-code-int"_s, Scope::Inference, u"34"_s, u"status (400)"_s},
        {u"error-code-null"_s, Scope::Inference, u"34"_s, u"status (400)"_s},
        {u"error-no-type"_s, Scope::Inference, u"34"_s, u"status (400)"_s},
        {u"unsupported-max-tokens"_s, Scope::ChatMaxTokens, u"35"_s, {}},
        {u"unknown-stream-options"_s, Scope::ChatStreamOptions, u"36"_s, {}},
        {u"context-length"_s, Scope::Inference, u"37"_s, {}},
        {u"413-html"_s, Scope::Inference, u"37"_s, {}},
        {u"401"_s, Scope::Inference, u"38"_s, {}},
        {u"403"_s, Scope::Inference, u"38"_s, {}},
        {u"404-model"_s, Scope::Inference, u"39"_s, {}},
        {u"404-path-html"_s, Scope::Inference, u"39"_s, {}},
        {u"404-path-json"_s, Scope::Inference, u"39"_s, {}},
        {u"429"_s, Scope::Inference, u"40"_s, u"retry_after (2), retry_after_http_date (false), retry_after_ms, none"_s},
        {u"budget-429"_s, Scope::Inference, u"41"_s, u"message"_s},
        {u"budget-400"_s, Scope::Inference, u"41"_s, u"message"_s},
        {u"insufficient-quota"_s, Scope::Inference, u"41"_s, {}},
        {u"5xx"_s, Scope::Inference, u"42"_s, u"status (503; 500|502|503|504), html (false)"_s},
        {u"x-should-retry"_s, Scope::Inference, u"43"_s, u"value (\"false\"), status (503)"_s},
        {u"close-before-response"_s, Scope::Inference, u"42, 44"_s, {}},
        {u"silent"_s, Scope::Inference, u"46, 51"_s, {}},
        {u"embeddings-out-of-order"_s, Scope::Embeddings, u"58"_s, {}},
        {u"embeddings-count-mismatch"_s, Scope::Embeddings, u"58"_s, {}},
        {u"embeddings-float-when-base64"_s, Scope::EmbeddingsBase64, u"59"_s, {}},
        {u"embeddings-base64-when-float"_s, Scope::EmbeddingsFloat, u"59"_s, {}},
        {u"models-sparse"_s, Scope::Models, u"60"_s, {}},
        {u"models-empty"_s, Scope::Models, u"60"_s, {}},
        {u"models-missing"_s, Scope::Models, u"60"_s, u"model (sim-onprem)"_s},
    };
    return faults;
}

const FaultInfo* FaultRegistry::find(QStringView name)
{
    for (const FaultInfo& info : catalogue()) {
        if (info.name == name)
            return &info;
    }
    return nullptr;
}

bool FaultRegistry::matches(const FaultInfo& info, const QJsonObject& params, const RequestTraits& traits)
{
    const Endpoint e = traits.endpoint;
    switch (info.scope) {
    case Scope::ChatStream: return e == Endpoint::Chat && traits.stream;
    case Scope::ChatMaxTokens: return e == Endpoint::Chat && traits.usesMaxTokens;
    case Scope::ChatStreamOptions: return e == Endpoint::Chat && traits.hasStreamOptions;
    case Scope::Embeddings: return e == Endpoint::Embeddings;
    case Scope::EmbeddingsBase64: return e == Endpoint::Embeddings && traits.base64;
    case Scope::EmbeddingsFloat: return e == Endpoint::Embeddings && !traits.base64;
    case Scope::Models: return e == Endpoint::Models;
    case Scope::Inference: break;
    }
    const QJsonValue endpoint = params.value(u"endpoint"_s);
    if (endpoint.isUndefined())
        return e == Endpoint::Chat || e == Endpoint::Embeddings;
    const QJsonArray names = endpoint.isArray() ? endpoint.toArray() : QJsonArray{endpoint};
    return names.contains(u"any"_s) || names.contains(endpointName(e));
}

QString FaultRegistry::enqueue(const QString& name, int times, const QJsonObject& params)
{
    if (!find(name))
        return u"unknown fault \"%1\"; GET /sim/faults lists them"_s.arg(name);
    if (times == 0 || times < -1)
        return u"times must be a positive count, or -1 for until reset"_s;
    m_queue.append({{name, params}, times});
    return {};
}

QString FaultRegistry::setPermanent(const QString& name, const QJsonObject& params)
{
    if (!find(name))
        return u"unknown fault \"%1\""_s.arg(name);
    m_permanent = ActiveFault{name, params};
    return {};
}

void FaultRegistry::clearQueued()
{
    m_queue.clear();
}

std::optional<ActiveFault> FaultRegistry::take(const RequestTraits& traits)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        Queued& queued = m_queue[i];
        if (!matches(*find(queued.fault.name), queued.fault.params, traits))
            continue;
        const ActiveFault fault = queued.fault;
        if (queued.remaining > 0 && --queued.remaining == 0)
            m_queue.removeAt(i);
        return fault;
    }
    if (m_permanent && matches(*find(m_permanent->name), m_permanent->params, traits))
        return m_permanent;
    return std::nullopt;
}

QJsonObject FaultRegistry::stateJson() const
{
    QJsonArray queued;
    for (const Queued& entry : m_queue)
        queued.append(entryJson(entry.fault, entry.remaining));
    QJsonArray known;
    for (const FaultInfo& info : catalogue())
        known.append(QJsonObject{{u"name"_s, info.name}, {u"cases"_s, info.cases}, {u"params"_s, info.params}});
    return QJsonObject{
        {u"queued"_s, queued},
        {u"permanent"_s, m_permanent ? QJsonValue(entryJson(*m_permanent, -1)) : QJsonValue(QJsonValue::Null)},
        {u"faults"_s, known},
    };
}

} // namespace genius::sim
