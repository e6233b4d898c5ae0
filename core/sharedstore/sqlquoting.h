#pragma once

#include <QString>

namespace genius::sharedstore {

// PostgreSQL takes no bound values in utility statements (CREATE ROLE, GRANT): names and the
// password go into the statement text, quoted here. Callers still validate names first.

/// "name" with embedded double quotes doubled: always a quoted identifier, never a keyword.
QString quoteIdentifier(const QString& name);

/// A string literal that means `text` whatever standard_conforming_strings says: '…' with
/// quotes doubled, or E'…' with backslashes doubled as well when `text` has a backslash (the
/// rule of libpq's PQescapeLiteral). `text` must not contain NUL, which PostgreSQL cannot store.
QString quoteLiteral(const QString& text);

} // namespace genius::sharedstore
