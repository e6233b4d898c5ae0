#pragma once

#include <QLoggingCategory>

// The import library's category: document ids, statuses and error codes, never content.
Q_DECLARE_LOGGING_CATEGORY(lcImport)
