#include "requestlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

QJsonValue stringOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

RequestLog::RequestLog(const QString& path, bool logBodies)
    : m_file(path)
    , m_logBodies(logBodies)
{
}

bool RequestLog::open(QString* error)
{
    if (m_file.fileName().isEmpty())
        return true;
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return true;
    *error = u"cannot open the log %1: %2"_s.arg(m_file.fileName(), m_file.errorString());
    return false;
}

void RequestLog::write(const LogEntry& entry)
{
    if (!m_file.isOpen())
        return;
    QJsonObject object{
        {u"time"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {u"method"_s, entry.method},
        {u"path"_s, entry.path},
        {u"status"_s, entry.status > 0 ? QJsonValue(entry.status) : QJsonValue(QJsonValue::Null)},
        {u"model"_s, stringOrNull(entry.model)},
        {u"protection_class"_s, stringOrNull(entry.protectionClass)},
        {u"auth"_s, entry.auth},
        {u"key_id"_s, stringOrNull(entry.keyId)},
        {u"request_id"_s, stringOrNull(entry.requestId)},
        {u"user_agent"_s, stringOrNull(entry.userAgent)},
        {u"stream"_s, entry.stream ? QJsonValue(*entry.stream) : QJsonValue(QJsonValue::Null)},
        {u"fault"_s, stringOrNull(entry.fault)},
        {u"schema_errors"_s, QJsonArray::fromStringList(entry.schemaErrors)},
        {u"body_bytes"_s, entry.bodyBytes},
    };
    if (m_logBodies) {
        const QJsonDocument parsed = QJsonDocument::fromJson(entry.body);
        object.insert(u"body"_s, parsed.isObject() ? QJsonValue(parsed.object()) : QJsonValue(QString::fromUtf8(entry.body)));
    }
    m_file.write(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
}

} // namespace genius::sim
