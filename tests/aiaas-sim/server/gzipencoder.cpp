#include "gzipencoder.h"

#include <zlib.h>

namespace genius::sim {

struct GzipEncoder::State {
    z_stream stream{};
    bool finished = false;
};

GzipEncoder::GzipEncoder()
    : m_state(std::make_unique<State>())
{
    // windowBits 15 + 16 selects the gzip wrapper instead of raw zlib.
    deflateInit2(&m_state->stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

GzipEncoder::~GzipEncoder()
{
    deflateEnd(&m_state->stream);
}

QByteArray GzipEncoder::compress(const QByteArray& data)
{
    return run(data, Z_SYNC_FLUSH);
}

QByteArray GzipEncoder::finish()
{
    return run({}, Z_FINISH);
}

QByteArray GzipEncoder::run(const QByteArray& data, int flush)
{
    if (m_state->finished)
        return {};
    z_stream& stream = m_state->stream;
    QByteArray input = data; // zlib wants a non-const pointer
    stream.next_in = reinterpret_cast<Bytef*>(input.data());
    stream.avail_in = static_cast<uInt>(input.size());
    QByteArray output;
    char buffer[16384];
    int result = Z_OK;
    do {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        result = deflate(&stream, flush);
        output.append(buffer, static_cast<qsizetype>(sizeof buffer - stream.avail_out));
    } while (stream.avail_out == 0 || (flush == Z_FINISH && result == Z_OK));
    if (flush == Z_FINISH)
        m_state->finished = true;
    return output;
}

QByteArray gzipCompress(const QByteArray& data)
{
    GzipEncoder encoder;
    QByteArray compressed = encoder.compress(data);
    compressed += encoder.finish(); // in this order: the trailer comes last
    return compressed;
}

} // namespace genius::sim
