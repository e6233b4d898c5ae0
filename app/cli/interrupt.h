#pragma once

#include <QObject>

#include <functional>

namespace genius::cli {

/// Calls `handler` on the event loop when the user presses Ctrl+C (SIGINT/SIGTERM on
/// Unix), as long as `context` lives; the default action (terminate) applies otherwise.
void onInterrupt(QObject* context, std::function<void()> handler);

} // namespace genius::cli
