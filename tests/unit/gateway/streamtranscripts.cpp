#include "streamtranscripts.h"

#include <initializer_list>

namespace genius::gateway::test {

namespace {

// One `data:` line with a chunk whose only choice has index 0, as OpenAI sends it.
QByteArray chunk(const QByteArray& delta, const QByteArray& finish = "null", const QByteArray& extra = {})
{
    return QByteArray(R"(data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,)"
                      R"("model":"m1","choices":[{"index":0,"delta":{)")
        + delta + R"(},"finish_reason":)" + finish + "}]" + extra + "}";
}

QByteArray content(const QByteArray& text)
{
    return chunk(R"("content":")" + text + "\"");
}

QByteArray finished(const QByteArray& reason)
{
    return chunk({}, reason);
}

// Events (each one or more lines), each closed by a blank line.
QByteArray stream(std::initializer_list<QByteArray> events, const QByteArray& eol = "\n")
{
    QByteArray out;
    for (const QByteArray& event : events)
        out += event + eol + eol;
    return out;
}

const QByteArray kDone = "data: [DONE]";

QString text(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QList<Transcript> framingTranscripts()
{
    return {
        {.name = QStringLiteral("case01_utf8MultiByteCharsSplitAnywhere"),
         .bytes = stream({content("Grüße, "), content("5 € "), content("🙂 ä"), finished(R"("stop")"), kDone}),
         .expected = {.content = text("Grüße, 5 € 🙂 ä"), .finish = QStringLiteral("stop")}},
        {.name = QStringLiteral("case02_manyEventsInOneRead"),
         .bytes = stream({content("a"), content("b"), content("c"), content("d"), content("e"), content("f"),
                          content("g"), content("h"), content("i"), content("j"), finished(R"("stop")"), kDone}),
         .expected = {.content = QStringLiteral("abcdefghij"), .finish = QStringLiteral("stop")}},
        {.name = QStringLiteral("case03_crlfEndingsWithLeadingBom"),
         .bytes = "\xEF\xBB\xBF" + stream({content("Hello"), content(" world"), kDone}, "\r\n"),
         .expected = {.content = QStringLiteral("Hello world")}},
        {.name = QStringLiteral("case03_loneCrEndings"),
         .bytes = stream({content("Hello"), ": ping", content(" world"), kDone}, "\r"),
         .expected = {.content = QStringLiteral("Hello world")}},
        {.name = QStringLiteral("case03_mixedEndings"),
         .bytes = content("one") + "\r\n\n" + content(" two") + "\r\r" + content(" three") + "\n\r\n" + ": c\r"
             + content(" four") + "\r\n\r" + kDone + "\n\n",
         .expected = {.content = QStringLiteral("one two three four")}},
        {.name = QStringLiteral("case03_crlfSplitInsideMultiLineEvent"),
         .bytes = stream({"data: {\"model\":\"m1\",\r\ndata: \"choices\":[{\"index\":0,\r\ndata: \"delta\":"
                          "{\"content\":\"one event\"}}]}",
                          kDone},
                         "\r\n"),
         .expected = {.content = QStringLiteral("one event")}},
        {.name = QStringLiteral("case04_dataWithoutSpaceAndWithTwoSpaces"),
         .bytes = stream({R"(data:{"choices":[{"index":0,"delta":{"content":"tight"}}],"model":"m1"})",
                          R"(data:  {"choices":[{"index":0,"delta":{"content":" loose"}}]})", "data:[DONE]"}),
         .expected = {.content = QStringLiteral("tight loose")}},
        {.name = QStringLiteral("case05_multiLineDataJoinedWithNewline"),
         .bytes = stream({"data: {\"model\":\"m1\",\ndata: \"choices\":[{\"index\":0,\ndata: \"delta\":{\"content\":"
                          "\"joined\"}}]}",
                          kDone}),
         .expected = {.content = QStringLiteral("joined")}},
        {.name = QStringLiteral("case06_commentsEverywhereIgnored"),
         .bytes = ": welcome\n\n:\n" + content("a") + "\n: keep-alive\n\n: ping\n" + content("b") + "\n\n"
             + ": keep-alive\n:\n\n: before done\n" + kDone + "\n\n: after done\n",
         .expected = {.content = QStringLiteral("ab")}},
        {.name = QStringLiteral("case07_eventIdRetryFieldsIgnored"),
         .bytes = stream({"retry: 3000", "event: message\nid: 1\n" + content("x"),
                          "id: 2\nevent: message\n" + content("y"), "id\nretry: abc\n" + kDone}),
         .expected = {.content = QStringLiteral("xy")}},
        {.name = QStringLiteral("case08_doneWithoutTrailingNewline"),
         .bytes = stream({content("end"), finished(R"("stop")")}) + kDone,
         .expected = {.content = QStringLiteral("end"), .finish = QStringLiteral("stop")}},
        {.name = QStringLiteral("case09_finishReasonWithoutDoneIsLenientlyComplete"),
         .bytes = stream({content("done"), finished(R"("stop")")}),
         .expected = {.content = QStringLiteral("done"),
                      .finish = QStringLiteral("stop"),
                      .outcome = QStringLiteral("completed-lenient")}},
        {.name = QStringLiteral("case10_noDoneNoFinishReasonIsTruncatedKeepingPartial"),
         .bytes = stream({content("Partial"), content(" ans")}),
         .expected = {.content = QStringLiteral("Partial ans"), .outcome = QStringLiteral("truncated")}},
        {.name = QStringLiteral("case11_lastEventCutMidJsonIsTruncated"),
         .bytes = stream({content("Hel")}) + R"(data: {"choices":[{"index":0,"delta":{"content":"lo wo)",
         .expected = {.content = QStringLiteral("Hel"), .outcome = QStringLiteral("truncated")}},
        {.name = QStringLiteral("case11_cutMidJsonAfterFinishReasonIsTruncated"),
         .bytes = stream({content("Hi"), finished(R"("stop")")}) + R"(data: {"choices":[],"usage":{"prompt_tok)",
         .expected = {.content = QStringLiteral("Hi"),
                      .finish = QStringLiteral("stop"),
                      .outcome = QStringLiteral("truncated")}},
        {.name = QStringLiteral("case12_surrogatePairSplitAcrossEvents"),
         .bytes = stream({content(R"(smile \ud83d)"), content(R"(\ude42!)"), kDone}),
         .expected = {.content = text("smile 🙂!")}},
        {.name = QStringLiteral("case13_lineAndParagraphSeparatorsAreContent"),
         .bytes = stream({content(R"(a\u2028b)"), content("\xE2\x80\xA8" "c" "\xE2\x80\xA9" "d"), kDone}),
         .expected = {.content = text("a\u2028b\u2028c\u2029d")}},
        {.name = QStringLiteral("case14_emptyAndKeepaliveDataIgnored"),
         .bytes = stream({"data:", content("a"), "data: \"\"", "data: : keepalive", "data", "data: \ndata: ",
                          content("b"), kDone}),
         .expected = {.content = QStringLiteral("ab")}},
    };
}

