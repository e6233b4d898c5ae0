#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace genius::chunking {

/// Heading levels of non-Markdown text: a fixed rank per kind of division, so that a higher
/// division (a new "Teil") closes every lower one ("Abschnitt", "§").
namespace level {
inline constexpr int Annex = 1; ///< Anlage, Anhang, Buch
inline constexpr int Part = 2; ///< Teil
inline constexpr int Chapter = 3; ///< Kapitel
inline constexpr int Section = 4; ///< Abschnitt
inline constexpr int Subsection = 5; ///< Unterabschnitt
inline constexpr int Title = 6; ///< Titel
inline constexpr int LegalUnit = 7; ///< § 12, Art. 5, Artikel 5
inline constexpr int NumberedBase = 7; ///< "1.2 Zweck" has level NumberedBase + 2
} // namespace level

/// A heading recognised on one line (plus the lines its title wraps onto).
struct HeadingMatch {
    int level = 0;
    bool legal = false; ///< a § / Art. unit
    bool bare = false; ///< "§ 12" alone: the title may be on the next line
    QString text; ///< the heading as shown in a heading path, whitespace simplified
};

/// One structural section of the full text: from its heading line (or the start of the text)
/// up to the next heading line.
struct Section {
    int start = 0; ///< first character of the heading line (0 for the preamble)
    int headingEnd = 0; ///< end of the heading lines; equals start for the preamble
    int end = 0; ///< start of the next section, or the end of the text
    int level = 0; ///< heading level (Markdown: number of '#'); 0 for the preamble
    bool legal = false; ///< the heading is a § / Art. unit
    bool ownHeading = false; ///< the last element of path is this section's own heading
    QStringList path; ///< title, then the open headings from the top down
};

/// Recognises headings on single lines. Holds its compiled patterns; one per chunking run.
class HeadingMatcher final
{
public:
    HeadingMatcher();

    /// Matches a "#".."######" Markdown heading (up to three spaces of indentation).
    std::optional<HeadingMatch> matchMarkdown(QStringView line) const;
    /// Matches a legal unit or a division heading of plain text: "§ 12 Title", "§§ 12 bis 14",
    /// "Art. 5 Title", "Artikel 5 – Title", "Teil III - Title", "Erster Abschnitt", "Anlage 2".
    std::optional<HeadingMatch> matchStructural(QStringView line) const;
    /// Matches a numbered heading of plain text: "1.2 Zweck", "3. Ergebnisse".
    std::optional<HeadingMatch> matchNumbered(QStringView line) const;
    /// True when `line` could be the title of a bare heading or the rest of a wrapped one.
    bool isTitleContinuation(QStringView line) const;

private:
    QRegularExpression m_legal;
    QRegularExpression m_division;
    QRegularExpression m_ordinalDivision;
    QRegularExpression m_numbered;
};

/// Splits `fullText` into sections at headings and computes each section's heading path.
/// Markdown text: '#' headings only. Plain text: legal units, divisions and numbered
/// headings that stand on a line of their own after a blank line or a finished sentence.
QList<Section> findSections(QStringView fullText, const QString& title, bool markdown);

} // namespace genius::chunking
