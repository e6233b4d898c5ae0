#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace genius::gateway {

/// One Server-Sent Event. `data` is the raw bytes of all `data:` lines joined with '\n'
/// (decode only now, when the event is whole: a multi-byte character may have been split
/// across reads). Other fields (`error:` as llama.cpp sends it) are kept by name.
struct SseEvent {
    QString event;             ///< the `event:` field; empty means "message"
    QByteArray data;           ///< joined `data:` lines
    QString id;                ///< the `id:` field of this event (not inherited from earlier events)
    QList<QPair<QString, QByteArray>> otherFields; ///< unknown fields, e.g. {"error", "{...}"}
};

/// A pure incremental parser for text/event-stream (WHATWG HTML "Server-sent events"):
/// bytes in, events out. Accepts LF, CRLF and lone CR line endings (also mixed and split
/// across reads), strips one space after the colon, ignores a leading BOM, and counts
/// comment lines (`: ping`) so the caller can reset its idle timer. Memory is bounded by the
/// largest single event; parsing cost is linear in the input.
///
/// An event is dispatched at a blank line if it had a `data:` line (even an empty one, as
/// the spec says) or an unknown field such as llama.cpp's `error:`; a block of only
/// `event:`, `id:` or `retry:` lines is dropped, as in the spec.
class SseParser final
{
public:
    /// `maxEventBytes` bounds one event; a larger event makes `overflowed()` true and the
    /// parser drops input until the next blank line.
    explicit SseParser(qsizetype maxEventBytes = 16 * 1024 * 1024);

    /// Feeds the next bytes from the network, however they were split.
    void feed(QByteArrayView bytes);
    /// Ends the input. A last line without a line break is still processed as a line (so
    /// `data: [DONE]` right before EOF counts), then a pending event without its closing
    /// blank line is dispatched. Returns true if such an unterminated line was pending: the
    /// decoder uses it to tell a stream cut inside its last event (case 11) from a clean end.
    /// Afterwards the parser is ready for a new stream (the BOM is accepted again).
    bool finish();

    /// The events completed so far, in order; clears them.
    QList<SseEvent> takeEvents();
    /// Comment lines seen since the last call; clears the count.
    int takeCommentCount();
    /// Whether any event exceeded the limit.
    bool overflowed() const { return m_overflowed; }
    /// Whether bytes of an unfinished event are pending (used to tell a cut stream).
    bool hasPendingData() const;

    /// Bytes examined for line breaks so far. Each input byte is examined once, so this
    /// equals the bytes fed; tests use it to prove the cost is linear without timing.
    qint64 scannedBytes() const { return m_scannedBytes; }
    /// Bytes currently allocated by the line buffer and the pending event (for memory tests).
    qsizetype bufferedCapacity() const;

private:
    bool consumeBom(bool atEnd);
    void processBuffer();
    qsizetype findLineBreak();
    void acceptLine(QByteArrayView line);
    void processLine(QByteArrayView line);
    bool reserveEventBytes(qsizetype bytes);
    void startDiscarding();
    void checkPartialLine();
    void compact();
    void dispatch();
    void resetEvent();

    QByteArray m_buffer;        ///< bytes not yet split into lines; [m_lineStart, size) is the open line
    qsizetype m_lineStart = 0;  ///< where the current, unterminated line begins
    qsizetype m_scanFrom = 0;   ///< where the search for the next line break resumes
    bool m_skipLf = false;      ///< the previous line ended in CR: a following LF belongs to it
    bool m_bomChecked = false;
    bool m_overflowed = false;
    bool m_discarding = false;  ///< dropping an oversized event until its blank line
    bool m_discardedPartial = false; ///< bytes of the current line were dropped while discarding
    qsizetype m_maxEventBytes;
    qsizetype m_eventBytes = 0; ///< bytes stored for the current event
    SseEvent m_current;
    bool m_hasData = false;
    QList<SseEvent> m_events;
    int m_comments = 0;
    qint64 m_scannedBytes = 0;
};

} // namespace genius::gateway
