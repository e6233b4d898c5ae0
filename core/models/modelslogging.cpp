#include "core/models/modelslogging.h"

Q_LOGGING_CATEGORY(lcModels, "genius.models", QtInfoMsg)
