#include "core/domain/protectionclass.h"

#include <array>

namespace genius::domain {

namespace {
constexpr std::array<const char*, 4> kNames = {"none", "normal", "high", "very-high"};
}

QString protectionClassName(ProtectionClass value)
{
    return QString::fromLatin1(kNames[static_cast<std::size_t>(value)]);
}

std::optional<ProtectionClass> parseProtectionClass(const QString& text)
{
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (text == QLatin1String(kNames[i]))
            return static_cast<ProtectionClass>(i);
    }
    return std::nullopt;
}

QStringList protectionClassNames()
{
    QStringList names;
    for (const char* name : kNames)
        names << QString::fromLatin1(name);
    return names;
}

ProtectionClass higherOf(ProtectionClass a, ProtectionClass b)
{
    return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

} // namespace genius::domain
