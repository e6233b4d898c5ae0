#include "core/common/appinfo.h"

#include "common/version.h"

#include <QCoreApplication>

namespace genius::common {

void applyApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("IT.NRW"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("it.nrw.de"));
    QCoreApplication::setApplicationName(QStringLiteral("Genius"));
    QCoreApplication::setApplicationVersion(productVersion());
}

QString productName()
{
    return QStringLiteral("NRW.Genius");
}

QString productVersion()
{
    return QStringLiteral(GENIUS_VERSION_STRING);
}

} // namespace genius::common
