// Drives the real genius-aiaas-sim over loopback sockets with QNetworkAccessManager: catalogue,
// authentication, protection classes, request validation, streaming, grounded answers,
// embeddings, budgets, the request log and a sample of faults. No core/ library is involved.
#include "aiaas-sim/fixture/simulatorprocess.h"
#include "testclient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace genius::sim;
using namespace genius::sim::test;

namespace {

const QString sources = u"Quellen:\n[1] Die Hundesteuer in Köln beträgt 156 Euro im Jahr. Sie wird jährlich erhoben.\n"
                        u"[2] Der Bewohnerparkausweis kostet 30 Euro und gilt zwei Jahre.\n"
                        u"[3] Das Bürgerbüro öffnet montags um acht Uhr."_s;

QJsonArray groundedMessages(const QString& question)
{
    return QJsonArray{QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, sources}},
                      QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, question}}};
}

} // namespace

class TestAiaasSim final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimulatorProcess> m_sim;
    QNetworkAccessManager m_manager;

    QString root(const SimulatorProcess& sim) const { return u"http://127.0.0.1:%1"_s.arg(sim.port()); }

    Response get(const QString& path, RequestOptions options = {})
    {
        if (options.key.isEmpty())
            options.key = SimulatorProcess::defaultKey();
        return send(m_manager, root(*m_sim), "GET", path, {}, options);
    }

    Response post(const QString& path, const QByteArray& body, QByteArray protectionClass = "none"_ba,
                  RequestOptions options = {})
    {
        if (options.key.isEmpty())
            options.key = SimulatorProcess::defaultKey();
        options.protectionClass = protectionClass;
        return send(m_manager, root(*m_sim), "POST", path, body, options);
    }

    Response chat(const QString& model, const QJsonArray& messages, bool stream, QByteArray protectionClass = "none"_ba)
    {
        return post(u"/v1/chat/completions"_s, chatBody(model, messages, stream, true), protectionClass);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimulatorProcess>();
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
        QCOMPARE(m_sim->baseUrl().toString(), u"http://127.0.0.1:%1/v1"_s.arg(m_sim->port()));
    }

    void init() { QVERIFY2(m_sim->reset(), qPrintable(m_sim->errorString())); }

    void modelsList_hasClearanceAndLocation()
    {
        const Response response = get(u"/v1/models"_s);
        QCOMPARE(response.status, 200);
        const QJsonObject body = response.json();
        QCOMPARE(body.value(u"object"_s).toString(), u"list"_s);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue& value : body.value(u"data"_s).toArray())
            byId.insert(value.toObject().value(u"id"_s).toString(), value.toObject());
        QCOMPARE(byId.size(), 4);
        const QList<std::array<QString, 3>> expected{{u"sim-public"_s, u"none"_s, u"public-cloud"_s},
                                                     {u"sim-sovereign"_s, u"normal"_s, u"sovereign-cloud"_s},
                                                     {u"sim-onprem"_s, u"high"_s, u"on-prem"_s},
                                                     {u"sim-embed"_s, u"high"_s, u"on-prem"_s}};
        for (const auto& [id, clearance, location] : expected) {
            const QJsonObject entry = byId.value(id);
            QCOMPARE(entry.value(u"object"_s).toString(), u"model"_s);
            QVERIFY(entry.value(u"created"_s).toInteger() > 0);
            QVERIFY(!entry.value(u"owned_by"_s).toString().isEmpty());
            QCOMPARE(entry.value(u"max_protection_class"_s).toString(), clearance);
            QCOMPARE(entry.value(u"location"_s).toString(), location);
        }
        const QJsonArray info = get(u"/v1/model/info"_s).json().value(u"data"_s).toArray();
        QCOMPARE(info.size(), 4);
        QCOMPARE(info.at(3).toObject().value(u"model_info"_s).toObject().value(u"mode"_s).toString(), u"embedding"_s);
    }

    void missingOrUnknownKey_returns401()
    {
        for (const QString& key : {QString(), u"wrong-key"_s}) {
            RequestOptions options;
            options.key = key;
            const Response response = send(m_manager, root(*m_sim), "GET", u"/v1/models"_s, {}, options);
            QCOMPARE(response.status, 401);
            QCOMPARE(response.json().value(u"error"_s).toObject().value(u"type"_s).toString(), u"authentication_error"_s);
            QCOMPARE(response.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"invalid_api_key"_s);
        }
        RequestOptions azure;
        azure.key = SimulatorProcess::defaultKey();
        azure.apiKeyHeader = true;
        QCOMPARE(get(u"/v1/models"_s, azure).status, 200);
    }

    void protectionClass_enforcedAgainstClearance()
    {
        const QJsonArray messages = userMessage(u"Hallo"_s);
        Response response = chat(u"sim-sovereign"_s, messages, false, "high"_ba);
        QCOMPARE(response.status, 403);
        QCOMPARE(response.json().value(u"error"_s).toObject().value(u"type"_s).toString(), u"permission_error"_s);
        QCOMPARE(response.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"protection_class_not_cleared"_s);
        response = chat(u"sim-onprem"_s, messages, false, "very-high"_ba);
        QCOMPARE(response.status, 403);
        QCOMPARE(response.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"protection_class_not_cleared"_s);
        QCOMPARE(chat(u"sim-onprem"_s, messages, false, QByteArray()).status, 400);
        QCOMPARE(chat(u"sim-onprem"_s, messages, false, "secret"_ba).status, 400);
        QCOMPARE(chat(u"sim-onprem"_s, messages, false, "high"_ba).status, 200);
        QCOMPARE(chat(u"sim-unknown"_s, messages, false, "none"_ba).json().value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"model_not_found"_s);
    }

    void schemaViolation_returns400_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject valid{{u"model"_s, u"sim-public"_s}, {u"messages"_s, userMessage(u"Hallo"_s)},
                                {u"stream"_s, false}, {u"max_tokens"_s, 10}};
        QJsonObject body = valid;
        body.remove(u"stream"_s);
        QTest::newRow("stream missing") << body << u"stream"_s;
        body = valid;
        body.insert(u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}});
        QTest::newRow("stream_options without stream") << body << u"stream_options"_s;
        body = valid;
        body.remove(u"max_tokens"_s);
        QTest::newRow("no max tokens") << body << u"max_tokens"_s;
        body = valid;
        body.insert(u"max_completion_tokens"_s, 10);
        QTest::newRow("both max tokens") << body << u"max_tokens"_s;
        body = valid;
        body.insert(u"messages"_s, QJsonArray{});
        QTest::newRow("empty messages") << body << u"messages"_s;
    }

    void schemaViolation_returns400()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const int linesBefore = m_sim->logLineCount();
        const Response response = post(u"/v1/chat/completions"_s, QJsonDocument(body).toJson());
        QCOMPARE(response.status, 400);
        const QJsonObject error = response.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"type"_s).toString(), u"invalid_request_error"_s);
        QVERIFY2(error.value(u"message"_s).toString().contains(field), qPrintable(error.value(u"message"_s).toString()));
        QTRY_COMPARE(m_sim->logLineCount(), linesBefore + 1);
        const QJsonArray schemaErrors = m_sim->logEntries().last().value(u"schema_errors"_s).toArray();
        QVERIFY(!schemaErrors.isEmpty());
        QVERIFY(schemaErrors.first().toString().startsWith(field));
    }

    void streamedChat_endsWithDoneAndUsage()
    {
        const Response response = chat(u"sim-public"_s, userMessage(u"Bitte erkläre die Grundsteuer."_s), true);
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("content-type").startsWith("text/event-stream"));
        const SseStream stream = parseSse(response.body);
        QVERIFY(stream.done);
        QCOMPARE(stream.data.last(), "[DONE]"_ba);
        const QJsonObject firstDelta = stream.firstChunk.value(u"choices"_s).toArray().first().toObject().value(u"delta"_s).toObject();
        QCOMPARE(firstDelta.value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(stream.finishReason, u"stop"_s);
        QVERIFY2(stream.content.contains(u"🙂"_s), qPrintable(stream.content));
        QVERIFY(stream.content.contains(u'ä') || stream.content.contains(u'ß'));
        QVERIFY(stream.content.contains(u"„Bitte erkläre die Grundsteuer.“"_s));
        QCOMPARE(stream.usage.value(u"completion_tokens"_s).toInt(), stream.contentChunks);
        QCOMPARE(stream.usage.value(u"prompt_tokens"_s).toInt(), 8); // ceil(30 characters / 4)
        QCOMPARE(stream.usage.value(u"total_tokens"_s).toInt(), 8 + stream.contentChunks);

        const Response plain = post(u"/v1/chat/completions"_s, chatBody(u"sim-public"_s, userMessage(u"Bitte erkläre die Grundsteuer."_s), false));
        const QJsonObject message = plain.json().value(u"choices"_s).toArray().first().toObject().value(u"message"_s).toObject();
        QCOMPARE(message.value(u"content"_s).toString(), stream.content);
    }

    void maxTokens_stopsWithLength()
    {
        const Response response = post(u"/v1/chat/completions"_s, chatBody(u"sim-public"_s, userMessage(u"Hallo"_s), true, false, 3));
        const SseStream stream = parseSse(response.body);
        QCOMPARE(stream.contentChunks, 3);
        QCOMPARE(stream.finishReason, u"length"_s);
        QVERIFY(stream.usage.isEmpty()); // not asked for
    }

    void groundedAnswer_citesMatchingSources()
    {
        Response response = chat(u"sim-public"_s, groundedMessages(u"Wie hoch ist die Hundesteuer?"_s), false);
        QString answer = response.json().value(u"choices"_s).toArray().first().toObject().value(u"message"_s).toObject().value(u"content"_s).toString();
        QVERIFY2(answer.contains(u"156 Euro im Jahr [1]"_s), qPrintable(answer));
        QVERIFY(!answer.contains(u"[2]"_s));
        QVERIFY(!answer.contains(u"[3]"_s));

        response = chat(u"sim-public"_s, groundedMessages(u"Wie lange gilt der Bewohnerparkausweis und wann öffnet das Bürgerbüro?"_s), false);
        answer = response.json().value(u"choices"_s).toArray().first().toObject().value(u"message"_s).toObject().value(u"content"_s).toString();
        QVERIFY2(answer.contains(u"[2]"_s) && answer.contains(u"[3]"_s) && !answer.contains(u"[1]"_s), qPrintable(answer));

        response = chat(u"sim-public"_s, groundedMessages(u"Wann wird der Sperrmüll abgeholt?"_s), true);
        const QString streamed = parseSse(response.body).content;
        QCOMPARE(streamed, u"Die bereitgestellten Quellen enthalten dazu keine Angaben."_s);
    }

    void embeddings_similarTextsAreCloser()
    {
        const QJsonObject request{{u"model"_s, u"sim-embed"_s},
                                  {u"input"_s, QJsonArray{u"Die Hundesteuer in Köln"_s, u"Hundesteuer Köln Satz"_s,
                                                          u"Öffnungszeiten des Schwimmbads"_s}}};
        const Response floats = post(u"/v1/embeddings"_s, QJsonDocument(request).toJson(), "high"_ba);
        QCOMPARE(floats.status, 200);
        const QJsonArray data = floats.json().value(u"data"_s).toArray();
        QCOMPARE(data.size(), 3);
        QList<QList<double>> vectors;
        for (qsizetype i = 0; i < data.size(); ++i) {
            QCOMPARE(data.at(i).toObject().value(u"index"_s).toInt(), i);
            QCOMPARE(data.at(i).toObject().value(u"object"_s).toString(), u"embedding"_s);
            vectors.append(floatsOf(data.at(i).toObject().value(u"embedding"_s).toArray()));
            QCOMPARE(vectors.last().size(), 256);
            QVERIFY(qAbs(cosine(vectors.last(), vectors.last()) - 1.0) < 1e-6);
        }
        QVERIFY2(cosine(vectors.at(0), vectors.at(1)) > cosine(vectors.at(0), vectors.at(2)) + 0.3,
                 qPrintable(u"%1 vs %2"_s.arg(cosine(vectors.at(0), vectors.at(1))).arg(cosine(vectors.at(0), vectors.at(2)))));
        QVERIFY(floats.json().value(u"usage"_s).toObject().value(u"prompt_tokens"_s).toInt() > 0);

        QJsonObject base64Request = request;
        base64Request.insert(u"encoding_format"_s, u"base64"_s);
        const QJsonArray encoded = post(u"/v1/embeddings"_s, QJsonDocument(base64Request).toJson(), "high"_ba).json().value(u"data"_s).toArray();
        for (qsizetype i = 0; i < encoded.size(); ++i)
            QCOMPARE(floatsOfBase64(encoded.at(i).toObject().value(u"embedding"_s).toString()), vectors.at(i));

        QJsonObject dimensions = request;
        dimensions.insert(u"dimensions"_s, 512);
        QCOMPARE(post(u"/v1/embeddings"_s, QJsonDocument(dimensions).toJson(), "high"_ba).status, 400);
        QCOMPARE(post(u"/v1/embeddings"_s, QJsonDocument(request).toJson(), "very-high"_ba).status, 403);
    }

    void keyInfo_spendGrowsWithTokens()
    {
        const double before = get(u"/key/info"_s).json().value(u"info"_s).toObject().value(u"spend"_s).toDouble();
        QCOMPARE(before, 0.0);
        const Response response = chat(u"sim-public"_s, userMessage(u"Hallo"_s), false);
        const int tokens = response.json().value(u"usage"_s).toObject().value(u"total_tokens"_s).toInt();
        QVERIFY(tokens > 0);
        const QJsonObject info = get(u"/key/info"_s).json();
        QVERIFY(qFuzzyCompare(info.value(u"info"_s).toObject().value(u"spend"_s).toDouble(), 0.002 * tokens / 1000.0));
        QVERIFY(info.value(u"info"_s).toObject().value(u"max_budget"_s).isNull());
        QCOMPARE(info.value(u"key"_s).toString().size(), 8);
    }

    void budget_exhaustedAfterSpending()
    {
        SimulatorProcess sim({u"--key"_s, u"tiny-key:budget=0.00005"_s});
        QVERIFY2(sim.isRunning(), qPrintable(sim.errorString()));
        RequestOptions options;
        options.key = u"tiny-key"_s;
        options.protectionClass = "none"_ba;
        const QByteArray body = chatBody(u"sim-public"_s, userMessage(u"Hallo"_s), false);
        QCOMPARE(send(m_manager, root(sim), "POST", u"/v1/chat/completions"_s, body, options).status, 200);
        const Response refused = send(m_manager, root(sim), "POST", u"/v1/chat/completions"_s, body, options);
        QCOMPARE(refused.status, 400);
        const QJsonObject error = refused.json().value(u"error"_s).toObject();
        QCOMPARE(error.value(u"type"_s).toString(), u"budget_exceeded"_s);
        QVERIFY(error.value(u"message"_s).toString().startsWith(u"Budget has been exceeded! Current cost: "_s));
        const QJsonObject info = send(m_manager, root(sim), "GET", u"/key/info"_s, {}, options).json();
        QCOMPARE(info.value(u"info"_s).toObject().value(u"max_budget"_s).toDouble(), 0.00005);
        QVERIFY(sim.reset());
        QCOMPARE(send(m_manager, root(sim), "POST", u"/v1/chat/completions"_s, body, options).status, 200);
    }

    void requestLog_oneLinePerRequest_neverTheKey()
    {
        const QString key = u"secret-key-4711"_s;
        SimulatorProcess sim({u"--key"_s, key});
        QVERIFY2(sim.isRunning(), qPrintable(sim.errorString()));
        RequestOptions bearer;
        bearer.key = key;
        QCOMPARE(send(m_manager, root(sim), "GET", u"/v1/models"_s, {}, bearer).status, 200);
        RequestOptions apiKey = bearer;
        apiKey.apiKeyHeader = true;
        apiKey.protectionClass = "normal"_ba;
        apiKey.headers.append({"X-Request-ID"_ba, "req-42"_ba});
        const Response chatResponse = send(m_manager, root(sim), "POST", u"/v1/chat/completions"_s,
                                           chatBody(u"sim-sovereign"_s, userMessage(u"Hallo"_s), true), apiKey);
        QCOMPARE(chatResponse.header("x-request-id"), "req-42"_ba);
        RequestOptions none;
        QCOMPARE(send(m_manager, root(sim), "GET", u"/v1/models"_s, {}, none).status, 401);
        QVERIFY(sim.setFault(u"429"_s)); // control requests are not logged

        QTRY_COMPARE(sim.logLineCount(), 3);
        QFile file(sim.logPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(key.toUtf8()));
        const QList<QJsonObject> entries = sim.logEntries();
        const QString keyId = QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(8));
        QCOMPARE(entries.at(0).value(u"auth"_s).toString(), u"bearer"_s);
        QCOMPARE(entries.at(0).value(u"key_id"_s).toString(), keyId);
        QCOMPARE(entries.at(0).value(u"path"_s).toString(), u"/v1/models"_s);
        QCOMPARE(entries.at(1).value(u"auth"_s).toString(), u"api-key"_s);
        QCOMPARE(entries.at(1).value(u"request_id"_s).toString(), u"req-42"_s);
        QCOMPARE(entries.at(1).value(u"model"_s).toString(), u"sim-sovereign"_s);
        QCOMPARE(entries.at(1).value(u"protection_class"_s).toString(), u"normal"_s);
        QCOMPARE(entries.at(1).value(u"stream"_s).toBool(), true);
        QCOMPARE(entries.at(1).value(u"status"_s).toInt(), 200);
        QVERIFY(entries.at(1).value(u"body_bytes"_s).toInt() > 0);
        QVERIFY(!entries.at(1).contains(u"body"_s));
        QCOMPARE(entries.at(2).value(u"auth"_s).toString(), u"none"_s);
        QCOMPARE(entries.at(2).value(u"status"_s).toInt(), 401);
        QVERIFY(sim.stop()); // SIGTERM ends it cleanly with exit code 0
    }

    void splitBytes_deliversTheSameContent_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QJsonObject>("params");
        QTest::newRow("split-bytes") << u"split-bytes"_s << QJsonObject{{u"gap_ms"_s, 1}};
        QTest::newRow("split-random") << u"split-random"_s << QJsonObject{{u"seed"_s, 7}};
    }

    void splitBytes_deliversTheSameContent()
    {
        QFETCH(QString, fault);
        QFETCH(QJsonObject, params);
        // A short answer ("Zu Ihrer"): one byte per millisecond stays quick.
        const QByteArray body = chatBody(u"sim-public"_s, userMessage(u"Grüße aus Münster"_s), true, true, 2);
        const Response normal = post(u"/v1/chat/completions"_s, body);
        QVERIFY(m_sim->setFault(fault, 1, params));
        const Response split = post(u"/v1/chat/completions"_s, body);
        QCOMPARE(split.status, 200);
        const SseStream expected = parseSse(normal.body);
        const SseStream actual = parseSse(split.body);
        QVERIFY(actual.done);
        QCOMPARE(actual.content, expected.content);
        QCOMPARE(actual.usage, expected.usage);
        QVERIFY2(split.readyReadCount > normal.readyReadCount * 4,
                 qPrintable(u"%1 vs %2 reads"_s.arg(split.readyReadCount).arg(normal.readyReadCount)));
        QTRY_COMPARE(m_sim->logEntries().last().value(u"fault"_s).toString(), fault);
    }

    void resetMidStream_cutsTheStream()
    {
        QVERIFY(m_sim->setFault(u"reset-mid-stream"_s, 1, {{u"after"_s, 4}}));
        const Response response = chat(u"sim-public"_s, userMessage(u"Hallo"_s), true);
        QVERIFY(response.finished);
        QVERIFY(response.error != QNetworkReply::NoError);
        const SseStream stream = parseSse(response.body);
        QVERIFY(!stream.done);
        QCOMPARE(stream.contentChunks, 4);
        QVERIFY(stream.finishReason.isEmpty());
    }

    void rateLimit_sendsRetryAfterOnce()
    {
        QVERIFY(m_sim->setFault(u"429"_s, 1, {{u"retry_after"_s, 7}}));
        const Response limited = chat(u"sim-public"_s, userMessage(u"Hallo"_s), false);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("retry-after"), "7"_ba);
        QCOMPARE(chat(u"sim-public"_s, userMessage(u"Hallo"_s), false).status, 200);

        QVERIFY(m_sim->setFault(u"429"_s, 5));
        QVERIFY(m_sim->reset());
        QCOMPARE(chat(u"sim-public"_s, userMessage(u"Hallo"_s), false).status, 200);
    }

    void silent_neverAnswers()
    {
        QVERIFY(m_sim->setFault(u"silent"_s));
        RequestOptions options;
        options.timeoutMs = 1000;
        const Response response = post(u"/v1/chat/completions"_s, chatBody(u"sim-public"_s, userMessage(u"Hallo"_s), true),
                                       "none"_ba, options);
        QVERIFY(!response.finished);
        QCOMPARE(response.status, 0);
        QVERIFY(response.body.isEmpty());
        QCOMPARE(chat(u"sim-public"_s, userMessage(u"Hallo"_s), false).status, 200);
    }

    void gzip_bodyDecodes()
    {
        const QByteArray body = chatBody(u"sim-public"_s, userMessage(u"Hallo"_s), true);
        const QString expected = parseSse(post(u"/v1/chat/completions"_s, body).body).content;
        QVERIFY(m_sim->setFault(u"gzip"_s));
        const SseStream decoded = parseSse(post(u"/v1/chat/completions"_s, body).body);
        QVERIFY(decoded.done);
        QCOMPARE(decoded.content, expected);

        QVERIFY(m_sim->setFault(u"gzip"_s));
        const QByteArray raw = rawExchange(m_sim->port(), "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                                                          "Authorization: Bearer sim-demo-key\r\nX-Protection-Class: none\r\n"
                                                          "Connection: close\r\nContent-Length: "_ba
                                                              + QByteArray::number(body.size()) + "\r\n\r\n"_ba + body);
        const qsizetype headEnd = raw.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        QVERIFY(raw.left(headEnd).toLower().contains("content-encoding: gzip"));
        QVERIFY(raw.left(headEnd).toLower().contains("transfer-encoding: chunked"));
        const qsizetype payload = raw.indexOf("\r\n", headEnd + 4) + 2; // skip the first chunk-size line
        QCOMPARE(raw.mid(payload, 2), "\x1f\x8b"_ba);
    }

    void clientAbortMidStream_simulatorKeepsServing()
    {
        QVERIFY(m_sim->setFault(u"slow-chunks"_s, 1, {{u"gap_ms"_s, 200}}));
        RequestOptions options;
        options.abortOnFirstData = true;
        const Response aborted = post(u"/v1/chat/completions"_s, chatBody(u"sim-public"_s, userMessage(u"Hallo"_s), true),
                                      "none"_ba, options);
        QCOMPARE(aborted.error, QNetworkReply::OperationCanceledError);
        QTest::qWait(600); // the simulator's next chunk timer fires after the client left
        QVERIFY(m_sim->isRunning());
        QCOMPARE(chat(u"sim-public"_s, userMessage(u"Hallo"_s), true).status, 200);
        QCOMPARE(get(u"/v1/models"_s).status, 200);
    }

    void bodyAbove32MB_returns413()
    {
        const QByteArray huge(33 * 1024 * 1024, 'x');
        const Response response = post(u"/v1/chat/completions"_s, huge);
        QCOMPARE(response.status, 413);
        QCOMPARE(get(u"/v1/models"_s).status, 200);
    }

    void conditionalFault_appliesOnlyToMatchingRequests()
    {
        QVERIFY(m_sim->setFault(u"unsupported-max-tokens"_s));
        // max_completion_tokens does not match: the fault stays queued.
        QCOMPARE(chat(u"sim-public"_s, userMessage(u"Hallo"_s), false).status, 200);
        const QJsonObject legacy{{u"model"_s, u"sim-public"_s}, {u"messages"_s, userMessage(u"Hallo"_s)},
                                 {u"stream"_s, false}, {u"max_tokens"_s, 10}};
        const Response refused = post(u"/v1/chat/completions"_s, QJsonDocument(legacy).toJson());
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value(u"error"_s).toObject().value(u"code"_s).toString(), u"unsupported_parameter"_s);
        QCOMPARE(refused.json().value(u"error"_s).toObject().value(u"param"_s).toString(), u"max_tokens"_s);
        QCOMPARE(post(u"/v1/chat/completions"_s, QJsonDocument(legacy).toJson()).status, 200);
    }

    void azurePath_needsApiVersion()
    {
        RequestOptions options;
        options.key = SimulatorProcess::defaultKey();
        options.apiKeyHeader = true;
        const QJsonObject body{{u"messages"_s, userMessage(u"Hallo"_s)}, {u"stream"_s, false}, {u"max_completion_tokens"_s, 5}};
        const QString path = u"/openai/deployments/sim-public/chat/completions"_s;
        QCOMPARE(post(path + u"?api-version=2024-10-21"_s, QJsonDocument(body).toJson(), "none"_ba, options).status, 200);
        QCOMPARE(post(path, QJsonDocument(body).toJson(), "none"_ba, options).status, 400);
    }

    void commandLineFault_isPermanent()
    {
        SimulatorProcess sim({u"--fault"_s, u"models-empty"_s});
        QVERIFY2(sim.isRunning(), qPrintable(sim.errorString()));
        RequestOptions options;
        options.key = SimulatorProcess::defaultKey();
        for (int i = 0; i < 2; ++i) {
            const Response response = send(m_manager, root(sim), "GET", u"/v1/models"_s, {}, options);
            QCOMPARE(response.status, 200);
            QVERIFY(response.json().value(u"data"_s).toArray().isEmpty());
            QVERIFY(sim.reset()); // reset clears queued faults and spends, not the --fault
        }
    }

    void nonLoopbackHost_isRefused()
    {
        QProcess process;
        process.start(QStringLiteral(GENIUS_AIAAS_SIM_PATH), {u"--port"_s, u"0"_s, u"--host"_s, u"192.0.2.1"_s});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardOutput().isEmpty());
        QVERIFY(process.readAllStandardError().contains("loopback"));
    }

    void cleanupTestCase() { QVERIFY(m_sim->stop()); }
};

QTEST_GUILESS_MAIN(TestAiaasSim)
#include "tst_aiaassim.moc"