QList<Transcript> semanticTranscripts()
{
    return {
        {.name = QStringLiteral("case18_roleChunkWithEmptyOrNullContentAddsNoText"),
         .bytes = stream({chunk(R"("role":"assistant","content":"")"), chunk(R"("content":null)"), chunk({}),
                          chunk(R"("role":"assistant")"), content("Hi"), kDone}),
         .expected = {.content = QStringLiteral("Hi")}},
        {.name = QStringLiteral("case19_inStreamErrorThenEofFailsKeepingPartial"),
         .bytes = stream({content("Hel"),
                          R"(data: {"error":{"message":"Upstream model crashed","type":"server_error","code":500}})"}),
         .expected = {.content = QStringLiteral("Hel"),
                      .outcome = QStringLiteral("failed"),
                      .error = QStringLiteral("server-error: Upstream model crashed")}},
        {.name = QStringLiteral("case20_eventErrorFails"),
         .bytes = stream({content("a"),
                          "event: error\n"
                          R"(data: {"error":{"message":"Rate limit reached","type":"requests",)"
                          R"("code":"rate_limit_exceeded"}})",
                          content("ignored"), kDone}),
         .expected = {.content = QStringLiteral("a"),
                      .outcome = QStringLiteral("failed"),
                      .error = QStringLiteral("rate-limited: Rate limit reached")}},
        {.name = QStringLiteral("case21_llamaCppErrorFieldThenDoneFails"),
         .bytes = stream({R"(error: {"code":400,"message":"the request exceeds the available context size",)"
                          R"("type":"exceed_context_size_error"})",
                          kDone}),
         .expected = {.outcome = QStringLiteral("failed"),
                      .error = QStringLiteral("input-too-long: the request exceeds the available context size"),
                      .model = {}}},
        {.name = QStringLiteral("case22_azurePromptFilterResultsSkipped"),
         .bytes = stream({R"(data: {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":)"
                          R"([{"prompt_index":0,"content_filter_results":{"hate":{"filtered":false,)"
                          R"("severity":"safe"}}}]})",
                          content("ok"), kDone}),
         .expected = {.content = QStringLiteral("ok")}},
        {.name = QStringLiteral("case23_usageChunkRecorded"),
         .bytes = stream({chunk(R"("content":"x")", "null", R"(,"usage":null)"),
                          chunk({}, R"("stop")", R"(,"usage":null)"),
                          R"(data: {"choices":[],"model":"m1","usage":{"prompt_tokens":12,"completion_tokens":3,)"
                          R"("total_tokens":15}})",
                          kDone}),
         .expected = {.content = QStringLiteral("x"),
                      .usage = QStringLiteral("12/3/15"),
                      .finish = QStringLiteral("stop")}},
        {.name = QStringLiteral("case24_noUsageChunkLeavesUsageUnknown"),
         .bytes = stream({content("x"), finished(R"("stop")"), kDone}),
         .expected = {.content = QStringLiteral("x"), .finish = QStringLiteral("stop")}},
        {.name = QStringLiteral("case25_interleavedParallelToolCallsReassembled"),
         .bytes = stream({chunk(R"("role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a","type":)"
                                R"("function","function":{"name":"get_weather","arguments":""}}])"),
                          chunk(R"("tool_calls":[{"index":1,"id":"call_b","type":"function","function":)"
                                R"({"name":"get_time","arguments":"{\"tz\""}}])"),
                          chunk(R"("tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}])"),
                          chunk(R"("tool_calls":[{"index":1,"function":{"arguments":":\"CET\"}"}},)"
                                R"({"index":0,"function":{"arguments":"\"Köln\"}"}}])"),
                          finished(R"("tool_calls")"), kDone}),
         .expected = {.toolCalls = text("0|call_a|get_weather|{\"city\":\"Köln\"}\n"
                                        "1|call_b|get_time|{\"tz\":\"CET\"}"),
                      .finish = QStringLiteral("tool-calls")}},
        {.name = QStringLiteral("case26_finishReasonLength"),
         .bytes = stream({content("cut"), finished(R"("length")"), kDone}),
         .expected = {.content = QStringLiteral("cut"), .finish = QStringLiteral("length")}},
        {.name = QStringLiteral("case26_finishReasonContentFilter"),
         .bytes = stream({content("no"), finished(R"("content_filter")"), kDone}),
         .expected = {.content = QStringLiteral("no"), .finish = QStringLiteral("content-filter")}},
        {.name = QStringLiteral("case26_unknownFinishReasonKeptAsOther"),
         .bytes = stream({content("x"), finished(R"("eos_token")"), kDone}),
         .expected = {.content = QStringLiteral("x"), .finish = QStringLiteral("other(eos_token)")}},
        {.name = QStringLiteral("case26_emptyFinishReasonIsNotAFinish"),
         .bytes = stream({chunk(R"("content":"x")", R"("")"), finished(R"("")")}),
         .expected = {.content = QStringLiteral("x"), .outcome = QStringLiteral("truncated")}},
        {.name = QStringLiteral("case27_onlyChoiceIndexZeroUsed"),
         .bytes = stream({R"(data: {"model":"m1","choices":[{"index":1,"delta":{"content":"B1"}},)"
                          R"({"index":0,"delta":{"content":"A1"}}]})",
                          R"(data: {"choices":[{"index":1,"delta":{"content":"B2"},"finish_reason":"stop"}]})",
                          R"(data: {"choices":[{"index":0,"delta":{"content":"A2"},"finish_reason":"length"}]})",
                          kDone}),
         .expected = {.content = QStringLiteral("A1A2"), .finish = QStringLiteral("length")}},
        {.name = QStringLiteral("case28_extraFieldsToleratedReasoningSeparate"),
         .bytes = stream({chunk(R"("reasoning_content":"Think ","content":null)", "null",
                                R"(,"system_fingerprint":"fp_1","obfuscation":"abc")"),
                          chunk(R"("reasoning":"more. ")"),
                          chunk(R"("content":"Answer","content_filter_results":{"hate":{"filtered":false}})"),
                          kDone}),
         .expected = {.content = QStringLiteral("Answer"), .reasoning = QStringLiteral("Think more. ")}},
        {.name = QStringLiteral("case29_varyingIdsMissingCreatedEmptyModelTolerated"),
         .bytes = stream({R"(data: {"id":"a","model":"","choices":[{"index":0,"delta":{"content":"1"}}]})",
                          R"(data: {"id":"b","created":0,"model":"m2",)"
                          R"("choices":[{"index":0,"delta":{"content":"2"}}]})",
                          R"(data: {"id":"c","model":"","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})",
                          kDone}),
         .expected = {.content = QStringLiteral("12"),
                      .finish = QStringLiteral("stop"),
                      .model = QStringLiteral("m2")}},
        {.name = QStringLiteral("case30_whitespaceOnlyContentPreserved"),
         .bytes = stream({content(" "), content("\\n"), content("x"), content(" "), kDone}),
         .expected = {.content = QStringLiteral(" \nx ")}},
        {.name = QStringLiteral("case31_nonStreamBodyDecoded"),
         .bytes = R"({"id":"chatcmpl-9","object":"chat.completion","created":1,"model":"m1","choices":[{"index":0,)"
                  R"("message":{"role":"assistant","content":"Hallo Köln","reasoning_content":"kurz",)"
                  R"("tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]},)"
                  R"("finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2}})",
         .expected = {.content = text("Hallo Köln"),
                      .reasoning = QStringLiteral("kurz"),
                      .toolCalls = QStringLiteral("0|call_1|f|{}"),
                      .usage = QStringLiteral("5/2/-"),
                      .finish = QStringLiteral("stop")},
         .wholeBody = true},
        {.name = QStringLiteral("case31_nonStreamErrorBodyFails"),
         .bytes = R"({"error":{"message":"The model does not exist","type":"invalid_request_error",)"
                  R"("param":"model","code":"model_not_found"}})",
         .expected = {.outcome = QStringLiteral("failed"),
                      .error = QStringLiteral("not-found: The model does not exist"),
                      .model = {}},
         .wholeBody = true},
    };
}

} // namespace

QList<Transcript> chatTranscripts()
{
    return framingTranscripts() + semanticTranscripts();
}

} // namespace genius::gateway::test
