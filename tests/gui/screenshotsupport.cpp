#include "gui/screenshotsupport.h"

#include "translations/translations.h"

#include <QDir>
#include <QTest>
#include <QWidget>

namespace genius::test {

QString screenshotDirectory(bool* ok)
{
    *ok = true;
    const QString language = qEnvironmentVariable("GENIUS_SCREENSHOT_LANGUAGE");
    if (!language.isEmpty())
        *ok = i18n::installTranslations(language);
    return qEnvironmentVariable("GENIUS_SCREENSHOT_DIR");
}

bool saveScreenshot(QWidget& widget, const QString& directory, const QString& name)
{
    widget.show();
    return QTest::qWaitForWindowExposed(&widget) && QDir().mkpath(directory)
           && widget.grab().save(QDir(directory).filePath(name));
}

} // namespace genius::test
