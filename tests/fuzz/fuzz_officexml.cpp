// The DOCX and ODT XML readers against arbitrary bytes: never crash, refuse exactly the input
// that is not well-formed XML (as Qt's own reader judges it) and always with the one "damaged"
// error, and read metadata from anything without failing.
// Input: one selector byte (bit 0: DOCX or ODT), then the body part, then after the first
// "\0\0" the styles (DOCX) or metadata part.
#include "core/documents/officexml.h"
#include "fuzzcheck.h"

#include <QXmlStreamReader>

#include <cstdint>

using namespace genius::documents;

namespace {

bool wellFormed(const QByteArray& xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    return !reader.hasError();
}

void checkBody(const genius::common::Result<QString>& body, const QByteArray& xml)
{
    FUZZ_CHECK(body.has_value() == wellFormed(xml));
    if (!body) {
        FUZZ_CHECK(body.error().code == genius::common::ErrorCode::Corrupt);
        FUZZ_CHECK(!body.error().detail.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));
    const qsizetype split = rest.indexOf(QByteArray("\0\0", 2));
    const QByteArray body = split < 0 ? rest : rest.left(split);
    const QByteArray second = split < 0 ? QByteArray() : rest.mid(split + 2);

    if (data[0] & 1) {
        checkBody(parseOdtBody(body), body);
        const DocumentMetadata metadata = parseOdtMetadata(second);
        FUZZ_CHECK(metadata.title == metadata.title.simplified());
    } else {
        checkBody(parseDocxBody(body, second), body);
        const DocumentMetadata metadata = parseDocxMetadata(second);
        FUZZ_CHECK(metadata.author == metadata.author.simplified());
    }
    return 0;
}
