#pragma once

#include <QStringList>

// One function per genius-bench subcommand; main.cpp lists them in its table.
namespace genius::bench {

/// `vector-search --chunks N --dim D [--queries Q] [--k K] [--threads T] [--recall-queries R]`
int vectorSearch(const QStringList& arguments);
/// `retrieval [--corpus DIR] [--sweep] [--failures]`: GermanQuAD retrieval, ours against plain FTS5.
int retrieval(const QStringList& arguments);
/// `legal-retrieval [--laws DIR] [--questions FILE] [--details] [--all-laws]`: statute
/// questions, structure-aware chunks against fixed 1000-character chunks.
int legalRetrieval(const QStringList& arguments);
/// `evidence-gate [--laws DIR] [--questions FILE] [--unanswerable FILE] [--details]`: how well
/// index::EvidenceGate lets the statute questions through and rejects questions the laws do not answer.
int evidenceGate(const QStringList& arguments);
/// `tokenizer [--laws DIR]`: FTS5 indexing throughput of our tokenizers and SQLite's.
int tokenizer(const QStringList& arguments);

/// `import-pdf [--dir DIR]`: the import queue on text PDFs against pdftotext on the same files.
int importPdf(const QStringList& arguments);
/// `import-ocr [--dir DIR]`: OCR import of scanned PDFs against pdftoppm + tesseract (one process
/// per core), with the character error rate of both against the ground truth.
int importOcr(const QStringList& arguments);

/// `search-latency [--chunks N] [--rounds R] [--laws DIR] [--questions FILE]`: lexical search
/// latency over N passages, ours against plain FTS5 over the same passages.
int searchLatency(const QStringList& arguments);

/// `store-publish [--laws DIR] [--count N] [--dim D]`: publishing N statutes with D-dimensional
/// vectors into a throwaway PostgreSQL cluster and a staff member's sync of them, beside COPY of
/// the same rows in and out (the floors).
int storePublish(const QStringList& arguments);

#ifdef GENIUS_BENCH_UI
/// `stream-render [--tokens N] [--tokens-per-render K]`: CPU time to render a streamed Markdown
/// answer incrementally, beside converting the whole answer once.
int streamRender(const QStringList& arguments);
/// `startup`: milliseconds from building the app's services to the main window shown, beside
/// an empty window (offscreen or under Xvfb).
int startup(const QStringList& arguments);
#endif

} // namespace genius::bench
