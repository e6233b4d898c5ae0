#include "ui/uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "genius.ui", QtInfoMsg)
