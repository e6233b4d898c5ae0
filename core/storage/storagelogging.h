#pragma once

#include <QLoggingCategory>

// The storage library's category; never carries message text above debug level.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
