#include "router.h"

#include "chatresponder.h"
#include "embeddings.h"
#include "errorfaults.h"
#include "faultregistry.h"
#include "httpconnection.h"
#include "keyring.h"
#include "modelcatalog.h"
#include "requestvalidator.h"
#include "responses.h"
#include "streamplayer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

Outcome invalidRequest(const QString& message, const QJsonValue& code, const QJsonValue& param = QJsonValue::Null)
{
    return respond(openAiError(400, message, u"invalid_request_error"_s, code, param));
}

Outcome notCleared(const QString& message)
{
    return respond(openAiError(403, message, u"permission_error"_s, u"protection_class_not_cleared"_s));
}

QJsonObject sparseModels(const ModelCatalog& catalog)
{
    QJsonArray data;
    for (const SimModel& model : catalog.models())
        data.append(QJsonObject{{u"id"_s, model.id}, {u"object"_s, u"model"_s}, {u"sim_note"_s, u"extra field"_s}});
    return QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}};
}

QJsonObject modelsWithout(const ModelCatalog& catalog, const QString& missing)
{
    QJsonArray data;
    for (const SimModel& model : catalog.models()) {
        if (model.id != missing)
            data.append(ModelCatalog::modelEntry(model));
    }
    return QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}};
}

QStringList embeddingInputs(const QJsonValue& input)
{
    if (input.isString())
        return {input.toString()};
    QStringList inputs;
    for (const QJsonValue& value : input.toArray())
        inputs.append(value.toString());
    return inputs;
}

} // namespace

