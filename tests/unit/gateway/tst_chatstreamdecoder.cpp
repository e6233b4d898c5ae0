#include "core/gateway/protocol/chatstreamdecoder.h"
#include "core/gateway/protocol/sseparser.h"

#include "streamtranscripts.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace genius::gateway;
using genius::gateway::test::Expected;
using genius::gateway::test::Transcript;

namespace {

QString usageText(bool reported, const Usage& usage)
{
    if (!reported)
        return QStringLiteral("unknown");
    const auto count = [](const std::optional<qint64>& value) {
        return value ? QString::number(*value) : QStringLiteral("-");
    };
    return count(usage.promptTokens) + QLatin1Char('/') + count(usage.completionTokens) + QLatin1Char('/')
        + count(usage.totalTokens);
}

QString render(const Expected& e, bool hasOutput, bool streamedMatches)
{
    return QStringLiteral("outcome: %1\ncontent: %2\nreasoning: %3\ntools: %4\nusage: %5\nfinish: %6\nerror: %7\n"
                          "model: %8\nhasOutput: %9\nstreamed text == content: %10")
        .arg(e.outcome, e.content, e.reasoning, e.toolCalls, e.usage, e.finish, e.error, e.model,
             hasOutput ? QStringLiteral("yes") : QStringLiteral("no"),
             streamedMatches ? QStringLiteral("yes") : QStringLiteral("no"));
}

QString renderExpected(const Expected& e)
{
    return render(e, !e.content.isEmpty() || !e.reasoning.isEmpty() || !e.toolCalls.isEmpty(), true);
}

/// Feeds the pieces through SseParser and ChatStreamDecoder (or, for a body, decodes the
/// joined pieces at once) and renders everything the decoder reports.
QString decode(const QList<QByteArray>& pieces, bool wholeBody)
{
    ChatStreamDecoder decoder;
    QString streamed;
    StreamOutcome outcome;
    if (wholeBody) {
        decoder.handleCompletionBody(QJsonDocument::fromJson(pieces.join()).object());
        outcome = decoder.finish(false);
    } else {
        SseParser parser;
        const auto drain = [&] {
            const QList<SseEvent> events = parser.takeEvents();
            for (const SseEvent& event : events)
                streamed += decoder.handle(event);
        };
        for (const QByteArray& piece : pieces) {
            parser.feed(piece);
            drain();
        }
        const bool partialLine = parser.finish();
        drain();
        outcome = decoder.finish(partialLine);
    }
    Expected actual;
    switch (outcome) {
    case StreamOutcome::Completed:
        actual.outcome = decoder.sawDone() ? QStringLiteral("completed") : QStringLiteral("completed-lenient");
        break;
    case StreamOutcome::Failed: actual.outcome = QStringLiteral("failed"); break;
    case StreamOutcome::Truncated: actual.outcome = QStringLiteral("truncated"); break;
    }
    actual.content = decoder.content();
    actual.reasoning = decoder.reasoning();
    QStringList tools;
    for (const ToolCall& call : decoder.toolCalls())
        tools << QString::number(call.index) + QLatin1Char('|') + call.id + QLatin1Char('|') + call.name
                + QLatin1Char('|') + call.arguments;
    actual.toolCalls = tools.join(QLatin1Char('\n'));
    actual.usage = usageText(decoder.usageReported(), decoder.usage());
    actual.finish = finishReasonName(decoder.finishReason());
    if (decoder.finishReason() == FinishReason::Other)
        actual.finish += QLatin1Char('(') + decoder.rawFinishReason() + QLatin1Char(')');
    if (decoder.error())
        actual.error = errorKindName(decoder.error()->kind) + QStringLiteral(": ") + decoder.error()->message;
    actual.model = decoder.model();
    return render(actual, decoder.hasOutput(), wholeBody || streamed == decoder.content());
}

QList<QByteArray> randomPieces(const QByteArray& bytes, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<QByteArray> pieces;
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype size = random.bounded(1, 24);
        pieces << bytes.mid(at, size);
        at += size;
    }
    return pieces;
}

} // namespace

