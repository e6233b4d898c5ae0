#pragma once

#include <QLoggingCategory>

// The models library's category: document ids, statuses and error codes, never content.
Q_DECLARE_LOGGING_CATEGORY(lcModels)
