#include "core/gateway/protocol/sseparser.h"

#include <utility>

namespace genius::gateway {

namespace {

constexpr QByteArrayView kBom("\xEF\xBB\xBF");
// After a very large event the line buffer is released instead of kept for reuse, so one
// 10 MB tool call does not pin 10 MB for the rest of the stream.
constexpr qsizetype kKeepCapacity = 64 * 1024;

} // namespace

SseParser::SseParser(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes)
{
}

void SseParser::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    m_buffer.append(bytes);
    processBuffer();
}

bool SseParser::finish()
{
    if (!m_bomChecked)
        consumeBom(true);
    bool partial = false;
    if (m_discarding) {
        partial = m_discardedPartial || m_lineStart < m_buffer.size();
    } else if (m_lineStart < m_buffer.size()) {
        partial = true;
        processLine(QByteArrayView(m_buffer).sliced(m_lineStart));
    }
    // A pending event whose blank line never came (EOF right after `data: [DONE]`).
    if (m_discarding)
        resetEvent();
    else
        dispatch();
    m_buffer = QByteArray();
    m_lineStart = m_scanFrom = 0;
    m_skipLf = m_bomChecked = m_discarding = m_discardedPartial = false;
    return partial;
}

QList<SseEvent> SseParser::takeEvents()
{
    return std::exchange(m_events, {});
}

int SseParser::takeCommentCount()
{
    return std::exchange(m_comments, 0);
}

bool SseParser::hasPendingData() const
{
    return m_lineStart < m_buffer.size() || m_hasData || !m_current.otherFields.isEmpty() || m_discarding;
}

qsizetype SseParser::bufferedCapacity() const
{
    qsizetype fields = 0;
    for (const auto& field : m_current.otherFields)
        fields += field.second.capacity();
    return m_buffer.capacity() + m_current.data.capacity() + fields;
}

bool SseParser::consumeBom(bool atEnd)
{
    const QByteArrayView pending = QByteArrayView(m_buffer).sliced(m_lineStart);
    // Too few bytes to decide: the BOM itself may be split across reads.
    if (!atEnd && pending.size() < kBom.size() && kBom.startsWith(pending))
        return false;
    if (pending.startsWith(kBom))
        m_lineStart = m_scanFrom = m_lineStart + kBom.size();
    m_bomChecked = true;
    return true;
}

void SseParser::processBuffer()
{
    if (!m_bomChecked && !consumeBom(false))
        return;
    for (;;) {
        if (m_skipLf) {
            if (m_lineStart == m_buffer.size())
                break; // the CR was the last byte so far: the LF may still come
            if (m_buffer.at(m_lineStart) == '\n')
                m_scanFrom = ++m_lineStart;
            m_skipLf = false;
        }
        const qsizetype lineEnd = findLineBreak();
        if (lineEnd < 0)
            break;
        const QByteArrayView line(m_buffer.constData() + m_lineStart, lineEnd - m_lineStart);
        m_skipLf = m_buffer.at(lineEnd) == '\r';
        m_lineStart = m_scanFrom = lineEnd + 1;
        acceptLine(line);
    }
    checkPartialLine();
    compact();
}

qsizetype SseParser::findLineBreak()
{
    // Resumes where the last search stopped, so a long line arriving in many small reads
    // is examined once in total, not once per read.
    const char* data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    for (qsizetype i = m_scanFrom; i < size; ++i) {
        if (data[i] == '\n' || data[i] == '\r') {
            m_scannedBytes += i + 1 - m_scanFrom;
            m_scanFrom = i + 1;
            return i;
        }
    }
    m_scannedBytes += size - m_scanFrom;
    m_scanFrom = size;
    return -1;
}

void SseParser::acceptLine(QByteArrayView line)
{
    if (!m_discarding) {
        processLine(line);
        return;
    }
    // Only the blank line that ends the oversized event ends the discarding.
    if (line.isEmpty() && !m_discardedPartial) {
        m_discarding = false;
        resetEvent();
    }
    m_discardedPartial = false;
}

void SseParser::processLine(QByteArrayView line)
{
    if (line.isEmpty()) {
        dispatch();
        return;
    }
    if (line.front() == ':') {
        ++m_comments;
        return;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView name = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1); // exactly one space: `data:  x` keeps " x"

    if (name == QByteArrayView("data")) {
        if (!reserveEventBytes(value.size() + 1))
            return;
        m_current.data.append(value);
        m_current.data.append('\n');
        m_hasData = true;
    } else if (name == QByteArrayView("event")) {
        m_current.event = QString::fromUtf8(value);
    } else if (name == QByteArrayView("id")) {
        if (!value.contains('\0')) // the spec ignores an id containing NUL
            m_current.id = QString::fromUtf8(value);
    } else if (name == QByteArrayView("retry")) {
        // Reconnection is the caller's policy, never the server's.
    } else {
        if (!reserveEventBytes(name.size() + value.size()))
            return;
        m_current.otherFields.append({QString::fromUtf8(name), value.toByteArray()});
    }
}

bool SseParser::reserveEventBytes(qsizetype bytes)
{
    if (m_eventBytes + bytes > m_maxEventBytes) {
        startDiscarding();
        return false;
    }
    m_eventBytes += bytes;
    return true;
}

void SseParser::startDiscarding()
{
    m_overflowed = true;
    m_discarding = true;
    m_discardedPartial = false;
    resetEvent();
}

void SseParser::checkPartialLine()
{
    const qsizetype partial = m_buffer.size() - m_lineStart;
    if (partial == 0)
        return;
    if (!m_discarding && m_eventBytes + partial > m_maxEventBytes)
        startDiscarding();
    if (m_discarding) {
        // Drop the bytes at once: an oversized event must not grow the buffer.
        m_discardedPartial = true;
        m_buffer.truncate(m_lineStart);
        m_scanFrom = m_lineStart;
    }
}

void SseParser::compact()
{
    if (m_lineStart == m_buffer.size()) {
        if (m_buffer.capacity() > kKeepCapacity)
            m_buffer = QByteArray();
        else
            m_buffer.resize(0);
        m_lineStart = m_scanFrom = 0;
        return;
    }
    // Move the open line to the front only when at least as many consumed bytes go away as
    // are moved: every byte is then moved at most a constant number of times on average.
    const qsizetype open = m_buffer.size() - m_lineStart;
    if (m_lineStart >= open) {
        m_buffer.remove(0, m_lineStart);
        m_scanFrom -= m_lineStart;
        m_lineStart = 0;
    }
}

void SseParser::dispatch()
{
    if (m_hasData || !m_current.otherFields.isEmpty()) {
        if (m_hasData)
            m_current.data.chop(1); // the '\n' after the last data line
        m_events.append(std::move(m_current));
    }
    resetEvent();
}

void SseParser::resetEvent()
{
    m_current = SseEvent();
    m_hasData = false;
    m_eventBytes = 0;
}

} // namespace genius::gateway
