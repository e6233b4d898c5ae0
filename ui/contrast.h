#pragma once

class QColor;

namespace genius::ui {

/// The WCAG 2.1 contrast ratio of two colours (1 to 21).
double contrastRatio(const QColor& first, const QColor& second);

/// `base` with a share (0..1) of `tint` mixed in: a hint of colour that keeps the palette's
/// light or dark character, so a dark or high-contrast theme stays readable.
QColor mixed(const QColor& base, const QColor& tint, double share);

} // namespace genius::ui
