#pragma once

#include <QByteArray>

#include <memory>

namespace genius::sim {

/// Incremental gzip compression for a streamed body: every piece is flushed (Z_SYNC_FLUSH) so
/// the client can decode each event as soon as it arrives.
class GzipEncoder final
{
public:
    GzipEncoder();
    ~GzipEncoder();
    GzipEncoder(const GzipEncoder&) = delete;
    GzipEncoder& operator=(const GzipEncoder&) = delete;

    /// Compresses one piece and returns the bytes to send now.
    QByteArray compress(const QByteArray& data);
    /// Ends the gzip member (trailer with CRC and length).
    QByteArray finish();

private:
    QByteArray run(const QByteArray& data, int flush);

    struct State;
    std::unique_ptr<State> m_state;
};

/// One-shot gzip of a complete body.
QByteArray gzipCompress(const QByteArray& data);

} // namespace genius::sim
