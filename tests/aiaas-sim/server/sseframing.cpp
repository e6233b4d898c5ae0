#include "sseframing.h"

#include <QJsonDocument>

#include <random>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

constexpr int defaultSlowGapMs = 1000;
constexpr int defaultLongGapMs = 3000;
constexpr int defaultPingEveryMs = 500;
constexpr int defaultGapAfterContent = 2;
constexpr int defaultRandomMaxBytes = 13;

/// Adds ": ping" at the start, bare ":" and ": keep-alive" between events, ": keep-alive"
/// without a blank line before [DONE] (case 6).
QList<SseEvent> withComments(const QList<SseEvent>& events)
{
    QList<SseEvent> result{{SseEvent::Kind::Comment, "ping"_ba, {}, false, true}};
    for (qsizetype i = 0; i < events.size(); ++i) {
        const SseEvent& event = events.at(i);
        if (event.kind == SseEvent::Kind::Data && event.payload == "[DONE]")
            result.append({SseEvent::Kind::Comment, "keep-alive"_ba, {}, false, false});
        else if (i > 0 && i % 2 == 0)
            result.append({SseEvent::Kind::Comment, {}, {}, false, false});
        else if (i > 0)
            result.append({SseEvent::Kind::Comment, "keep-alive"_ba, {}, false, true});
        result.append(event);
    }
    return result;
}

class Renderer
{
public:
    explicit Renderer(const QString& fault)
        : m_fault(fault)
    {
    }

    QByteArray render(const SseEvent& event)
    {
        QByteArray bytes;
        switch (event.kind) {
        case SseEvent::Kind::Raw: return event.payload;
        case SseEvent::Kind::Abort: return {};
        case SseEvent::Kind::Comment:
            bytes = ":"_ba;
            if (!event.payload.isEmpty())
                bytes += ' ' + event.payload;
            bytes += '\n';
            if (event.blankLine)
                bytes += '\n';
            break;
        case SseEvent::Kind::Data:
            bytes = renderData(event);
            break;
        }
        return applyLineEndings(bytes);
    }

private:
    QByteArray renderData(const SseEvent& event)
    {
        QByteArray bytes;
        if (!event.eventName.isEmpty())
            bytes += "event: "_ba + event.eventName + '\n';
        if (m_fault == u"sse-fields") {
            bytes += "event: message\nid: "_ba + QByteArray::number(m_dataCount + 1) + '\n';
            if (m_dataCount == 0)
                bytes += "retry: 3000\n"_ba;
        }
        ++m_dataCount;
        QByteArray payload = event.payload;
        if (m_fault == u"multiline-data") {
            const QJsonDocument document = QJsonDocument::fromJson(payload);
            if (document.isObject())
                payload = document.toJson(QJsonDocument::Indented).trimmed();
        }
        QByteArray prefix = "data: "_ba;
        if (m_fault == u"data-nospace")
            prefix = "data:"_ba;
        else if (m_fault == u"data-two-spaces")
            prefix = "data:  "_ba;
        if (payload.isEmpty())
            return bytes + "data:\n\n"_ba;
        for (const QByteArray& line : payload.split('\n'))
            bytes += prefix + line + '\n';
        return bytes + '\n';
    }

    QByteArray applyLineEndings(QByteArray bytes)
    {
        QByteArray ending;
        if (m_fault == u"crlf")
            ending = "\r\n"_ba;
        else if (m_fault == u"cr")
            ending = "\r"_ba;
        else if (m_fault == u"mixed-endings")
            ending = QList<QByteArray>{"\n"_ba, "\r\n"_ba, "\r"_ba}.at(m_mixedIndex++ % 3);
        if (!ending.isEmpty() && ending != "\n")
            bytes.replace('\n', ending);
        return bytes;
    }

    QString m_fault;
    int m_dataCount = 0;
    int m_mixedIndex = 0;
};

/// Cuts the whole stream into pieces of random size (case 1), deterministic per seed.
QList<StreamWrite> splitStream(const QList<StreamWrite>& writes, int maxBytes, int gapMs, quint32 seed)
{
    QByteArray all;
    bool abortAtEnd = false;
    for (const StreamWrite& write : writes) {
        all += write.bytes;
        abortAtEnd = abortAtEnd || write.abortAfter;
    }
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> size(1, qMax(1, maxBytes));
    QList<StreamWrite> result;
    for (qsizetype offset = 0; offset < all.size();) {
        const qsizetype length = maxBytes <= 1 ? 1 : size(random);
        result.append({all.mid(offset, length), result.isEmpty() ? 0 : gapMs, false});
        offset += length;
    }
    if (abortAtEnd)
        result.append({{}, 0, true});
    return result;
}

} // namespace

QList<StreamWrite> frameEvents(const QList<SseEvent>& events, const QString& fault, const QJsonObject& params,
                               int chunkDelayMs)
{
    const QList<SseEvent> shaped = fault == u"comments" ? withComments(events) : events;
    int gapMs = chunkDelayMs;
    if (fault == u"slow-chunks")
        gapMs = params.value(u"gap_ms"_s).toInt(defaultSlowGapMs);
    else if (fault == u"long-stream")
        gapMs = params.value(u"gap_ms"_s).toInt(0);
    const bool longGap = fault == u"gap-no-bytes" || fault == u"gap-with-pings";
    const int longGapMs = params.value(u"gap_ms"_s).toInt(defaultLongGapMs);
    const int pingEveryMs = qMax(1, params.value(u"ping_every_ms"_s).toInt(defaultPingEveryMs));
    const int gapAfter = params.value(u"after"_s).toInt(defaultGapAfterContent);

    Renderer renderer(fault);
    QList<StreamWrite> writes;
    int contentSeen = 0;
    bool gapDone = false;
    for (const SseEvent& event : shaped) {
        if (event.kind == SseEvent::Kind::Abort) {
            writes.append({{}, gapMs, true});
            break;
        }
        int delay = writes.isEmpty() ? 0 : gapMs;
        if (longGap && !gapDone && contentSeen >= gapAfter) {
            gapDone = true;
            delay = longGapMs;
            if (fault == u"gap-with-pings") {
                for (int elapsed = pingEveryMs; elapsed < longGapMs; elapsed += pingEveryMs)
                    writes.append({renderer.render({SseEvent::Kind::Comment, "ping"_ba, {}, false, true}), pingEveryMs, false});
                delay = longGapMs - (longGapMs - 1) / pingEveryMs * pingEveryMs;
            }
        }
        writes.append({renderer.render(event), delay, false});
        contentSeen += event.content ? 1 : 0;
    }

    if (fault == u"split-bytes")
        return splitStream(writes, 1, params.value(u"gap_ms"_s).toInt(0), 0);
    if (fault == u"split-random")
        return splitStream(writes, params.value(u"max_bytes"_s).toInt(defaultRandomMaxBytes),
                           params.value(u"gap_ms"_s).toInt(1), static_cast<quint32>(params.value(u"seed"_s).toInt(1)));
    if (fault == u"many-events-one-write") {
        StreamWrite one;
        for (const StreamWrite& write : writes) {
            one.bytes += write.bytes;
            one.abortAfter = one.abortAfter || write.abortAfter;
        }
        return {one};
    }
    return writes;
}

} // namespace genius::sim
