#include "core/settings/settings.h"
#include "gui/guitestsupport.h"
#include "ui/functionpage.h"
#include "ui/mainwindow.h"
#include "ui/settingspage.h"
#include "ui/viewid.h"

#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <memory>

using genius::settings::Settings;
using genius::test::TestProfile;
using genius::ui::MainWindow;
using genius::ui::ViewId;
namespace keys = genius::settings::keys;

Q_DECLARE_METATYPE(genius::ui::ViewId)

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void windowTitle_isProductName();
    void navigation_listsSevenViewsInOrder();
    void navigation_isFocusableAndNamed();
    void showView_switchesPageAndCurrentView_data();
    void showView_switchesPageAndCurrentView();
    void clickingNavigationItem_switchesPage();
    void arrowKeys_switchViews();
    void ctrlDigit_jumpsToView();
    void parseViewId_acceptsEveryViewName_data();
    void parseViewId_acceptsEveryViewName();
    void parseViewId_rejectsUnknownNames();
    void statusBar_withoutGateway_saysOnlyLocalFunctions();
    void statusBar_withGateway_showsUrl();
    void statusBar_followsSettingsChanges();
    void statusBar_showsProfileFolder();
    void functionPages_sayPlainlyNotYetAvailable();
    void settingsView_isTheRealSettingsPage();
    void everyPage_interactiveWidgetsHaveAccessibleNames();
    void uiStrings_comeInEnglishWithoutCatalogue();

private:
    void createWindow();
    QListWidget* navigation() const;
    QStackedWidget* pages() const;
    QString gatewayStatus() const;

    std::unique_ptr<TestProfile> m_profile;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_profile = std::make_unique<TestProfile>();
    QVERIFY(m_profile->isValid());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_settings.reset();
    m_profile.reset();
}

void TestMainWindow::createWindow()
{
    m_settings = std::make_unique<Settings>(m_profile->locations());
    m_window = std::make_unique<MainWindow>(*m_settings, m_profile->path());
}

QListWidget* TestMainWindow::navigation() const
{
    return m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
}

QStackedWidget* TestMainWindow::pages() const
{
    return m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
}

QString TestMainWindow::gatewayStatus() const
{
    auto* label = m_window->statusBar()->findChild<QLabel*>(QStringLiteral("gatewayStatus"));
    return label ? label->text() : QStringLiteral("<no gateway status label>");
}

void TestMainWindow::windowTitle_isProductName()
{
    createWindow();
    QCOMPARE(m_window->windowTitle(), QStringLiteral("NRW.Genius"));
}

void TestMainWindow::navigation_listsSevenViewsInOrder()
{
    createWindow();
    QListWidget* list = navigation();
    QVERIFY(list);
    QStringList titles;
    for (int row = 0; row < list->count(); ++row)
        titles << list->item(row)->text();
    QCOMPARE(titles, (QStringList{QStringLiteral("Chat"), QStringLiteral("Documents"), QStringLiteral("Research"),
                                  QStringLiteral("Summary"), QStringLiteral("Text generation"),
                                  QStringLiteral("Data management"), QStringLiteral("Settings")}));
    QCOMPARE(pages()->count(), 7);
}

void TestMainWindow::navigation_isFocusableAndNamed()
{
    createWindow();
    QVERIFY(navigation()->focusPolicy() & Qt::TabFocus);
    QVERIFY(!navigation()->accessibleName().isEmpty());
    QCOMPARE(m_window->currentView(), ViewId::Chat); // the default view
}

void TestMainWindow::showView_switchesPageAndCurrentView_data()
{
    QTest::addColumn<ViewId>("view");
    for (const ViewId view : genius::ui::allViews())
        QTest::newRow(qPrintable(genius::ui::viewName(view))) << view;
}

