// Error responses of gateways against arbitrary status lines, headers and bodies: never crash,
// the message stays within its cap, and a Retry-After is never negative.
#include "core/gateway/protocol/errorresponse.h"
#include "fuzzcheck.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cstdint>

using namespace genius::gateway;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    const int status = 400 + (data[0] | (data[1] << 8)) % 200;
    const QByteArray rest(reinterpret_cast<const char*>(data) + 2, static_cast<qsizetype>(size - 2));
    // Up to the first blank line: "Name: value" headers; the rest is the body.
    const qsizetype split = rest.indexOf("\n\n");
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QByteArray& line : rest.left(split < 0 ? 0 : split).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    const QByteArray body = split < 0 ? rest : rest.mid(split + 2);
    const QDateTime now(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
    const GatewayError error = errorFromResponse(status, headers, body, now);
    FUZZ_CHECK(error.message.size() <= 300);
    FUZZ_CHECK(!error.retryAfter || error.retryAfter->count() >= 0);
    const GatewayError streamed = errorFromStreamValue(QJsonDocument::fromJson(body).object().value(QStringLiteral("error")));
    FUZZ_CHECK(streamed.message.size() <= 300);
    return 0;
}
