#include "core/documents/pagetext.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace genius::documents {

namespace {

// Layout: magic, version, quint32 count, then per word float32 x, y, w, h, qint32 offset,
// quint16 length; all little-endian. A new layout gets a new version byte.
constexpr char kMagic = 'W';
constexpr char kVersion = 1;
constexpr qsizetype kHeaderBytes = 2 + 4;
constexpr qsizetype kWordBytes = 4 * 4 + 4 + 2;

void putU32(char*& out, quint32 value)
{
    qToLittleEndian(value, out);
    out += 4;
}

void putFloat(char*& out, double value)
{
    const float f = static_cast<float>(value);
    quint32 bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    putU32(out, bits);
}

quint32 getU32(const char*& in)
{
    const quint32 value = qFromLittleEndian<quint32>(in);
    in += 4;
    return value;
}

float getFloat(const char*& in)
{
    const quint32 bits = getU32(in);
    float f = 0;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

} // namespace

QByteArray encodeWordBoxes(const QList<WordBox>& words)
{
    QByteArray data(kHeaderBytes + kWordBytes * words.size(), Qt::Uninitialized);
    char* out = data.data();
    *out++ = kMagic;
    *out++ = kVersion;
    putU32(out, static_cast<quint32>(words.size()));
    for (const WordBox& word : words) {
        putFloat(out, word.box.x());
        putFloat(out, word.box.y());
        putFloat(out, word.box.width());
        putFloat(out, word.box.height());
        putU32(out, static_cast<quint32>(word.offset));
        // A "word" longer than 65535 characters is not a word; clamp rather than wrap.
        const auto length = static_cast<quint16>(std::clamp<qint32>(word.length, 0, 0xFFFF));
        qToLittleEndian(length, out);
        out += 2;
    }
    return data;
}

QList<WordBox> decodeWordBoxes(const QByteArray& data)
{
    if (data.size() < kHeaderBytes || data.at(0) != kMagic || data.at(1) != kVersion)
        return {};
    const char* in = data.constData() + 2;
    const quint32 count = getU32(in);
    if (count > static_cast<quint32>(std::numeric_limits<qsizetype>::max() / kWordBytes)
        || data.size() != kHeaderBytes + kWordBytes * static_cast<qsizetype>(count))
        return {};
    QList<WordBox> words;
    words.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        const float x = getFloat(in);
        const float y = getFloat(in);
        const float w = getFloat(in);
        const float h = getFloat(in);
        const auto offset = static_cast<qint32>(getU32(in));
        const quint16 length = qFromLittleEndian<quint16>(in);
        in += 2;
        if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(w) || !std::isfinite(h) || w < 0 || h < 0
            || offset < 0)
            return {};
        words.append(WordBox { QRectF(x, y, w, h), offset, length });
    }
    return words;
}

} // namespace genius::documents
