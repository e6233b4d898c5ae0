// The SSE parser against arbitrary bytes: never crashes, never exceeds its event limit, and
// gives the same events whether the bytes arrive at once or in pieces of any size (the first
// byte chooses the piece sizes).
#include "core/gateway/protocol/sseparser.h"
#include "fuzzcheck.h"

#include <cstdint>

using genius::gateway::SseEvent;
using genius::gateway::SseParser;

namespace {

constexpr qsizetype kLimit = 4096; // small, so the limit path is reached often

QList<SseEvent> parse(QByteArrayView bytes, qsizetype piece, bool* partial)
{
    SseParser parser(kLimit);
    QList<SseEvent> events;
    for (qsizetype at = 0; at < bytes.size(); at += piece) {
        parser.feed(bytes.sliced(at, std::min(piece, bytes.size() - at)));
        events += parser.takeEvents();
    }
    *partial = parser.finish();
    events += parser.takeEvents();
    return events;
}

bool sameEvents(const QList<SseEvent>& a, const QList<SseEvent>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).event != b.at(i).event || a.at(i).data != b.at(i).data || a.at(i).id != b.at(i).id
            || a.at(i).otherFields != b.at(i).otherFields)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype piece = 1 + data[0] % 17;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));
    bool wholePartial = false;
    bool piecesPartial = false;
    const QList<SseEvent> whole = parse(bytes, std::max<qsizetype>(1, bytes.size()), &wholePartial);
    const QList<SseEvent> pieces = parse(bytes, piece, &piecesPartial);
    FUZZ_CHECK(sameEvents(whole, pieces));
    FUZZ_CHECK(wholePartial == piecesPartial);
    for (const SseEvent& event : whole)
        FUZZ_CHECK(event.data.size() <= kLimit);
    return 0;
}
