#include "translations/translations.h"

#include "core/common/logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace genius::i18n {

QString chooseLanguage(const QString& configured, const QLocale& locale)
{
    if (configured == QLatin1String("de") || configured == QLatin1String("en"))
        return configured;
    return locale.language() == QLocale::German ? QStringLiteral("de") : QStringLiteral("en");
}

bool installTranslations(const QString& language)
{
    if (language != QLatin1String("de"))
        return true;
    auto* app = QCoreApplication::instance();
    // Qt's own strings (standard buttons, dialogs) come from the Qt installation and may be
    // missing; the project's catalogue is embedded in the executable and must load.
    auto* qtTranslator = new QTranslator(app);
    if (qtTranslator->load(QStringLiteral("qtbase_de"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto* translator = new QTranslator(app);
    if (!translator->load(QStringLiteral(":/i18n/genius_de.qm"))) {
        qCWarning(lcCommon) << "the German translation catalogue is missing from the build";
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace genius::i18n
