#pragma once

#include <QString>
#include <QStringList>

namespace genius::test {

/// Writes a text PDF with Qt (A4, 300 dpi, DejaVu Sans 11 pt), one entry of `pages` per page,
/// word-wrapped inside a margin: a PDF whose text layer Poppler reads back. False when it cannot
/// be written.
bool writeTextPdf(const QString& path, const QStringList& pages);

} // namespace genius::test
