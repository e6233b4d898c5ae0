#include "core/sharedstore/sqlquoting.h"

namespace genius::sharedstore {

QString quoteIdentifier(const QString& name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString quoteLiteral(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    if (!quoted.contains(QLatin1Char('\\')))
        return QLatin1Char('\'') + quoted + QLatin1Char('\'');
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    return QLatin1String("E'") + quoted + QLatin1Char('\'');
}

} // namespace genius::sharedstore
