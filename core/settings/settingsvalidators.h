#pragma once

#include "core/settings/settingsschema.h"

#include <QStringList>

// Building blocks for the validators of the settings table. Each accepts the raw shapes
// the three sources produce (JSON values, INI strings, registry DWORDs and multi-strings).
namespace genius::settings::validators {

Validator anyText();
Validator oneOf(const QStringList& choices);
Validator boolean();
Validator integerRange(int minimum, int maximum);
/// An http(s) URL, or empty when `allowEmpty`.
Validator httpUrl(bool allowEmpty);
/// "" (system proxy), "none" (direct) or an http/socks5 proxy URL.
Validator proxy();
/// A PostgreSQL connection URL (postgresql://…), or empty for the local profile.
Validator storeUrl();
/// A list whose every item passes `item`; a single string is split at ';'.
Validator listOf(Validator item);
/// "model=class" pairs of the clearance table.
Validator clearanceEntry();
/// "model=tokens" entries of the context-window table ("*" for any model).
Validator contextWindowEntry();
/// A model name: non-empty, no whitespace or control characters.
Validator modelName();

} // namespace genius::settings::validators
