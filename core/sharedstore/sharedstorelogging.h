#pragma once

#include <QLoggingCategory>

// The shared store's category; never carries passwords, and no document text above debug level.
Q_DECLARE_LOGGING_CATEGORY(lcSharedStore)
