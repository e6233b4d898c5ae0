#pragma once

#include <QLoggingCategory>

// The services library's logging category ("genius.services"). Messages at info level and
// above never carry prompt text, document content or template bodies.
Q_DECLARE_LOGGING_CATEGORY(lcServices)