class TestChatStreamDecoder final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transcript_sameResultHoweverSplit_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("wholeBody");
        QTest::addColumn<QString>("expected");
        for (const Transcript& transcript : genius::gateway::test::chatTranscripts())
            QTest::newRow(qPrintable(transcript.name))
                << transcript.bytes << transcript.wholeBody << renderExpected(transcript.expected);
    }

    void transcript_sameResultHoweverSplit()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, wholeBody);
        QFETCH(QString, expected);

        QCOMPARE(decode({bytes}, wholeBody), expected);
        for (qsizetype at = 1; at < bytes.size(); ++at) {
            const QString actual = decode({bytes.left(at), bytes.mid(at)}, wholeBody);
            if (actual != expected)
                QFAIL(qPrintable(QStringLiteral("split at byte %1 gave:\n%2").arg(at).arg(actual)));
        }
        QList<QByteArray> bytewise;
        for (char byte : std::as_const(bytes))
            bytewise << QByteArray(1, byte);
        QCOMPARE(decode(bytewise, wholeBody), expected);
        for (quint32 seed = 1; seed <= 8; ++seed)
            QCOMPARE(decode(randomPieces(bytes, seed), wholeBody), expected);
    }

    void transcriptTable_coversEveryStreamCase()
    {
        QSet<int> cases;
        for (const Transcript& transcript : genius::gateway::test::chatTranscripts())
            cases.insert(transcript.name.mid(4, 2).toInt());
        for (int wanted :
             {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31})
            QVERIFY2(cases.contains(wanted), qPrintable(QStringLiteral("no transcript for case %1").arg(wanted)));
    }

    void tenThousandEvents_allContentDecoded()
    {
        QByteArray bytes;
        QString expected;
        for (int i = 0; i < 10000; ++i) {
            bytes += "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + QByteArray::number(i % 10)
                + "\"}}]}\n\n";
            expected += QString::number(i % 10);
        }
        bytes += "data: [DONE]\n\n";
        QList<QByteArray> pieces;
        for (qsizetype at = 0; at < bytes.size(); at += 4096)
            pieces << bytes.mid(at, 4096);
        const QString result = decode(pieces, false);
        QVERIFY(result.startsWith(QStringLiteral("outcome: completed\ncontent: ") + expected + QLatin1Char('\n')));
    }

    void toolArgumentsOverOneMegabyte_reassembled()
    {
        const QByteArray blob(1100 * 1024, 'z');
        const QByteArray bytes = R"(data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c",)"
                                 R"("function":)"
                                 "{\"name\":\"save\",\"arguments\":\"{\\\"text\\\":\\\""
            + blob + R"(\"}"}}]},"finish_reason":"tool_calls"}]})" + "\n\ndata: [DONE]\n\n";
        SseParser parser;
        ChatStreamDecoder decoder;
        for (qsizetype at = 0; at < bytes.size(); at += 1000) {
            parser.feed(QByteArrayView(bytes).sliced(at, std::min<qsizetype>(1000, bytes.size() - at)));
            const QList<SseEvent> events = parser.takeEvents();
            for (const SseEvent& event : events)
                decoder.handle(event);
        }
        QCOMPARE(decoder.finish(parser.finish()), StreamOutcome::Completed);
        QCOMPARE(decoder.toolCalls().size(), 1);
        const QString expected = QStringLiteral("{\"text\":\"") + QString::fromLatin1(blob) + QStringLiteral("\"}");
        QCOMPARE(decoder.toolCalls().at(0).arguments, expected);
        QCOMPARE(decoder.finishReason(), FinishReason::ToolCalls);
    }

    void finishReason_mappedWithStableNames_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("name");
        QTest::newRow("stop") << QStringLiteral("stop") << QStringLiteral("stop");
        QTest::newRow("length") << QStringLiteral("length") << QStringLiteral("length");
        QTest::newRow("content_filter") << QStringLiteral("content_filter") << QStringLiteral("content-filter");
        QTest::newRow("tool_calls") << QStringLiteral("tool_calls") << QStringLiteral("tool-calls");
        QTest::newRow("legacy function_call") << QStringLiteral("function_call") << QStringLiteral("tool-calls");
        QTest::newRow("unknown string") << QStringLiteral("end_turn") << QStringLiteral("other");
        QTest::newRow("empty") << QString() << QStringLiteral("unknown");
    }

    void finishReason_mappedWithStableNames()
    {
        QFETCH(QString, raw);
        QFETCH(QString, name);
        QCOMPARE(finishReasonName(parseFinishReason(raw)), name);
    }

    void toolCallsWithoutIndex_keptApartByIdOrName()
    {
        ChatStreamDecoder decoder; // Ollama style: whole calls, no index, no id
        decoder.handleCompletionBody(QJsonDocument::fromJson(
            R"({"choices":[{"message":{"tool_calls":[{"function":{"name":"a","arguments":{"x":1}}},)"
            R"({"function":{"name":"b","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})").object());
        QCOMPARE(decoder.finish(false), StreamOutcome::Completed);
        QCOMPARE(decoder.toolCalls().size(), 2);
        QCOMPARE(decoder.toolCalls().at(0).name, QStringLiteral("a"));
        QCOMPARE(decoder.toolCalls().at(0).arguments, QStringLiteral("{\"x\":1}"));
        QCOMPARE(decoder.toolCalls().at(1).name, QStringLiteral("b"));
        QCOMPARE(decoder.toolCalls().at(1).index, 1);
        QVERIFY(decoder.hasOutput());
    }

    void completionBodyWithoutChoices_isInvalidResponse()
    {
        ChatStreamDecoder decoder;
        decoder.handleCompletionBody(QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}});
        QCOMPARE(decoder.finish(false), StreamOutcome::Failed);
        QVERIFY(decoder.error().has_value());
        QCOMPARE(decoder.error()->kind, GatewayErrorKind::InvalidResponse);
        QVERIFY(!decoder.hasOutput());
    }

    void roleOnlyStream_hasNoOutputAndUnknownUsage()
    {
        ChatStreamDecoder decoder;
        SseEvent event;
        event.data = R"({"choices":[{"index":0,"delta":{"role":"assistant","content":null},"finish_reason":null}],)"
                     R"("usage":null})";
        QCOMPARE(decoder.handle(event), QString());
        QVERIFY(!decoder.hasOutput());
        QVERIFY(!decoder.usageReported());
        QVERIFY(!decoder.usage().promptTokens && !decoder.usage().completionTokens && !decoder.usage().totalTokens);
        QCOMPARE(decoder.finish(false), StreamOutcome::Truncated);
    }
};

QTEST_GUILESS_MAIN(TestChatStreamDecoder)
#include "tst_chatstreamdecoder.moc"
