#pragma once

#include <QString>

namespace genius::common {

/// Sets organisation, application name and version on the running QCoreApplication, so that
/// QStandardPaths resolves the profile under "IT.NRW/Genius" on every platform.
void applyApplicationInfo();

/// "NRW.Genius": the product name shown in titles and the user agent.
QString productName();

/// The version from the build, e.g. "0.1.0".
QString productVersion();

} // namespace genius::common
