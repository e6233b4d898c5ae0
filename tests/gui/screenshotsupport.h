#pragma once

#include <QString>

class QWidget;

namespace genius::test {

/// The folder GENIUS_SCREENSHOT_DIR names, or empty when no screenshots are wanted. Installs
/// the German (or other) catalogue GENIUS_SCREENSHOT_LANGUAGE names; `ok` is false when that fails.
QString screenshotDirectory(bool* ok);
/// Shows `widget`, waits until it is exposed and saves it as `name` (PNG) in `directory`.
bool saveScreenshot(QWidget& widget, const QString& directory, const QString& name);

} // namespace genius::test
