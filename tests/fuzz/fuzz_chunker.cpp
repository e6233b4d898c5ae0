// The chunker against arbitrary text: never crashes, and every chunk keeps its promises — it
// lies inside the full text, its text is that span (form feeds as line breaks), its pages are
// the pages it spans, its size stays within maxChars (a single longer word aside), and the
// chunks are in order.
#include "core/chunking/chunk.h"
#include "fuzzcheck.h"

#include <cstdint>

using namespace genius::chunking;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 3)
        return 0;
    ChunkingOptions options;
    options.maxChars = 20 + data[0] % 200;
    options.targetChars = 10 + data[1] % 200;
    options.overlapChars = data[2] % 60;
    ChunkSource source;
    source.title = QStringLiteral("Titel");
    source.markdown = data[0] & 1;
    source.paged = !(data[1] & 1);
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data) + 3, static_cast<qsizetype>(size - 3));
    source.pages = text.split(QLatin1Char('\f'));
    const QString full = source.pages.join(QLatin1Char('\f'));

    const QList<Chunk> chunks = chunkDocument(source, options);
    int previousStart = -1;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const Chunk& chunk = chunks.at(i);
        FUZZ_CHECK(chunk.ordinal == i);
        FUZZ_CHECK(0 <= chunk.start && chunk.start < chunk.end && chunk.end <= full.size());
        FUZZ_CHECK(chunk.start >= previousStart);
        previousStart = chunk.start;
        QString span = full.mid(chunk.start, chunk.end - chunk.start);
        FUZZ_CHECK(chunk.text == span.replace(QLatin1Char('\f'), QLatin1Char('\n')));
        if (source.paged) {
            const int firstPage = 1 + static_cast<int>(full.left(chunk.start).count(QLatin1Char('\f')));
            const int lastPage = firstPage + static_cast<int>(full.mid(chunk.start, chunk.end - chunk.start - 1).count(QLatin1Char('\f')));
            FUZZ_CHECK(chunk.firstPage == firstPage);
            FUZZ_CHECK(chunk.lastPage >= chunk.firstPage && chunk.lastPage <= lastPage + 1);
        } else {
            FUZZ_CHECK(chunk.firstPage == 0 && chunk.lastPage == 0);
        }
    }
    return 0;
}
