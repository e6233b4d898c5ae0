#include "core/services/serviceslogging.h"

Q_LOGGING_CATEGORY(lcServices, "genius.services", QtInfoMsg)
