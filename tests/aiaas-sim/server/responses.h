#pragma once

#include "httprequest.h"

#include <QJsonObject>
#include <QJsonValue>

namespace genius::sim {

/// Compact JSON text of an object.
QByteArray compactJson(const QJsonObject& object);

/// A response with an application/json body.
HttpResponse jsonResponse(int status, const QJsonObject& body, const HeaderList& extraHeaders = {});

/// An OpenAI-shaped error: {"error":{"message","type","param","code"}}.
HttpResponse openAiError(int status, const QString& message, const QString& type, const QJsonValue& code,
                         const QJsonValue& param = QJsonValue::Null);

/// The "error" object of an OpenAI-shaped error body.
QJsonObject openAiErrorObject(const QString& message, const QString& type, const QJsonValue& code,
                              const QJsonValue& param = QJsonValue::Null);

} // namespace genius::sim
