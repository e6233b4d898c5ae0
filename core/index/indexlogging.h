#pragma once

#include <QLoggingCategory>

// The index library's category; never carries document text above debug level.
Q_DECLARE_LOGGING_CATEGORY(lcIndex)
