#include "streamplayer.h"

#include "gzipencoder.h"
#include "httpconnection.h"

namespace genius::sim {

StreamPlayer::StreamPlayer(HttpConnection* connection, StreamPlan plan)
    : QObject(connection)
    , m_connection(connection)
    , m_plan(std::move(plan))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StreamPlayer::writeNext);
    // A client that disconnects mid-stream must stop the timers at once.
    connect(m_connection, &HttpConnection::closed, &m_timer, &QTimer::stop);
    if (m_plan.gzip)
        m_gzip = std::make_unique<GzipEncoder>();
}

StreamPlayer::~StreamPlayer() = default;

void StreamPlayer::start()
{
    m_connection->beginStream(m_plan.status, m_plan.headers,
                              m_plan.closeDelimited ? HttpConnection::Framing::CloseDelimited
                                                    : HttpConnection::Framing::Chunked);
    scheduleNext();
}

void StreamPlayer::scheduleNext()
{
    if (!m_connection->isOpen())
        return;
    if (m_next >= m_plan.writes.size()) {
        if (m_gzip)
            m_connection->writeStream(m_gzip->finish());
        m_connection->endStream();
        deleteLater();
        return;
    }
    m_timer.start(qMax(0, m_plan.writes.at(m_next).delayMs));
}

void StreamPlayer::writeNext()
{
    if (!m_connection->isOpen())
        return;
    const StreamWrite& write = m_plan.writes.at(m_next++);
    m_connection->writeStream(encode(write.bytes));
    if (write.abortAfter) {
        m_connection->abort(m_plan.hardReset);
        return;
    }
    scheduleNext();
}

QByteArray StreamPlayer::encode(const QByteArray& bytes)
{
    return m_gzip && !bytes.isEmpty() ? m_gzip->compress(bytes) : bytes;
}

} // namespace genius::sim
