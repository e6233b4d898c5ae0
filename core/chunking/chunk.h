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

/// Splits a document into structure-aware chunks: headings and § / Art. units start new
/// chunks; chunks stay within maxChars. Pure and deterministic, linear in the length of the
/// text. No I/O, no logging of text; safe to call from several threads at once.
///
/// Structure. Markdown sources: '#'..'######' headings only (not inside ``` fences). Other
/// sources: lines that start a legal unit ("§ 12 Title", "§ 12a", "§§ 12 bis 14", "Art. 5",
/// "Artikel 5 – Title"), a division ("Buch", "Teil", "Kapitel", "Abschnitt",
/// "Unterabschnitt", "Titel", "Anlage", "Anhang" with a number, or "Erster Abschnitt") or,
/// before the first § / Art., a numbered heading ("1.2 Zweck"); such a line counts only after a
/// blank line, a page break, a finished sentence or another heading, and not when it is a
/// citation ("§ 35 Abs. 2 ..."). Titles wrapped over up to three lines are joined. Levels:
/// Markdown by '#' count; otherwise Anlage/Buch > Teil > Kapitel > Abschnitt >
/// Unterabschnitt > Titel > § / Art. > numbered headings. A heading closes every open heading
/// of its level and below; the heading path is the title followed by the open headings. A
/// heading that repeats the title ("Verwaltungsverfahrensgesetz (VwVfG)") is left out.
///
/// Units and chunks. Each heading starts a unit that runs to the next heading. Headings with
/// no text of their own before a deeper heading ("Teil III", "Abschnitt 1", then "§ 35") open
/// the next unit's first chunk, which carries the deepest path. A unit up to maxChars is one
/// chunk; a longer one is split into even pieces near targetChars, preferring paragraph
/// breaks, then Absatz / list item lines ("(2)", "3.", "a)"), then sentence ends (German
/// abbreviations, single letters and ordinals such as "Abs.", "z. B.", "S.", "1." do not end
/// a sentence), then spaces; only a word longer than maxChars is cut. Every piece after the
/// first starts up to overlapChars earlier at a sentence start (else a word start); chunks of
/// different units never overlap.
///
/// Merging. A unit that stays whole joins the previous chunk (a whole unit or the last piece
/// of a split one) when both have the same parent path and the merged chunk stays within
/// targetChars. Where a § / Art. is involved, only a stub without text ("§ 24 (weggefallen)")
/// joins (then up to maxChars): every § with text keeps a chunk, and a citation, of its own.
/// A merged chunk carries the first unit's heading path (the common parent plus its first
/// heading); the other units' headings stay in its text.
///
/// Options are clamped: maxChars >= 1, 1 <= targetChars <= maxChars,
/// 0 <= overlapChars <= targetChars / 2. Empty or whitespace-only text gives no chunks.
QList<Chunk> chunkDocument(const ChunkSource& source, const ChunkingOptions& options = {});

} // namespace genius::chunking
