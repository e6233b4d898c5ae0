#pragma once

#include <QString>
#include <QStringView>

namespace genius::documents {

/// U+00AD, the soft hyphen: a possible break inside a word, never part of the word.
inline constexpr char16_t kSoftHyphen = 0x00AD;

/// How a word that ends a line with a hyphen joins the first word of the next line.
enum class HyphenJoin {
    Keep, ///< a real line break after a hyphen ("Bundes-\nund Landesrecht")
    JoinDropHyphen, ///< a hyphenated word: "Verwal-" + "tungsakt" -> "Verwaltungsakt"
    JoinKeepHyphen, ///< a hyphenated compound: "Bund-" + "Länder" -> "Bund-Länder"
};

/// Decides how `lineEnd` (the last word of a line, ending with '-') joins `nextLineStart`
/// (the first word of the next line). Lower-case continuations are joined without the
/// hyphen, except conjunctions ("und", "oder", ...), which end an elided compound, and
/// "-lich"/"-isch" adjective pairs ("öffentlich-" + "rechtlichen"), which keep it;
/// upper-case continuations and digits keep the hyphen. Pure.
HyphenJoin classifyLineEndHyphen(QStringView lineEnd, QStringView nextLineStart);

/// True for characters that carry text: not control, not private use, not unassigned,
/// not the replacement character, not whitespace.
bool isUsableTextChar(char32_t c);

/// Characters of `text` that carry text (see isUsableTextChar).
int countUsableChars(QStringView text);

/// True when more than a quarter of the non-space characters of `text` are control or
/// private-use characters: the signature of fonts without a ToUnicode map.
bool looksLikeGarbage(QStringView text);

/// One word of a layout (PDF or OCR): NFC, without soft hyphens, NUL, control, format
/// and private-use characters. Returns an empty string when nothing usable is left.
QString normalizeWord(const QString& word);

/// Text of a format without layout: NFC; line breaks unified to '\n' (CR LF, CR, U+2028,
/// U+2029); no-break and other wide spaces become ' '; soft hyphens, NUL and other control
/// and format characters removed; runs of spaces and tabs inside a line collapsed to one
/// space (indentation at the start of a line is kept); trailing spaces removed; more than
/// one blank line collapsed to one; leading and trailing blank lines removed.
QString normalizeText(QStringView text);

/// Joins words hyphenated across line breaks in plain text, keeping the line break after
/// the joined word: "Verwal-\ntungsakt ist" -> "Verwaltungsakt\nist",
/// "Bund-\nLänder" -> "Bund-Länder\n"; see classifyLineEndHyphen.
QString dehyphenate(QStringView text);

/// Restores section signs that OCR misread, in place and without changing the length (so
/// word offsets stay valid). Returns the number of characters replaced. Rules, checked
/// against the scanned corpus and its ground truth:
/// - "$" and "$$" as tokens of their own before a number become "§"/"§§" ("$ 35",
///   "($ 5)"). A '$' glued to digits stays: in the corpus "$0 Prozent" was "50 Prozent".
/// - "8", "S", "88", "SS" become "§"/"§§" only before a section number ("35", "3a") and
///   only where a quantity cannot be meant: the number is followed by "Abs."/"Absatz"/
///   "Satz"/"Nr."/"bis"/"und"/"ff."/"des"/"der"/... ("nach 8 17 Abs. 2"), or the sign
///   starts a line and the number is followed by a capitalised word ("8 9 Begriff des
///   Verwaltungsverfahrens"), or a twofold sign starts an enumeration ("Die 88 5, 7 und 8"),
///   or a word like "nach"/"gemäß"/"des"/"die" precedes it ("nach 8 17"). "8 Wochen",
///   "8 35 kg" and "S. 12" stay as they are.
int recoverSectionSigns(QString& text);

/// Restores the digit 1 that OCR read as 'l', 'I' or '|', in place and length-preserving,
/// only where a number must stand: a list number at the start of a line before a
/// lower-case word ("l. zu erwartenden Einnahmen" -> "1. zu ...") and the number after
/// "Nr."/"Satz"/"Abs."/"Absatz"/"Absätze(n)"/"Nummer(n)"/"Art."/"Fußnote" ("Nr. |" ->
/// "Nr. 1", "Absätzen I und 2" -> "Absätzen 1 und 2"). Returns the count.
int recoverDigitOne(QString& text);

} // namespace genius::documents
