#pragma once

#include "core/common/error.h"
#include "core/documents/pagetext.h"

#include <QByteArray>
#include <QString>

namespace genius::documents {

/// The text of a DOCX body (word/document.xml): paragraphs separated by a blank line,
/// headings (by style or outline level, resolved through `stylesXml`, which may be
/// empty) prefixed with Markdown "# ".."######### ", list items with "- ", table rows as
/// one line with cells joined by " | ", tabs and breaks kept, deleted text and field
/// codes left out. Errors: Corrupt (not well-formed XML). Pure.
common::Result<QString> parseDocxBody(const QByteArray& documentXml, const QByteArray& stylesXml);

/// Title, author, subject and creation time from docProps/core.xml. Pure.
DocumentMetadata parseDocxMetadata(const QByteArray& coreXml);

/// The text of an ODT body (content.xml), in the same shape as parseDocxBody: text:h with
/// its outline level as "# ", text:p, spans, text:s, text:tab, text:line-break, lists and
/// tables; notes and annotations left out. Errors: Corrupt. Pure.
common::Result<QString> parseOdtBody(const QByteArray& contentXml);

/// Title, author, subject and creation time from meta.xml. Pure.
DocumentMetadata parseOdtMetadata(const QByteArray& metaXml);

} // namespace genius::documents
