// The embedded German catalogue reaches every kind of UI text: navigation, status bar,
// settings labels, locks, and the settings table's descriptions.
#include "core/settings/settings.h"
#include "gui/guitestsupport.h"
#include "translations/translations.h"
#include "ui/mainwindow.h"
#include "ui/settingspage.h"
#include "ui/viewid.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QStandardPaths>
#include <QTest>

using genius::settings::Settings;
using genius::test::TestProfile;
using genius::ui::MainWindow;
using genius::ui::ViewId;

class TestGermanUi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCOMPARE(genius::i18n::chooseLanguage(QString(), QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("de"));
        QCOMPARE(genius::i18n::chooseLanguage(QString(), QLocale(QLocale::German, QLocale::Austria)), QStringLiteral("de"));
        QCOMPARE(genius::i18n::chooseLanguage(QString(), QLocale(QLocale::French)), QStringLiteral("en"));
        QCOMPARE(genius::i18n::chooseLanguage(QStringLiteral("en"), QLocale(QLocale::German)), QStringLiteral("en"));
        QVERIFY(genius::i18n::installTranslations(QStringLiteral("de")));
    }

    void navigationAndStatus_areGerman()
    {
        TestProfile profile;
        Settings settings(profile.locations());
        MainWindow window(settings, profile.path());
        QCOMPARE(window.windowTitle(), QStringLiteral("NRW.Genius"));
        auto* navigation = window.findChild<QListWidget*>();
        QVERIFY(navigation);
        QStringList titles;
        for (int row = 0; row < navigation->count(); ++row)
            titles << navigation->item(row)->text();
        QCOMPARE(titles, QStringList({QStringLiteral("Chat"), QStringLiteral("Dokumente"), QStringLiteral("Recherche"),
                                      QStringLiteral("Zusammenfassung"), QStringLiteral("Textgenerierung"),
                                      QStringLiteral("Datenmanagement"), QStringLiteral("Einstellungen")}));
        bool statusFound = false;
        for (const QLabel* label : window.findChildren<QLabel*>())
            statusFound |= label->text().contains(QStringLiteral("Kein Gateway eingerichtet"));
        QVERIFY(statusFound);
    }

    void settingsPage_showsGermanLabelsLocksAndDescriptions()
    {
        TestProfile profile;
        profile.writePolicy("[gateway]\nurl=https://gw.example/v1\n");
        Settings settings(profile.locations());
        genius::ui::SettingsPage page(settings);
        QStringList texts;
        for (const QLabel* label : page.findChildren<QLabel*>())
            texts << label->text();
        const QString all = texts.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("Gateway-URL")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("Von Ihrer Administration festgelegt (Richtlinie).")));
        QVERIFY(all.contains(QStringLiteral("Standard-Schutzbedarfsklasse")));
        QWidget* editor = page.findChild<QWidget*>(QStringLiteral("editor:gateway/url"));
        QVERIFY(editor);
        QVERIFY2(editor->accessibleDescription().contains(QStringLiteral("Basis-URL des AIaaS-Gateways")),
                 qPrintable(editor->accessibleDescription()));
    }
};

QTEST_MAIN(TestGermanUi)
#include "tst_germanui.moc"
