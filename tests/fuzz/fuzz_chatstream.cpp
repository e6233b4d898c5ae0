// The stream decoder against arbitrary SSE streams and completion bodies: never crashes, and
// once an error was decoded nothing more is added.
#include "core/gateway/protocol/chatstreamdecoder.h"
#include "core/gateway/protocol/sseparser.h"
#include "fuzzcheck.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>

using namespace genius::gateway;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    SseParser parser(64 * 1024);
    parser.feed(bytes);
    const bool partial = parser.finish();
    ChatStreamDecoder decoder;
    for (const SseEvent& event : parser.takeEvents()) {
        const bool failed = decoder.error().has_value();
        const QString content = decoder.content();
        const QString added = decoder.handle(event);
        if (failed) { // the first error ends the decoding: nothing is added after it
            FUZZ_CHECK(added.isEmpty());
            FUZZ_CHECK(decoder.content() == content);
        }
        FUZZ_CHECK(decoder.content().endsWith(added));
    }
    const StreamOutcome outcome = decoder.finish(partial);
    FUZZ_CHECK((outcome == StreamOutcome::Failed) == decoder.error().has_value());

    // The same bytes as a whole (non-streamed) body.
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    if (document.isObject()) {
        ChatStreamDecoder body;
        body.handleCompletionBody(document.object());
        body.finish(false);
    }
    return 0;
}
