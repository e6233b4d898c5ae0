#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace genius::documents::testing {

/// The shared corpus folder, or an empty string when it is not there (tests then skip).
QString corpusDir();

/// A committed fixture of tests/unit/documents/fixtures.
QString fixturePath(const QString& name);

/// Writes `bytes` to `path`; false on failure.
bool writeFile(const QString& path, const QByteArray& bytes);

/// Levenshtein distance of two strings (character error counts).
qsizetype editDistance(QStringView a, QStringView b);

/// All runs of white space replaced by one space, ends trimmed: layout-free comparison.
QString collapseWhitespace(const QString& text);

} // namespace genius::documents::testing
