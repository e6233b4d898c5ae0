#include "core/documents/documentslogging.h"

Q_LOGGING_CATEGORY(lcDocuments, "genius.documents", QtInfoMsg)
