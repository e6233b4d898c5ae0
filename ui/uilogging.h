#pragma once

#include <QLoggingCategory>

// The logging category of the UI layer. Never log setting values, prompt text or document
// content above debug level.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
