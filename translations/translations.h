#pragma once

#include <QLocale>
#include <QString>

namespace genius::i18n {

/// Picks the UI language: an explicit setting ("de" or "en") wins; otherwise German for
/// German locales and English for all others.
QString chooseLanguage(const QString& configured, const QLocale& locale = QLocale::system());

/// Loads the project's and Qt's own translations for the language into the running
/// application. English needs none. Returns false when the German catalogue is missing.
bool installTranslations(const QString& language);

} // namespace genius::i18n
