#include "ui/contrast.h"

#include <QColor>

#include <algorithm>
#include <cmath>

namespace genius::ui {

namespace {

// Relative luminance after WCAG 2.1 (sRGB channels linearised).
double luminance(const QColor& colour)
{
    const auto linear = [](double channel) {
        return channel <= 0.03928 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF());
}

} // namespace

double contrastRatio(const QColor& first, const QColor& second)
{
    const double a = luminance(first);
    const double b = luminance(second);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

QColor mixed(const QColor& base, const QColor& tint, double share)
{
    const auto channel = [share](double from, double to) { return from + (to - from) * share; };
    return QColor::fromRgbF(static_cast<float>(channel(base.redF(), tint.redF())),
                            static_cast<float>(channel(base.greenF(), tint.greenF())),
                            static_cast<float>(channel(base.blueF(), tint.blueF())));
}

} // namespace genius::ui