void TestMainWindow::showView_switchesPageAndCurrentView()
{
    QFETCH(ViewId, view);
    createWindow();
    // Start elsewhere, so that every view (Chat included) is a real switch.
    const ViewId other = view == ViewId::Settings ? ViewId::Chat : ViewId::Settings;
    m_window->showView(other);
    QCOMPARE(m_window->currentView(), other);

    m_window->showView(view);
    QCOMPARE(m_window->currentView(), view);
    QCOMPARE(pages()->currentWidget(), m_window->page(view));
    QCOMPARE(pages()->currentWidget()->objectName(), QStringLiteral("page:") + genius::ui::viewName(view));
    QCOMPARE(navigation()->currentRow(), genius::ui::viewIndex(view));
}

void TestMainWindow::clickingNavigationItem_switchesPage()
{
    createWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QListWidget* list = navigation();
    const QRect research = list->visualItemRect(list->item(genius::ui::viewIndex(ViewId::Research)));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, research.center());
    QCOMPARE(m_window->currentView(), ViewId::Research);
    QCOMPARE(pages()->currentWidget(), m_window->page(ViewId::Research));
}

void TestMainWindow::arrowKeys_switchViews()
{
    createWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QListWidget* list = navigation();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(m_window->currentView(), ViewId::Documents);
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(m_window->currentView(), ViewId::Research);
    QTest::keyClick(list, Qt::Key_End);
    QCOMPARE(m_window->currentView(), ViewId::Settings);
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(m_window->currentView(), ViewId::DataManager);
    QCOMPARE(pages()->currentWidget(), m_window->page(ViewId::DataManager));
}

void TestMainWindow::ctrlDigit_jumpsToView()
{
    createWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    for (const ViewId view : {ViewId::Settings, ViewId::Summarize, ViewId::Chat, ViewId::DataManager}) {
        QTest::keyClick(m_window.get(), static_cast<Qt::Key>(Qt::Key_1 + genius::ui::viewIndex(view)),
                        Qt::ControlModifier);
        QCOMPARE(m_window->currentView(), view);
        QCOMPARE(navigation()->currentRow(), genius::ui::viewIndex(view));
    }
}

void TestMainWindow::parseViewId_acceptsEveryViewName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ViewId>("expected");
    QTest::newRow("chat") << QStringLiteral("chat") << ViewId::Chat;
    QTest::newRow("documents") << QStringLiteral("documents") << ViewId::Documents;
    QTest::newRow("research") << QStringLiteral("research") << ViewId::Research;
    QTest::newRow("summarize") << QStringLiteral("summarize") << ViewId::Summarize;
    QTest::newRow("generate") << QStringLiteral("generate") << ViewId::Generate;
    QTest::newRow("datamanager") << QStringLiteral("datamanager") << ViewId::DataManager;
    QTest::newRow("settings") << QStringLiteral("settings") << ViewId::Settings;
    QTest::newRow("upper case") << QStringLiteral("Settings") << ViewId::Settings;
}

void TestMainWindow::parseViewId_acceptsEveryViewName()
{
    QFETCH(QString, name);
    QFETCH(ViewId, expected);
    const std::optional<ViewId> parsed = genius::ui::parseViewId(name);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, expected);
    QCOMPARE(genius::ui::viewName(expected), name.toLower());
}

void TestMainWindow::parseViewId_rejectsUnknownNames()
{
    for (const QString& name : {QStringLiteral("nonsense"), QString(), QStringLiteral("chats"),
                                QStringLiteral("data-manager"), QStringLiteral("summary")})
        QVERIFY2(!genius::ui::parseViewId(name).has_value(), qPrintable(name));
}

void TestMainWindow::statusBar_withoutGateway_saysOnlyLocalFunctions()
{
    createWindow();
    QCOMPARE(gatewayStatus(), QStringLiteral("No gateway configured: only local functions are available."));
}

void TestMainWindow::statusBar_withGateway_showsUrl()
{
    m_profile->writePolicy("[gateway]\nurl=https://gw.example/v1\n");
    createWindow();
    QCOMPARE(gatewayStatus(), QStringLiteral("Gateway: https://gw.example/v1"));
}

