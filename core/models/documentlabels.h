#pragma once

#include "core/domain/protectionclass.h"
#include "core/index/documentrecord.h"

#include <QString>

namespace genius::models {

/// The translated name of a protection class for tables: "kein", "normal", "hoch", "sehr hoch".
QString protectionClassText(domain::ProtectionClass cls);

/// The translated name of an import status: "Wartet", "Liest", "Indexiert", "Bettet ein",
/// "Bereit", "Fehler", "Abgebrochen".
QString documentStatusText(index::DocumentStatus status);

/// The sort order of classes: none (0) < normal < high < very-high (3), never alphabetical.
int protectionClassRank(domain::ProtectionClass cls);

/// The sort order of statuses along the import: queued (0) … ready, then failed, cancelled.
int documentStatusRank(index::DocumentStatus status);

} // namespace genius::models
