#pragma once

#include "core/services/functionresult.h"

namespace genius::services {

/// An answer whose citations were checked against the sources it was given.
struct MappedCitations {
    QString text;                 ///< citations renumbered 1..k in order of first use
    QList<AnswerSource> sources;  ///< the cited sources in that order
    QList<AnswerPoint> points;
    QList<int> removed;           ///< cited numbers with no such source (removed from the text)
};

/// Finds `[n]`, `[n, m]`, `[n-m]` and `[Quelle n]` citations in a model's answer, drops the
/// ones that point at nothing provided, renumbers the rest in order of first use, and
/// splits the answer into points (list items or sentences) with their citations.
MappedCitations mapCitations(const QString& answer, const QList<AnswerSource>& provided);

/// Splits a text into statements: each non-empty line, and each sentence of a paragraph
/// (German abbreviations such as "z. B.", "Abs." and "Nr." do not end a sentence).
QStringList splitStatements(const QString& text);

} // namespace genius::services