void TestMainWindow::statusBar_followsSettingsChanges()
{
    createWindow();
    QVERIFY(m_settings->setValue(keys::GatewayUrl, QStringLiteral("https://aiaas.example/v1")).has_value());
    QCOMPARE(gatewayStatus(), QStringLiteral("Gateway: https://aiaas.example/v1"));
    QVERIFY(m_settings->resetValue(keys::GatewayUrl).has_value());
    QCOMPARE(gatewayStatus(), QStringLiteral("No gateway configured: only local functions are available."));
}

void TestMainWindow::statusBar_showsProfileFolder()
{
    createWindow();
    auto* label = m_window->statusBar()->findChild<QLabel*>(QStringLiteral("profileStatus"));
    QVERIFY(label);
    QVERIFY2(label->text().contains(QDir::toNativeSeparators(m_profile->path())), qPrintable(label->text()));
}

void TestMainWindow::functionPages_sayPlainlyNotYetAvailable()
{
    createWindow();
    for (const ViewId view : genius::ui::allViews()) {
        if (view == ViewId::Settings)
            continue;
        auto* page = qobject_cast<genius::ui::FunctionPage*>(m_window->page(view));
        QVERIFY2(page, qPrintable(genius::ui::viewName(view)));
        QCOMPARE(page->title(), genius::ui::viewTitle(view));
        QVERIFY(page->description().size() > 80);
        auto* availability = page->findChild<QLabel*>(QStringLiteral("pageAvailability"));
        QVERIFY(availability);
        QCOMPARE(availability->text(), QStringLiteral("This function is not yet available in this version."));
        // Honest placeholders: nothing on the page pretends to be usable.
        QVERIFY2(genius::test::widgetsWithoutAccessibleName(page).isEmpty(), "unexpected controls");
        for (QWidget* child : page->findChildren<QWidget*>())
            QCOMPARE(child->focusPolicy(), Qt::NoFocus);
    }
}

void TestMainWindow::settingsView_isTheRealSettingsPage()
{
    createWindow();
    auto* page = qobject_cast<genius::ui::SettingsPage*>(m_window->page(ViewId::Settings));
    QVERIFY(page);
    QVERIFY(page->editor(keys::GatewayUrl));
}

void TestMainWindow::everyPage_interactiveWidgetsHaveAccessibleNames()
{
    // A policy and a corrupt user file, so that locked rows and the warning area exist too.
    m_profile->writePolicy("[gateway]\nurl=https://gw.example/v1\n");
    m_profile->writeUserFile("{ not json");
    createWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    for (const ViewId view : genius::ui::allViews()) {
        m_window->showView(view);
        const QStringList unnamed = genius::test::widgetsWithoutAccessibleName(m_window->page(view));
        QVERIFY2(unnamed.isEmpty(), qPrintable(genius::ui::viewName(view) + QStringLiteral(": ")
                                               + unnamed.join(QStringLiteral(", "))));
    }
    const QStringList unnamed = genius::test::widgetsWithoutAccessibleName(m_window.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestMainWindow::uiStrings_comeInEnglishWithoutCatalogue()
{
    // No translator is installed here, so every string must be the English source text of
    // a tr() call; the German catalogue translates these same strings.
    createWindow();
    QStringList menus;
    for (QAction* action : m_window->menuBar()->actions())
        menus << action->text();
    QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&View")}));
    auto* showSettings = m_window->findChild<QAction*>(QStringLiteral("showView:settings"));
    QVERIFY(showSettings);
    QCOMPARE(showSettings->text(), QStringLiteral("Settings"));
    QCOMPARE(showSettings->shortcut(), QKeySequence(QStringLiteral("Ctrl+7")));
    auto* heading = m_window->page(ViewId::Generate)->findChild<QLabel*>(QStringLiteral("pageHeading"));
    QVERIFY(heading);
    QCOMPARE(heading->text(), QStringLiteral("Text generation"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