Router::Router(const RouterSettings& settings, const ModelCatalog& catalog, KeyRing& keys, FaultRegistry& faults,
               RequestLog& log, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_catalog(catalog)
    , m_keys(keys)
    , m_faults(faults)
    , m_log(log)
    , m_control(faults, keys)
{
}

void Router::handle(HttpConnection* connection, const HttpRequest& request)
{
    QByteArray requestId = request.header("x-request-id");
    if (requestId.isEmpty())
        requestId = "sim-req-"_ba + QByteArray::number(++m_requestCount);
    if (request.path.startsWith(u"/sim/")) {
        execute(connection, m_control.handle(request), requestId);
        return;
    }
    LogEntry entry;
    entry.method = QString::fromLatin1(request.method);
    entry.path = request.path;
    entry.requestId = QString::fromUtf8(request.header("x-request-id"));
    entry.userAgent = QString::fromUtf8(request.header("user-agent"));
    entry.bodyBytes = request.body.size();
    entry.body = request.body;
    const Outcome outcome = route(request, entry);
    entry.status = outcome.status();
    m_log.write(entry);
    execute(connection, outcome, requestId);
}

void Router::execute(HttpConnection* connection, Outcome outcome, const QByteArray& requestId)
{
    switch (outcome.kind) {
    case Outcome::Kind::Respond:
        outcome.response.headers.append({"X-Request-ID"_ba, requestId});
        connection->respond(outcome.response);
        break;
    case Outcome::Kind::Stream:
        outcome.stream.headers.append({"X-Request-ID"_ba, requestId});
        (new StreamPlayer(connection, std::move(outcome.stream)))->start();
        break;
    case Outcome::Kind::Silent: break; // answer nothing until the client gives up
    case Outcome::Kind::Close: connection->close(); break;
    }
}

Router::Auth Router::authenticate(const HttpRequest& request, LogEntry& entry) const
{
    Auth auth;
    const QByteArray authorization = request.header("authorization");
    if (authorization.size() > 7 && QByteArrayView(authorization).first(7).compare("bearer ", Qt::CaseInsensitive) == 0) {
        auth.key = QString::fromUtf8(authorization.mid(7).trimmed());
        entry.auth = u"bearer"_s;
    } else if (request.hasHeader("api-key")) {
        auth.key = QString::fromUtf8(request.header("api-key"));
        entry.auth = u"api-key"_s;
    }
    if (!auth.key.isEmpty())
        entry.keyId = KeyRing::keyId(auth.key);
    auth.known = !auth.key.isEmpty() && m_keys.contains(auth.key);
    return auth;
}

Outcome Router::route(const HttpRequest& request, LogEntry& entry)
{
    if (request.bodyTooLarge)
        return respond(openAiError(413, u"The request body is larger than 32 MB."_s, u"invalid_request_error"_s,
                                   u"request_too_large"_s));
    static const QRegularExpression azurePath(u"^/openai/deployments/([^/]+)/(chat/completions|embeddings)$"_s);
    const QRegularExpressionMatch azure = azurePath.match(request.path);
    const bool chat = request.path == u"/v1/chat/completions" || (azure.hasMatch() && azure.captured(2) == u"chat/completions");
    const bool embeddings = request.path == u"/v1/embeddings" || (azure.hasMatch() && azure.captured(2) == u"embeddings");
    const bool catalog = request.path == u"/v1/models" || request.path.startsWith(u"/v1/models/")
        || request.path == u"/v1/model/info" || request.path == u"/model/info" || request.path == u"/key/info";
    if (!chat && !embeddings && !catalog)
        return respond(openAiError(404, u"Not Found: %1"_s.arg(request.path), u"invalid_request_error"_s, u"not_found"_s));
    if (request.method != ((chat || embeddings) ? "POST" : "GET")) {
        HttpResponse response = openAiError(405, u"Method Not Allowed"_s, u"invalid_request_error"_s, u"method_not_allowed"_s);
        response.headers.append({"Allow"_ba, (chat || embeddings) ? "POST"_ba : "GET"_ba});
        return respond(response);
    }
    const Auth auth = authenticate(request, entry);
    if (!auth.known)
        return respond(openAiError(401, u"Authentication Error: missing or invalid API key."_s, u"authentication_error"_s,
                                   u"invalid_api_key"_s));
    if (catalog)
        return routeCatalog(request, entry, auth);
    if (azure.hasMatch() && !request.query.hasQueryItem(u"api-version"_s))
        return invalidRequest(u"The api-version query parameter is required."_s, u"missing_api_version"_s, u"api-version"_s);
    return routeInference(request, entry, chat, azure.hasMatch() ? azure.captured(1) : QString(), auth);
}

Outcome Router::routeCatalog(const HttpRequest& request, LogEntry& entry, const Auth& auth)
{
    RequestTraits traits;
    traits.endpoint = request.path == u"/key/info" ? Endpoint::KeyInfo
        : request.path.endsWith(u"/model/info")    ? Endpoint::ModelInfo
                                                   : Endpoint::Models;
    const std::optional<ActiveFault> fault = m_faults.take(traits);
    if (fault) {
        entry.fault = fault->name;
        if (std::optional<Outcome> outcome = errorFaultOutcome(*fault, {QString::fromLatin1(request.method), request.path, {}, {}}))
            return *outcome;
    }
    if (traits.endpoint == Endpoint::KeyInfo)
        return respond(jsonResponse(200, m_keys.keyInfoJson(auth.key)));
    if (traits.endpoint == Endpoint::ModelInfo)
        return respond(jsonResponse(200, m_catalog.modelInfoJson()));
    if (request.path.startsWith(u"/v1/models/")) {
        const QString id = request.path.mid(11);
        entry.model = id;
        const SimModel* model = m_catalog.find(id);
        if (!model)
            return respond(openAiError(404, u"The model `%1` does not exist."_s.arg(id), u"invalid_request_error"_s,
                                       u"model_not_found"_s, u"model"_s));
        return respond(jsonResponse(200, ModelCatalog::modelEntry(*model)));
    }
    const QString name = fault ? fault->name : QString();
    if (name == u"models-sparse")
        return respond(jsonResponse(200, sparseModels(m_catalog)));
    if (name == u"models-empty")
        return respond(jsonResponse(200, {{u"object"_s, u"list"_s}, {u"data"_s, QJsonArray{}}}));
    if (name == u"models-missing")
        return respond(jsonResponse(200, modelsWithout(m_catalog, fault->params.value(u"model"_s).toString(u"sim-onprem"_s))));
    return respond(jsonResponse(200, m_catalog.listJson()));
}

Outcome Router::routeInference(const HttpRequest& request, LogEntry& entry, bool chat, const QString& pathModel,
                               const Auth& auth)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonObject body = document.object();
    const ValidationOptions options{!pathModel.isEmpty(), m_settings.liteLlmExtensions};
    entry.schemaErrors = !document.isObject() ? QStringList{u"body: must be a JSON object"_s}
        : chat                                ? validateChatRequest(body, options)
                                              : validateEmbeddingRequest(body, options);
    const QString modelId = pathModel.isEmpty() ? body.value(u"model"_s).toString() : pathModel;
    entry.model = modelId;
    if (body.value(u"stream"_s).isBool())
        entry.stream = body.value(u"stream"_s).toBool();

    const QString classHeader = QString::fromUtf8(request.header("x-protection-class")).trimmed();
    entry.protectionClass = classHeader;
    const std::optional<ProtectionClass> protectionClass = parseProtectionClass(classHeader);
    if (!protectionClass)
        return invalidRequest(classHeader.isEmpty() ? u"The X-Protection-Class header is required (none, normal or high)."_s
                                                    : u"Unknown X-Protection-Class \"%1\" (none, normal or high)."_s.arg(classHeader),
                              u"invalid_protection_class"_s, u"X-Protection-Class"_s);
    if (*protectionClass == ProtectionClass::VeryHigh)
        return notCleared(u"Data of protection class very-high must not leave the workstation."_s);
    if (!entry.schemaErrors.isEmpty()) {
        const QString first = entry.schemaErrors.first();
        return invalidRequest(u"Invalid request: "_s + entry.schemaErrors.join(u"; "_s), QJsonValue::Null,
                              first.left(first.indexOf(u':')));
    }
    const SimModel* model = m_catalog.find(modelId);
    if (!model)
        return respond(openAiError(404, u"The model `%1` does not exist or you do not have access to it."_s.arg(modelId),
                                   u"invalid_request_error"_s, u"model_not_found"_s, u"model"_s));
    if (model->embedding == chat)
        return invalidRequest(u"The model %1 does not support %2."_s.arg(modelId, chat ? u"chat completions"_s : u"embeddings"_s),
                              u"model_not_supported"_s, u"model"_s);
    if (*protectionClass > model->clearance)
        return notCleared(u"Protection class %1 exceeds the clearance %2 of model %3."_s.arg(
            protectionClassName(*protectionClass), protectionClassName(model->clearance), modelId));
    if (m_keys.budgetExhausted(auth.key))
        return respond(openAiError(400, m_keys.budgetExceededMessage(auth.key), u"budget_exceeded"_s, u"400"_s));
    if (!chat && body.contains(u"dimensions"_s) && body.value(u"dimensions"_s).toInt() != embeddingDimensions)
        return invalidRequest(u"The model %1 only supports 256 dimensions."_s.arg(modelId), u"unsupported_parameter"_s,
                              u"dimensions"_s);
    return applyFaultOrAnswer(request, entry, body, *model, auth, chat);
}

