#include "controlhandler.h"

#include "faultregistry.h"
#include "keyring.h"
#include "responses.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

Outcome badRequest(const QString& message)
{
    return respond(openAiError(400, message, u"invalid_request_error"_s, QJsonValue::Null));
}

} // namespace

ControlHandler::ControlHandler(FaultRegistry& faults, KeyRing& keys)
    : m_faults(faults)
    , m_keys(keys)
{
}

Outcome ControlHandler::handle(const HttpRequest& request)
{
    if (!request.loopbackPeer)
        return respond(openAiError(403, u"/sim/ is only available from loopback"_s, u"permission_error"_s, QJsonValue::Null));
    const bool post = request.method == "POST";
    if (request.path == u"/sim/fault" && post)
        return queueFault(request);
    if (request.path == u"/sim/reset" && post) {
        m_faults.clearQueued();
        m_keys.resetSpends();
        return respond(jsonResponse(200, {{u"ok"_s, true}}));
    }
    if (request.path == u"/sim/faults" && request.method == "GET")
        return respond(jsonResponse(200, m_faults.stateJson()));
    return respond(openAiError(404, u"Unknown control endpoint %1"_s.arg(request.path), u"invalid_request_error"_s,
                               u"not_found"_s));
}

Outcome ControlHandler::queueFault(const HttpRequest& request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return badRequest(u"body: expected {\"name\": ..., \"times\": 1, \"params\": {...}}"_s);
    const QJsonObject body = document.object();
    if (!body.value(u"name"_s).isString())
        return badRequest(u"name: required string"_s);
    if (body.contains(u"params"_s) && !body.value(u"params"_s).isObject())
        return badRequest(u"params: must be an object"_s);
    if (body.contains(u"times"_s) && !body.value(u"times"_s).isDouble())
        return badRequest(u"times: must be an integer"_s);
    const int times = body.value(u"times"_s).toInt(1);
    const QString error = m_faults.enqueue(body.value(u"name"_s).toString(), times, body.value(u"params"_s).toObject());
    if (!error.isEmpty())
        return badRequest(error);
    return respond(jsonResponse(200, {{u"ok"_s, true}, {u"queued"_s, body.value(u"name"_s)}, {u"times"_s, times}}));
}

} // namespace genius::sim
