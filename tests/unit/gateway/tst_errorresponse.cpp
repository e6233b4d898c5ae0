#include "core/gateway/protocol/errorresponse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace genius::gateway;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

const QDateTime kNow(QDate(2025, 1, 1), QTime(12, 0, 0), Qt::UTC);

QString describe(const GatewayError& error)
{
    const QString retry = error.retryAfter ? QString::number(error.retryAfter->count()) : QStringLiteral("none");
    QString shouldRetry = QStringLiteral("none");
    if (error.shouldRetry)
        shouldRetry = *error.shouldRetry ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("%1 | %2 | type=%3 code=%4 param=%5 | retryAfterMs=%6 shouldRetry=%7")
        .arg(errorKindName(error.kind), error.message, error.type, error.code, error.param, retry, shouldRetry);
}

QString openAiBody(const char* message, const char* type, const char* code, const char* param = "null")
{
    return QStringLiteral(R"({"error":{"message":"%1","type":"%2","param":%3,"code":%4}})")
        .arg(QLatin1String(message), QLatin1String(type), QLatin1String(param), QLatin1String(code));
}

} // namespace

class TestErrorResponse final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorFromResponse_mapsKindMessageAndRetryHints_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char* name, int status, const Headers& headers, const QByteArray& body,
                            const char* expected) {
            QTest::newRow(name) << status << headers << body << QString::fromUtf8(expected);
        };
        const auto json = [](const QString& text) { return text.toUtf8(); };
        const Headers none;

        row("case32_firstChunkErrorAsHttp400", 400, none,
            json(openAiBody("litellm.BadRequestError: bad messages", "invalid_request_error", R"("400")")),
            "bad-request | litellm.BadRequestError: bad messages | type=invalid_request_error code=400 param= | "
            "retryAfterMs=none shouldRetry=none");
        row("case33_http500WithJsonBodyDespiteEventStream", 500, {{"Content-Type", "text/event-stream"}},
            R"({"error":{"message":"Internal error","type":"server_error","code":500}})",
            "server-error | Internal error | type=server_error code=500 param= | retryAfterMs=none shouldRetry=none");
        row("case34_codeIntegerBecomesText", 400, none, json(openAiBody("bad", "invalid_request_error", "400")),
            "bad-request | bad | type=invalid_request_error code=400 param= | retryAfterMs=none shouldRetry=none");
        row("case34_codeNullIsEmpty", 400, none, json(openAiBody("bad", "invalid_request_error", "null")),
            "bad-request | bad | type=invalid_request_error code= param= | retryAfterMs=none shouldRetry=none");
        row("case34_errorAsPlainString", 400, none, R"({"error":"Something went wrong"})",
            "bad-request | Something went wrong | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case34_noTypeNoParam", 400, none, R"({"error":{"message":"Only a message"}})",
            "bad-request | Only a message | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case34_problemJsonDetail", 403, {{"content-type", "application/problem+json"}},
            R"({"type":"about:blank","title":"Forbidden","status":403,"detail":"Model not cleared for this class"})",
            "permission | Model not cleared for this class | type=about:blank code= param= | retryAfterMs=none "
            "shouldRetry=none");
        row("case34_problemJsonTitleOnly", 400, none, R"({"title":"Bad Request","status":400})",
            "bad-request | Bad Request | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case34_fastApiDetailList", 422, none,
            R"({"detail":[{"loc":["body","model"],"msg":"field required","type":"value_error.missing"}]})",
            "bad-request | field required | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case34_topLevelMessageVllm", 400, none,
            R"({"object":"error","message":"This model's maximum context length is 4096 tokens.",)"
            R"("type":"BadRequestError","param":null,"code":400})",
            "input-too-long | This model's maximum context length is 4096 tokens. | type=BadRequestError code=400 "
            "param= | retryAfterMs=none shouldRetry=none");
        row("case34_plainTextBody", 503, none, "upstream connect error or\n disconnect/reset before headers\n",
            "server-error | upstream connect error or disconnect/reset before headers | type= code= param= | "
            "retryAfterMs=none shouldRetry=none");
        row("case34_emptyBodyFallsBackToStatus", 503, none, "",
            "server-error | HTTP 503 | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case34_htmlWithoutTitleStripsTagsAndEntities", 500, none,
            "<html><body><script>var x = 1;</script><h1>Service&nbsp;Unavailable</h1>\n<p>Try &amp; retry &#8211; "
            "later &amp;lt;soon&amp;gt;</p></body></html>",
            "server-error | Service Unavailable Try & retry – later &lt;soon&gt; | type= code= param= | "
            "retryAfterMs=none shouldRetry=none");
        row("case35_unsupportedParameter", 400, none,
            json(openAiBody("Unsupported parameter: 'max_tokens'", "invalid_request_error",
                            R"("unsupported_parameter")", R"("max_tokens")")),
            "bad-request | Unsupported parameter: 'max_tokens' | type=invalid_request_error code=unsupported_parameter "
            "param=max_tokens | retryAfterMs=none shouldRetry=none");
        row("case36_unknownParameter", 400, none,
            json(openAiBody("Unknown parameter: 'stream_options'", "invalid_request_error", R"("unknown_parameter")",
                            R"("stream_options")")),
            "bad-request | Unknown parameter: 'stream_options' | type=invalid_request_error code=unknown_parameter "
            "param=stream_options | retryAfterMs=none shouldRetry=none");
        row("case37_contextLengthExceeded", 400, none,
            json(openAiBody("Too many tokens", "invalid_request_error", R"("context_length_exceeded")",
                            R"("messages")")),
            "input-too-long | Too many tokens | type=invalid_request_error code=context_length_exceeded "
            "param=messages | retryAfterMs=none shouldRetry=none");
        row("case37_413HtmlFromProxy", 413, {{"Content-Type", "text/html"}},
            "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request "
            "Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
            "input-too-long | 413 Request Entity Too Large | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case38_401InvalidKey", 401, none,
            json(openAiBody("Incorrect API key provided", "invalid_request_error", R"("invalid_api_key")")),
            "auth | Incorrect API key provided | type=invalid_request_error code=invalid_api_key param= | "
            "retryAfterMs=none shouldRetry=none");
        row("case38_403ModelNotAllowed", 403, none,
            json(openAiBody("key not allowed to access model", "permission_error", "null")),
            "permission | key not allowed to access model | type=permission_error code= param= | retryAfterMs=none "
            "shouldRetry=none");
        row("case39_404UnknownModel", 404, none,
            json(openAiBody("The model `gpt-9` does not exist", "invalid_request_error", R"("model_not_found")")),
            "not-found | The model `gpt-9` does not exist | type=invalid_request_error code=model_not_found param= | "
            "retryAfterMs=none shouldRetry=none");
        row("case39_404ExpressJson", 404, none, R"({"error":"Not Found"})",
            "not-found | Not Found | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case39_404ExpressHtml", 404, none,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n"
            "<body>\n<pre>Cannot POST /v2/chat/completions</pre>\n</body>\n</html>\n",
            "not-found | Error: Cannot POST /v2/chat/completions | type= code= param= | retryAfterMs=none "
            "shouldRetry=none");
        row("case40_retryAfterSeconds", 429, {{"Retry-After", "2"}}, R"({"error":{"message":"Slow down"}})",
            "rate-limited | Slow down | type= code= param= | retryAfterMs=2000 shouldRetry=none");
        row("case40_retryAfterHttpDate", 429, {{"retry-after", "Wed, 01 Jan 2025 12:00:30 GMT"}}, "",
            "rate-limited | HTTP 429 | type= code= param= | retryAfterMs=30000 shouldRetry=none");
        row("case40_retryAfterRfc850Date", 429, {{"Retry-After", "Wednesday, 01-Jan-25 12:01:00 GMT"}}, "",
            "rate-limited | HTTP 429 | type= code= param= | retryAfterMs=60000 shouldRetry=none");
        row("case40_retryAfterAsctimeDate", 429, {{"Retry-After", "Wed Jan  1 12:00:05 2025"}}, "",
            "rate-limited | HTTP 429 | type= code= param= | retryAfterMs=5000 shouldRetry=none");
        row("case40_retryAfterDateInThePastIsZero", 429, {{"Retry-After", "Tue, 31 Dec 2024 23:00:00 GMT"}}, "",
            "rate-limited | HTTP 429 | type= code= param= | retryAfterMs=0 shouldRetry=none");
        row("case40_retryAfterMsWinsOverSeconds", 429, {{"Retry-After", "9"}, {"retry-after-ms", "1500"}}, "",
            "rate-limited | HTTP 429 | type= code= param= | retryAfterMs=1500 shouldRetry=none");
        row("case40_headerNamesCaseInsensitive", 429, {{"RETRY-AFTER", " 3 "}}, "",
            "rate-limited | HTTP 429 | type= code= param= | retryAfterMs=3000 shouldRetry=none");
        row("case40_noHeader", 429, {{"Content-Type", "application/json"}},
            json(openAiBody("Rate limit reached", "requests", R"("rate_limit_exceeded")")),
            "rate-limited | Rate limit reached | type=requests code=rate_limit_exceeded param= | retryAfterMs=none "
            "shouldRetry=none");
        row("case40_unparsableHeaderIgnored", 429, {{"Retry-After", "soon"}, {"retry-after-ms", "-5"}}, "",
            "rate-limited | HTTP 429 | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case41_insufficientQuota429", 429, {{"Retry-After", "20"}},
            json(openAiBody("You exceeded your current quota", "insufficient_quota", R"("insufficient_quota")")),
            "budget-exhausted | You exceeded your current quota | type=insufficient_quota code=insufficient_quota "
            "param= | retryAfterMs=20000 shouldRetry=none");
        row("case41_budgetExceededAs400", 400, none,
            json(openAiBody("Budget has been exceeded! Current cost: 10.2, Max budget: 10.0", "budget_exceeded",
                            R"("400")")),
            "budget-exhausted | Budget has been exceeded! Current cost: 10.2, Max budget: 10.0 | type=budget_exceeded "
            "code=400 param= | retryAfterMs=none shouldRetry=none");
        row("case41_budgetExceededAs429", 429, none,
            json(openAiBody("Budget has been exceeded!", "budget_exceeded", R"("429")")),
            "budget-exhausted | Budget has been exceeded! | type=budget_exceeded code=429 param= | retryAfterMs=none "
            "shouldRetry=none");
        row("case41_maxBudgetMessageOnly", 429, none, R"({"error":{"message":"Max budget limit reached."}})",
            "budget-exhausted | Max budget limit reached. | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case42_502NginxHtml", 502, none,
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
            "</center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n",
            "server-error | 502 Bad Gateway | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case42_504PlainText", 504, none, "Gateway Timeout",
            "server-error | Gateway Timeout | type= code= param= | retryAfterMs=none shouldRetry=none");
        row("case43_shouldRetryFalse", 500, {{"X-Should-Retry", "false"}}, "",
            "server-error | HTTP 500 | type= code= param= | retryAfterMs=none shouldRetry=false");
        row("case43_shouldRetryTrue", 409, {{"x-should-retry", "TRUE"}}, "",
            "bad-request | HTTP 409 | type= code= param= | retryAfterMs=none shouldRetry=true");
    }

    void errorFromResponse_mapsKindMessageAndRetryHints()
    {
        QFETCH(int, status);
        QFETCH(Headers, headers);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const GatewayError error = errorFromResponse(status, headers, body, kNow);
        QCOMPARE(describe(error), expected);
        QCOMPARE(error.httpStatus, status);
    }

    void errorFromResponse_capsMessageAt300Characters()
    {
        const QByteArray body = "{\"error\":{\"message\":\"" + QByteArray(1000, 'x') + "\"}}";
        const QString message = errorFromResponse(400, {}, body, kNow).message;
        QCOMPARE(message.size(), 300);
        QVERIFY(message.endsWith(QChar(0x2026)));
        const QString html = errorFromResponse(502, {}, "<p>" + QByteArray(5000, 'y') + "</p>", kNow).message;
        QCOMPARE(html.size(), 300);
    }

    void errorFromStreamValue_readsWrappedBareAndStringErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrapped OpenAI error")
            << QByteArray(R"({"error":{"message":"Upstream failed","type":"server_error","code":null}})")
            << QStringLiteral("server-error | Upstream failed | type=server_error code= param= | retryAfterMs=none "
                              "shouldRetry=none");
        QTest::newRow("bare llama.cpp error with int code")
            << QByteArray(R"({"code":503,"message":"Loading model","type":"unavailable_error"})")
            << QStringLiteral("server-error | Loading model | type=unavailable_error code=503 param= | "
                              "retryAfterMs=none shouldRetry=none");
        QTest::newRow("numeric code read as status")
            << QByteArray(R"({"error":{"message":"Too many requests","code":"429"}})")
            << QStringLiteral("rate-limited | Too many requests | type= code=429 param= | retryAfterMs=none "
                              "shouldRetry=none");
        QTest::newRow("budget by type")
            << QByteArray(R"({"error":{"message":"Over","type":"budget_exceeded","code":"400"}})")
            << QStringLiteral("budget-exhausted | Over | type=budget_exceeded code=400 param= | retryAfterMs=none "
                              "shouldRetry=none");
        QTest::newRow("error as string")
            << QByteArray(R"({"error":"Connection to upstream lost"})")
            << QStringLiteral("server-error | Connection to upstream lost | type= code= param= | retryAfterMs=none "
                              "shouldRetry=none");
        QTest::newRow("empty error gets a fallback message")
            << QByteArray(R"({"error":{}})")
            << QStringLiteral("server-error | The server reported an error in the stream. | type= code= param= | "
                              "retryAfterMs=none shouldRetry=none");
    }

    void errorFromStreamValue_readsWrappedBareAndStringErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QCOMPARE(describe(errorFromStreamValue(QJsonDocument::fromJson(json).object())), expected);
    }

    void errorFromStreamValue_acceptsPlainString()
    {
        const GatewayError error = errorFromStreamValue(QJsonValue(QStringLiteral("  model   crashed ")));
        QCOMPARE(error.message, QStringLiteral("model crashed"));
        QCOMPARE(error.kind, GatewayErrorKind::ServerError);
        QCOMPARE(error.httpStatus, 0);
    }

    void errorKindName_stableLowerCaseNames()
    {
        const QList<QPair<GatewayErrorKind, const char*>> names{
            {GatewayErrorKind::Auth, "auth"},
            {GatewayErrorKind::Permission, "permission"},
            {GatewayErrorKind::NotFound, "not-found"},
            {GatewayErrorKind::InputTooLong, "input-too-long"},
            {GatewayErrorKind::BadRequest, "bad-request"},
            {GatewayErrorKind::RateLimited, "rate-limited"},
            {GatewayErrorKind::BudgetExhausted, "budget-exhausted"},
            {GatewayErrorKind::ServerError, "server-error"},
            {GatewayErrorKind::Unreachable, "unreachable"},
            {GatewayErrorKind::Timeout, "timeout"},
            {GatewayErrorKind::Truncated, "truncated"},
            {GatewayErrorKind::InvalidResponse, "invalid-response"},
            {GatewayErrorKind::Cancelled, "cancelled"},
        };
        for (const auto& [kind, name] : names)
            QCOMPARE(errorKindName(kind), QLatin1String(name));
    }
};

QTEST_GUILESS_MAIN(TestErrorResponse)
#include "tst_errorresponse.moc"
