#pragma once

#include <QLoggingCategory>

// One logging category per library. Messages at info level and above never carry
// prompt text, document content or secrets; see README "Logging".
Q_DECLARE_LOGGING_CATEGORY(lcCommon)

namespace genius::common {

/// Installs the process-wide message pattern (time, level, category) used by both executables.
void installLogFormat();

} // namespace genius::common
