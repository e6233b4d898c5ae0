#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace genius::chunking {

/// The text to chunk: a document's pages in order. The document's full text is the pages'
/// texts joined by '\f' (form feed); every offset below refers to that full text.
struct ChunkSource {
    QString title;          ///< document title, the root of every heading path
    QStringList pages;      ///< page texts, page 1 first
    bool paged = true;      ///< false: formats without pages (chunks report page 0)
    bool markdown = false;  ///< '#' headings are structure
};

/// Size of the chunks in characters.
struct ChunkingOptions {
    int targetChars = 1200; ///< aim for this size
    int maxChars = 2000;    ///< never exceed (a longer paragraph is split at sentences)
    int overlapChars = 150; ///< repeat this much of the previous chunk's end (at a sentence or word boundary)
};

/// One retrievable passage with its anchors.
struct Chunk {
    int ordinal = 0;         ///< 0-based position in the document
    int start = 0;           ///< first character in the full text
    int end = 0;             ///< one past the last character in the full text
    int firstPage = 0;       ///< 1-based; 0 for formats without pages
    int lastPage = 0;
    QStringList headingPath; ///< e.g. {"Verwaltungsverfahrensgesetz", "Teil III", "§ 35 Begriff des Verwaltungsaktes"}
    QString text;            ///< full text [start, end) with '\f' replaced by '\n'
};

/// Splits a document into structure-aware chunks: headings, § / Art. boundaries of legal
/// texts and paragraphs start new chunks; chunks stay within maxChars. Pure and deterministic.
QList<Chunk> chunkDocument(const ChunkSource& source, const ChunkingOptions& options = {});

} // namespace genius::chunking
