#include "core/gateway/protocol/errorresponse.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTime>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>

namespace genius::gateway {

namespace {

using namespace std::chrono;

constexpr qsizetype kMaxMessageChars = 300;
// Only the start of a body is inspected: a proxy may send a megabyte of HTML.
constexpr qsizetype kMaxInspectedBytes = 64 * 1024;
constexpr double kMaxRetryMs = 1e12; // keeps absurd header values from overflowing

/// The parts of an error body we use, whatever its shape.
struct Fields {
    QString message;
    QString type;
    QString code;
    QString param;
};

QString capMessage(const QString& text)
{
    QString message = text.simplified();
    if (message.size() > kMaxMessageChars) {
        message.truncate(kMaxMessageChars - 1);
        if (message.back().isHighSurrogate())
            message.chop(1); // never leave half an emoji behind
        message.append(QChar(0x2026));
    }
    return message;
}

// `code` is a string at OpenAI, an integer at vLLM and llama.cpp, null elsewhere:
// toVariant() turns each into text, toString() would give "" for a number.
QString codeText(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined() || value.isObject() || value.isArray())
        return {};
    return value.toVariant().toString();
}

QString detailText(const QJsonValue& detail)
{
    if (detail.isString())
        return detail.toString();
    if (detail.isArray()) { // FastAPI validation errors: [{"loc": [...], "msg": "..."}]
        const QJsonValue first = detail.toArray().at(0);
        return first.isObject() ? first.toObject().value(QLatin1String("msg")).toString() : first.toString();
    }
    if (detail.isObject())
        return detail.toObject().value(QLatin1String("message")).toString();
    return {};
}

Fields fieldsFromObject(const QJsonObject& object)
{
    Fields fields;
    const QJsonValue error = object.value(QLatin1String("error"));
    // llama.cpp sends the error object itself, without the {"error": ...} wrapper.
    const QJsonObject inner = error.isObject() ? error.toObject() : object;
    if (error.isString())
        fields.message = error.toString();
    if (fields.message.isEmpty())
        fields.message = inner.value(QLatin1String("message")).toString();
    if (fields.message.isEmpty())
        fields.message = detailText(inner.value(QLatin1String("detail")));
    if (fields.message.isEmpty())
        fields.message = inner.value(QLatin1String("title")).toString(); // problem+json without detail
    fields.type = inner.value(QLatin1String("type")).toString();
    fields.code = codeText(inner.value(QLatin1String("code")));
    fields.param = inner.value(QLatin1String("param")).toString();
    return fields;
}

// One pass over the few entities error pages use, so "&amp;lt;" stays "&lt;".
QString decodeEntities(const QString& text)
{
    static const QRegularExpression entity(QStringLiteral("&(?:#(\\d{1,7})|(nbsp|lt|gt|quot|apos|amp));"));
    static const QHash<QString, QString> named{
        {QStringLiteral("nbsp"), QStringLiteral(" ")}, {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},   {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")}, {QStringLiteral("amp"), QStringLiteral("&")}};
    QString decoded;
    qsizetype last = 0;
    for (auto it = entity.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        decoded += QStringView(text).sliced(last, match.capturedStart() - last);
        if (match.hasCaptured(2)) {
            decoded += named.value(match.captured(2));
        } else {
            const char32_t codePoint = match.captured(1).toUInt();
            const bool valid = codePoint > 0 && codePoint <= 0x10FFFF && !(codePoint >= 0xD800 && codePoint < 0xE000);
            decoded += valid ? QString::fromUcs4(&codePoint, 1) : QString(QChar::ReplacementCharacter);
        }
        last = match.capturedEnd();
    }
    decoded += QStringView(text).sliced(last);
    return decoded;
}

QString stripTags(QString html)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    return decodeEntities(html.replace(tag, QStringLiteral(" "))).simplified();
}

// Proxies answer with an HTML page; its <title> ("502 Bad Gateway") is the best sentence,
// unless the page says more than its title (Express: "Error" / "Cannot POST /v2/...").
QString textFromHtml(QString html)
{
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title"),
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression hidden(QStringLiteral("<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->"),
                                           QRegularExpression::CaseInsensitiveOption
                                               | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = title.match(html);
    const QString heading = match.hasMatch() ? stripTags(match.captured(1)) : QString();
    const QString text = stripTags(html.remove(hidden));
    if (heading.isEmpty() || text.isEmpty())
        return heading.isEmpty() ? text : heading;
    if (text.startsWith(heading, Qt::CaseInsensitive))
        return heading;
    return heading + QStringLiteral(": ") + text;
}

Fields fieldsFromBody(const QByteArray& body)
{
    const QByteArray trimmed = body.left(kMaxInspectedBytes).trimmed();
    if (trimmed.startsWith('{')) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body.trimmed(), &parseError);
        if (parseError.error == QJsonParseError::NoError && document.isObject())
            return fieldsFromObject(document.object());
    }
    Fields fields;
    const QString text = QString::fromUtf8(trimmed);
    fields.message = text.startsWith(QLatin1Char('<')) ? textFromHtml(text) : text;
    return fields;
}

bool isOneOf(const QString& value, std::initializer_list<const char*> names)
{
    for (const char* name : names) {
        if (value.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool typeOrCodeIs(const Fields& fields, std::initializer_list<const char*> names)
{
    return isOneOf(fields.type, names) || isOneOf(fields.code, names);
}

bool isContextLength(const Fields& fields)
{
    return typeOrCodeIs(fields, {"context_length_exceeded", "exceed_context_size_error"})
        || fields.message.contains(QLatin1String("context length"), Qt::CaseInsensitive)
        || fields.message.contains(QLatin1String("context_length_exceeded"), Qt::CaseInsensitive)
        || fields.message.contains(QLatin1String("maximum context"), Qt::CaseInsensitive);
}

GatewayErrorKind kindFor(int status, const Fields& fields)
{
    // A budget is final whatever status carries it (LiteLLM uses 400 and 429; older
    // versions 401); retrying or "waiting for the rate limit" would be wrong.
    if (typeOrCodeIs(fields, {"budget_exceeded", "insufficient_quota"}) || status == 402)
        return GatewayErrorKind::BudgetExhausted;
    const bool budgetStatus = status == 0 || status == 400 || status == 401 || status == 403 || status == 429;
    if (budgetStatus && fields.message.contains(QLatin1String("budget"), Qt::CaseInsensitive))
        return GatewayErrorKind::BudgetExhausted;
    if (status == 413 || (status < 500 && isContextLength(fields)))
        return GatewayErrorKind::InputTooLong;
    switch (status) {
    case 401: return GatewayErrorKind::Auth;
    case 403: return GatewayErrorKind::Permission;
    case 404: return GatewayErrorKind::NotFound;
    case 429: return GatewayErrorKind::RateLimited;
    default: break;
    }
    if (status >= 400 && status < 500)
        return GatewayErrorKind::BadRequest;
    if (status >= 500 && status < 600)
        return GatewayErrorKind::ServerError;
    if (status != 0)
        return GatewayErrorKind::InvalidResponse; // a 1xx-3xx error response is not understood
    // No HTTP status (an in-stream error): the code may carry one, else the type names it.
    bool isNumber = false;
    const int codeStatus = fields.code.toInt(&isNumber);
    if (isNumber && codeStatus >= 400 && codeStatus < 600)
        return kindFor(codeStatus, fields);
    if (typeOrCodeIs(fields, {"rate_limit_exceeded", "rate_limit_error", "too_many_requests"}))
        return GatewayErrorKind::RateLimited;
    if (typeOrCodeIs(fields, {"authentication_error", "invalid_api_key"}))
        return GatewayErrorKind::Auth;
    if (typeOrCodeIs(fields, {"permission_error", "permission_denied"}))
        return GatewayErrorKind::Permission;
    if (typeOrCodeIs(fields, {"not_found_error", "model_not_found"}))
        return GatewayErrorKind::NotFound;
    if (typeOrCodeIs(fields, {"invalid_request_error", "unsupported_parameter", "unknown_parameter"}))
        return GatewayErrorKind::BadRequest;
    return GatewayErrorKind::ServerError;
}

std::optional<milliseconds> durationFrom(const QByteArray& text, double factorToMs)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0)
        return std::nullopt;
    return milliseconds(qint64(std::llround(std::min(value * factorToMs, kMaxRetryMs))));
}

// RFC 9110 HTTP-date: IMF-fixdate, and the obsolete RFC 850 and asctime forms.
std::optional<QDateTime> parseHttpDate(const QString& text)
{
    static const QRegularExpression imf(
        QStringLiteral("^[A-Za-z]{3}, (\\d{1,2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    static const QRegularExpression rfc850(
        QStringLiteral("^[A-Za-z]+, (\\d{2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    static const QRegularExpression asctime(
        QStringLiteral("^[A-Za-z]{3} ([A-Za-z]{3}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$"));
    static const QStringList months = {
        QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
        QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
        QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};

    int day = 0, year = 0;
    QString month;
    QRegularExpressionMatch match;
    int timeGroup = 4;
    if (match = imf.match(text); match.hasMatch()) {
        day = match.captured(1).toInt();
        month = match.captured(2);
        year = match.captured(3).toInt();
    } else if (match = rfc850.match(text); match.hasMatch()) {
        day = match.captured(1).toInt();
        month = match.captured(2);
        year = match.captured(3).toInt();
        year += year < 70 ? 2000 : 1900;
    } else if (match = asctime.match(text); match.hasMatch()) {
        month = match.captured(1);
        day = match.captured(2).toInt();
        year = match.captured(6).toInt();
        timeGroup = 3;
    } else {
        return std::nullopt;
    }
    const QDate date(year, int(months.indexOf(month.toLower())) + 1, day);
    const QTime time(match.captured(timeGroup).toInt(), match.captured(timeGroup + 1).toInt(),
                     match.captured(timeGroup + 2).toInt());
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

std::optional<QByteArray> header(const QList<QPair<QByteArray, QByteArray>>& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (key.trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return std::nullopt;
}

void readRetryHeaders(const QList<QPair<QByteArray, QByteArray>>& headers, const QDateTime& now, GatewayError& error)
{
    // retry-after-ms (OpenAI, Azure) is the more precise of the two and wins.
    if (const auto ms = header(headers, "retry-after-ms"))
        error.retryAfter = durationFrom(*ms, 1.0);
    if (!error.retryAfter) {
        if (const auto value = header(headers, "retry-after")) {
            error.retryAfter = durationFrom(*value, 1000.0);
            if (!error.retryAfter) {
                if (const auto date = parseHttpDate(QString::fromLatin1(*value)))
                    error.retryAfter = milliseconds(std::max<qint64>(0, now.msecsTo(*date)));
            }
        }
    }
    if (const auto retry = header(headers, "x-should-retry")) {
        if (retry->compare("true", Qt::CaseInsensitive) == 0)
            error.shouldRetry = true;
        else if (retry->compare("false", Qt::CaseInsensitive) == 0)
            error.shouldRetry = false;
    }
}

GatewayError errorFromFields(int httpStatus, const Fields& fields, const QString& fallback)
{
    GatewayError error;
    error.kind = kindFor(httpStatus, fields);
    error.httpStatus = httpStatus;
    error.message = capMessage(fields.message);
    if (error.message.isEmpty())
        error.message = fallback;
    error.type = fields.type;
    error.code = fields.code;
    error.param = fields.param;
    return error;
}

} // namespace

GatewayError errorFromResponse(int httpStatus, const QList<QPair<QByteArray, QByteArray>>& headers,
                               const QByteArray& body, const QDateTime& now)
{
    GatewayError error = errorFromFields(httpStatus, fieldsFromBody(body),
                                         QStringLiteral("HTTP %1").arg(httpStatus));
    readRetryHeaders(headers, now, error);
    return error;
}

GatewayError errorFromStreamValue(const QJsonValue& value)
{
    Fields fields;
    if (value.isObject())
        fields = fieldsFromObject(value.toObject());
    else if (value.isString())
        fields.message = value.toString();
    return errorFromFields(0, fields, QStringLiteral("The server reported an error in the stream."));
}

} // namespace genius::gateway
