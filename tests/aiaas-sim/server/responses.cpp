#include "responses.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace genius::sim {

QByteArray compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

HttpResponse jsonResponse(int status, const QJsonObject& body, const HeaderList& extraHeaders)
{
    HttpResponse response;
    response.status = status;
    response.headers.append({"Content-Type"_ba, "application/json"_ba});
    response.headers.append(extraHeaders);
    response.body = compactJson(body);
    return response;
}

QJsonObject openAiErrorObject(const QString& message, const QString& type, const QJsonValue& code,
                              const QJsonValue& param)
{
    return QJsonObject{{u"message"_s, message}, {u"type"_s, type}, {u"param"_s, param}, {u"code"_s, code}};
}

HttpResponse openAiError(int status, const QString& message, const QString& type, const QJsonValue& code,
                         const QJsonValue& param)
{
    return jsonResponse(status, QJsonObject{{u"error"_s, openAiErrorObject(message, type, code, param)}});
}

} // namespace genius::sim
