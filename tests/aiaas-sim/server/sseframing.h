#pragma once

#include "chatevents.h"
#include "outcome.h"

namespace genius::sim {

/// Renders events to the bytes and timing of a stream, applying the framing faults (line
/// endings, "data:" spacing, multi-line data, comments, extra fields, byte splits, gaps).
/// chunkDelayMs is the normal pause between events.
QList<StreamWrite> frameEvents(const QList<SseEvent>& events, const QString& fault, const QJsonObject& params,
                               int chunkDelayMs);

} // namespace genius::sim
