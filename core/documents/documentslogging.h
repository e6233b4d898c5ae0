#pragma once

#include <QLoggingCategory>

// The library's one logging category. Document text is logged at debug level at most.
Q_DECLARE_LOGGING_CATEGORY(lcDocuments)
