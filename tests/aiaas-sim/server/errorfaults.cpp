#include "errorfaults.h"

#include "httpconnection.h"
#include "responses.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

HttpResponse rawResponse(int status, const QByteArray& contentType, const QByteArray& body)
{
    HttpResponse response;
    response.status = status;
    if (!contentType.isEmpty())
        response.headers.append({"Content-Type"_ba, contentType});
    response.body = body;
    return response;
}

QByteArray nginxHtml(int status, const QByteArray& reason)
{
    const QByteArray title = QByteArray::number(status) + ' ' + reason;
    return "<html>\r\n<head><title>"_ba + title + "</title></head>\r\n<body>\r\n<center><h1>"_ba + title
        + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"_ba;
}

HttpResponse errorBody(const QJsonObject& params)
{
    const int status = params.value(u"status"_s).toInt(500);
    const QJsonValue body = params.value(u"body"_s);
    QByteArray bytes;
    if (body.isString())
        bytes = body.toString().toUtf8();
    else if (body.isObject())
        bytes = compactJson(body.toObject());
    else if (body.isArray())
        bytes = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    HttpResponse response = rawResponse(status, params.value(u"content_type"_s).toString(u"application/json"_s).toUtf8(), bytes);
    const QJsonObject headers = params.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        response.headers.append({it.key().toUtf8(), it.value().toVariant().toString().toUtf8()});
    return response;
}

