#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace genius::ui {

/// The heading every page starts with: the view's title, bold, 1.5 times the font size,
/// plain text, named "pageHeading".
QLabel* createPageHeading(const QString& title, QWidget* parent);

} // namespace genius::ui