Outcome Router::applyFaultOrAnswer(const HttpRequest& request, LogEntry& entry, const QJsonObject& body,
                                   const SimModel& model, const Auth& auth, bool chat)
{
    RequestTraits traits;
    traits.endpoint = chat ? Endpoint::Chat : Endpoint::Embeddings;
    traits.stream = body.value(u"stream"_s).toBool();
    traits.usesMaxTokens = body.contains(u"max_tokens"_s);
    traits.hasStreamOptions = body.contains(u"stream_options"_s);
    traits.base64 = body.value(u"encoding_format"_s).toString() == u"base64";
    const std::optional<ActiveFault> fault = m_faults.take(traits);
    if (fault) {
        entry.fault = fault->name;
        const ErrorFaultContext context{QString::fromLatin1(request.method), request.path, model.id,
                                        m_keys.budgetExceededMessage(auth.key)};
        if (std::optional<Outcome> outcome = errorFaultOutcome(*fault, context))
            return *outcome;
    }
    if (chat) {
        ChatResult result = respondToChat(body, model.id, fault, m_settings.chunkDelayMs, ++m_sequence);
        m_keys.charge(auth.key, result.totalTokens);
        return result.outcome;
    }
    const QStringList inputs = embeddingInputs(body.value(u"input"_s));
    m_keys.charge(auth.key, countEmbeddingTokens(inputs));
    return respond(jsonResponse(200, embeddingsJson(inputs, model.id, traits.base64, fault ? fault->name : QString())));
}

} // namespace genius::sim
