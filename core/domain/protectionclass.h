#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace genius::domain {

/// The protection class (Schutzbedarf) of data, ordered from least to most sensitive.
/// `VeryHigh` never leaves the workstation.
enum class ProtectionClass { None = 0, Normal = 1, High = 2, VeryHigh = 3 };

/// The wire and CLI spelling: "none", "normal", "high", "very-high".
QString protectionClassName(ProtectionClass value);

/// Parses the wire and CLI spelling; anything else gives no value.
std::optional<ProtectionClass> parseProtectionClass(const QString& text);

/// All spellings in ascending order, for validators and help texts.
QStringList protectionClassNames();

/// The higher of two classes: a request carries the highest class of everything in it.
ProtectionClass higherOf(ProtectionClass a, ProtectionClass b);

} // namespace genius::domain
