#pragma once

#include "outcome.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace genius::sim {

class GzipEncoder;
class HttpConnection;

/// Writes a StreamPlan to a connection, one write per timer tick, and stops as soon as the
/// client goes away. Child of the connection, so it never outlives it.
class StreamPlayer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamPlayer)

public:
    StreamPlayer(HttpConnection* connection, StreamPlan plan);
    ~StreamPlayer() override;

    void start();

private:
    void writeNext();
    void scheduleNext();
    QByteArray encode(const QByteArray& bytes);

    HttpConnection* m_connection;
    StreamPlan m_plan;
    qsizetype m_next = 0;
    QTimer m_timer;
    std::unique_ptr<GzipEncoder> m_gzip;
};

} // namespace genius::sim