HttpResponse rateLimited(const QJsonObject& params)
{
    HttpResponse response = openAiError(429, u"Rate limit reached for requests (simuliert). Please try again later."_s,
                                        u"requests"_s, u"rate_limit_exceeded"_s);
    if (params.value(u"none"_s).toBool())
        return response;
    const int seconds = params.value(u"retry_after"_s).toInt(2);
    if (params.value(u"retry_after_http_date"_s).toBool()) {
        const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(seconds);
        const QString date = QLocale::c().toString(when, u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
        response.headers.append({"Retry-After"_ba, date.toLatin1()});
    } else if (params.contains(u"retry_after_ms"_s)) {
        response.headers.append({"retry-after-ms"_ba, QByteArray::number(params.value(u"retry_after_ms"_s).toInt())});
        if (params.contains(u"retry_after"_s))
            response.headers.append({"Retry-After"_ba, QByteArray::number(seconds)});
    } else {
        response.headers.append({"Retry-After"_ba, QByteArray::number(seconds)});
    }
    return response;
}

HttpResponse serverError(const QJsonObject& params)
{
    const int status = params.value(u"status"_s).toInt(503);
    if (params.value(u"html"_s).toBool())
        return rawResponse(status, "text/html"_ba, nginxHtml(status, reasonPhrase(status)));
    return openAiError(status, u"The server had an error while processing your request (simuliert)."_s,
                       u"server_error"_s, QJsonValue::Null);
}

HttpResponse budgetExceeded(int status, const QJsonObject& params, const ErrorFaultContext& context)
{
    const QString message = params.value(u"message"_s).toString(context.budgetMessage);
    return openAiError(status, message, u"budget_exceeded"_s, QString::number(status));
}

std::optional<HttpResponse> errorResponse(const QString& name, const QJsonObject& params, const ErrorFaultContext& context)
{
    const auto status = [&](int fallback) { return params.value(u"status"_s).toInt(fallback); };
    const QString simulated = u"Simulierter Fehler."_s;
    if (name == u"error-body")
        return errorBody(params);
    if (name == u"error-express")
        return rawResponse(status(500), "application/json; charset=utf-8"_ba,
                           R"({"error":"Upstream-Modell nicht erreichbar (simuliert)."})"_ba);
    if (name == u"error-problem-json") {
        const QJsonObject problem{{u"type"_s, u"about:blank"_s}, {u"title"_s, u"Bad Request"_s},
                                  {u"status"_s, status(400)}, {u"detail"_s, u"Die Anfrage ist ungültig (simuliert)."_s}};
        return rawResponse(status(400), "application/problem+json"_ba, compactJson(problem));
    }
    if (name == u"error-html")
        return rawResponse(status(502), "text/html"_ba, nginxHtml(status(502), reasonPhrase(status(502))));
    if (name == u"error-code-int")
        return openAiError(status(400), simulated, u"invalid_request_error"_s, status(400));
    if (name == u"error-code-null")
        return openAiError(status(400), simulated, u"invalid_request_error"_s, QJsonValue::Null);
    if (name == u"error-no-type")
        return jsonResponse(status(400), {{u"error"_s, QJsonObject{{u"message"_s, simulated}}}});
    if (name == u"unsupported-max-tokens")
        return openAiError(400, u"Unsupported parameter: 'max_tokens' is not supported with this model. "
                                u"Use 'max_completion_tokens' instead."_s,
                           u"invalid_request_error"_s, u"unsupported_parameter"_s, u"max_tokens"_s);
    if (name == u"unknown-stream-options")
        return openAiError(400, u"Unrecognized request argument supplied: stream_options"_s, u"invalid_request_error"_s,
                           u"unknown_parameter"_s, u"stream_options"_s);
    if (name == u"context-length")
        return openAiError(400, u"This model's maximum context length is 8192 tokens. However, your messages resulted "
                                u"in 12000 tokens. Please reduce the length of the messages."_s,
                           u"invalid_request_error"_s, u"context_length_exceeded"_s, u"messages"_s);
    if (name == u"413-html")
        return rawResponse(413, "text/html"_ba, nginxHtml(413, "Request Entity Too Large"_ba));
    if (name == u"401")
        return openAiError(401, u"Incorrect API key provided (simuliert)."_s, u"authentication_error"_s, u"invalid_api_key"_s);
    if (name == u"403")
        return openAiError(403, u"This key is not allowed to use the model %1 (simuliert)."_s.arg(context.model),
                           u"permission_error"_s, u"model_not_allowed"_s);
    if (name == u"404-model")
        return openAiError(404, u"The model `%1` does not exist or you do not have access to it."_s.arg(context.model),
                           u"invalid_request_error"_s, u"model_not_found"_s, u"model"_s);
    if (name == u"404-path-html") {
        const QByteArray html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n"
                                "</head>\n<body>\n<pre>Cannot "_ba
            + context.method.toUtf8() + ' ' + context.path.toUtf8() + "</pre>\n</body>\n</html>\n"_ba;
        return rawResponse(404, "text/html; charset=utf-8"_ba, html);
    }
    if (name == u"404-path-json")
        return jsonResponse(404, {{u"error"_s, u"Cannot %1 %2"_s.arg(context.method, context.path)}});
    if (name == u"429")
        return rateLimited(params);
    if (name == u"budget-429")
        return budgetExceeded(429, params, context);
    if (name == u"budget-400")
        return budgetExceeded(400, params, context);
    if (name == u"insufficient-quota")
        return openAiError(429, u"You exceeded your current quota, please check your plan and billing details."_s,
                           u"insufficient_quota"_s, u"insufficient_quota"_s);
    if (name == u"5xx")
        return serverError(params);
    if (name == u"x-should-retry") {
        HttpResponse response = openAiError(status(503), simulated, u"server_error"_s, QJsonValue::Null);
        const QJsonValue value = params.value(u"value"_s);
        const QString text = value.isUndefined() ? u"false"_s : value.toVariant().toString();
        response.headers.append({"x-should-retry"_ba, text.toUtf8()});
        return response;
    }
    if (name == u"error-before-stream")
        return openAiError(status(500), params.value(u"message"_s).toString(u"Upstream error before the first chunk (simuliert)."_s),
                           params.value(u"type"_s).toString(u"server_error"_s), params.value(u"code"_s).toString(u"upstream_error"_s));
    if (name == u"500-sse-content-type") {
        const QJsonObject error{{u"error"_s, openAiErrorObject(simulated, u"server_error"_s, u"internal_error"_s)}};
        return rawResponse(500, "text/event-stream"_ba, compactJson(error));
    }
    return std::nullopt;
}

} // namespace

std::optional<Outcome> errorFaultOutcome(const ActiveFault& fault, const ErrorFaultContext& context)
{
    Outcome outcome;
    if (fault.name == u"silent") {
        outcome.kind = Outcome::Kind::Silent;
        return outcome;
    }
    if (fault.name == u"close-before-response") {
        outcome.kind = Outcome::Kind::Close;
        return outcome;
    }
    std::optional<HttpResponse> response = errorResponse(fault.name, fault.params, context);
    if (!response)
        return std::nullopt;
    outcome.response = *response;
    return outcome;
}

} // namespace genius::sim
