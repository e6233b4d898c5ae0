// The first-run gateway assistant offscreen against the gateway simulator over real sockets:
// the connection is checked before anything is saved, the key goes to the secret store and
// never into a settings file, a wrong key or address says what is wrong and saves nothing,
// policy-set fields are read-only with the reason, and the main window rebuilds its views
// over the new gateway.
#include "core/security/apikeysource.h"
#include "core/security/memorysecretstore.h"
#include "core/services/gatewaysetup.h"
#include "core/settings/settings.h"
#include "fixture/simulatorprocess.h"
#include "gui/guitestsupport.h"
#include "gui/screenshotsupport.h"
#include "ui/gatewaysetupdialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace genius;
using namespace Qt::StringLiterals;
using settings::keys::GatewayDefaultModel;
using settings::keys::GatewayUrl;
using settings::keys::NetworkProxy;

namespace {

struct Fixture {
    test::TestProfile profile;
    std::unique_ptr<settings::Settings> settings;
    security::MemorySecretStore secrets;
    std::unique_ptr<services::GatewaySetup> setup;
    std::unique_ptr<ui::GatewaySetupDialog> dialog;

    void open()
    {
        settings = std::make_unique<settings::Settings>(profile.locations());
        setup = std::make_unique<services::GatewaySetup>(*settings, secrets);
        dialog = std::make_unique<ui::GatewaySetupDialog>(*settings, *setup);
    }

    template<typename T>
    T* child(const QString& name) const
    {
        return dialog->findChild<T*>(name);
    }

    void type(const QString& url, const QString& key, int proxyMode = 1)
    {
        child<QLineEdit>(u"setupUrl"_s)->setText(url);
        child<QLineEdit>(u"setupKey"_s)->setText(key);
        child<QComboBox>(u"setupProxyMode"_s)->setCurrentIndex(proxyMode); // 1: direct (the simulator is local)
    }

    bool check()
    {
        QSignalSpy checked(dialog.get(), &ui::GatewaySetupDialog::checked);
        QTest::mouseClick(child<QPushButton>(u"setupCheck"_s), Qt::LeftButton);
        return checked.size() > 0 || checked.wait(10000) ? checked.first().first().toBool() : false;
    }

    QString storedKey(const QString& url)
    {
        QString found;
        bool done = false;
        QObject context;
        secrets.read(security::ApiKeySource::secretName(url), &context, [&](common::Result<QString> secret) {
            found = secret.value_or(QString());
            done = true;
        });
        return QTest::qWaitFor([&done] { return done; }, 2000) ? found : QString();
    }

    // Whether `text` stands in any file of the profile folder (settings, logs, databases).
    bool profileContains(const QByteArray& text) const
    {
        QDirIterator files(profile.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text))
                return true;
        }
        return false;
    }
};

} // namespace

class TestGatewaySetup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("GENIUS_API_KEY"); // the key must come from what the user types
        m_sim = std::make_unique<sim::SimulatorProcess>();
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
    }

    void init() { QVERIFY(m_sim->reset()); }

    void checkedConnection_offersTheChatModels_andSaveKeepsTheKeyInTheKeychain()
    {
        Fixture f;
        f.open();
        const QString url = m_sim->baseUrl().toString();
        const QString key = sim::SimulatorProcess::defaultKey();
        f.type(url, key);
        QVERIFY2(f.check(), qPrintable(f.dialog->status()));
        QVERIFY2(f.dialog->status().contains(u"Connected"_s), qPrintable(f.dialog->status()));
        auto* models = f.child<QComboBox>(u"setupModel"_s);
        QStringList offered;
        for (int i = 0; i < models->count(); ++i)
            offered.append(models->itemData(i).toString());
        QVERIFY2(offered.contains(u"sim-sovereign"_s) && offered.contains(u"sim-onprem"_s), qPrintable(offered.join(u' ')));
        QVERIFY(!offered.contains(u"sim-embed"_s)); // embedding models are no default for chat
        QVERIFY(models->itemText(models->findData(u"sim-onprem"_s)).contains(u"high"_s)); // clearance shown
        // Nothing is saved by checking.
        QVERIFY(f.settings->text(GatewayUrl).isEmpty());
        QCOMPARE(f.secrets.size(), 0);

        models->setCurrentIndex(models->findData(u"sim-onprem"_s));
        QSignalSpy saved(f.dialog.get(), &ui::GatewaySetupDialog::saved);
        QTest::mouseClick(f.child<QPushButton>(u"setupSave"_s), Qt::LeftButton);
        QVERIFY(saved.size() > 0 || saved.wait(5000));
        QCOMPARE(f.settings->text(GatewayUrl), url);
        QCOMPARE(f.settings->text(GatewayDefaultModel), u"sim-onprem"_s);
        QCOMPARE(f.settings->text(NetworkProxy), u"none"_s);
        QCOMPARE(f.storedKey(url), key);
        QVERIFY(!f.profileContains(key.toUtf8()));
        QVERIFY(f.child<QLineEdit>(u"setupKey"_s)->text().isEmpty());

        // Settings saved survive a restart (a second Settings over the same files).
        settings::Settings reread(f.profile.locations());
        QCOMPARE(reread.text(GatewayDefaultModel), u"sim-onprem"_s);
    }

    void wrongKey_saysSo_andNothingIsSaved()
    {
        Fixture f;
        f.open();
        f.type(m_sim->baseUrl().toString(), u"falscher-schluessel"_s);
        QVERIFY(!f.check());
        QVERIFY2(f.dialog->status().contains(u"did not accept the API key"_s), qPrintable(f.dialog->status()));
        QVERIFY(f.settings->text(GatewayUrl).isEmpty());
        QCOMPARE(f.secrets.size(), 0);
    }

    void unreachableOrInvalidAddress_saysWhy_withoutARequestForInvalidOnes()
    {
        Fixture f;
        f.open();
        const int before = m_sim->logLineCount();
        f.type(u"ftp://gateway.example/v1"_s, u"abc"_s);
        QVERIFY(!f.check());
        QVERIFY2(f.dialog->status().contains(u"check the entry"_s), qPrintable(f.dialog->status()));
        QCOMPARE(m_sim->logLineCount(), before);
        f.type(u"http://127.0.0.1:9/v1"_s, u"abc"_s); // nothing listens on the discard port
        QVERIFY(!f.check());
        QVERIFY2(f.dialog->status().contains(u"cannot be reached"_s), qPrintable(f.dialog->status()));
        // Save refuses the invalid address and keeps the settings as they were.
        f.type(u"nicht eine adresse"_s, u"abc"_s);
        f.dialog->save();
        QTRY_VERIFY(!f.dialog->isBusy());
        QVERIFY2(f.dialog->status().contains(u"Not saved"_s), qPrintable(f.dialog->status()));
        QVERIFY(f.settings->text(GatewayUrl).isEmpty());
    }

    void policySetAddress_isReadOnly_withTheReason()
    {
        Fixture f;
        f.profile.writePolicy("[gateway]\nurl=https://aiaas.policy.example/v1\n");
        f.open();
        auto* url = f.child<QLineEdit>(u"setupUrl"_s);
        QVERIFY(url->isReadOnly());
        QCOMPARE(url->text(), u"https://aiaas.policy.example/v1"_s);
        auto* note = f.child<QLabel>(u"setupLockNote"_s);
        QVERIFY(!note->isHidden());
        QVERIFY2(note->text().contains(u"policy"_s), qPrintable(note->text()));
        // A typed address never replaces the policy's.
        const auto draft = f.setup->validated({u"https://mine.example/v1"_s, {}, {}});
        QVERIFY(draft);
        QCOMPARE(draft->url, u"https://aiaas.policy.example/v1"_s);
    }

    void everyControl_hasAnAccessibleName_andATabStop()
    {
        Fixture f;
        f.open();
        const QStringList unnamed = test::widgetsWithoutAccessibleName(f.dialog.get());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
        // Tab order: address, key, proxy, default model, check, skip, save.
        QWidget* next = f.child<QLineEdit>(u"setupUrl"_s);
        QStringList order;
        for (int i = 0; i < 8; ++i) {
            order.append(next->objectName());
            next = next->nextInFocusChain();
            while (next->focusPolicy() == Qt::NoFocus || next->isHidden())
                next = next->nextInFocusChain();
        }
        QCOMPARE(order.mid(0, 7), (QStringList{u"setupUrl"_s, u"setupKey"_s, u"setupProxyMode"_s, u"setupModel"_s,
                                               u"setupCheck"_s, u"setupSkip"_s, u"setupSave"_s}));
    }

    void mainWindow_opensTheAssistant_andRebuildsItsViewsWhenItSaves()
    {
        test::TestProfile profile;
        settings::Settings settings(profile.locations());
        security::MemorySecretStore secrets;
        services::GatewaySetup setup(settings, secrets);
        ui::MainWindow::Services services;
        services.gatewaySetup = &setup;
        ui::MainWindow window(settings, profile.path(), services);
        window.showView(ui::ViewId::Summarize);
        QWidget* before = window.page(ui::ViewId::Summarize);
        auto* action = window.findChild<QAction*>(u"connectGateway"_s);
        QVERIFY(action && action->isEnabled());
        action->trigger();
        auto* dialog = window.findChild<ui::GatewaySetupDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        QSignalSpy changed(&window, &ui::MainWindow::gatewayChanged);
        dialog->findChild<QLineEdit*>(u"setupUrl"_s)->setText(m_sim->baseUrl().toString());
        dialog->findChild<QLineEdit*>(u"setupKey"_s)->setText(sim::SimulatorProcess::defaultKey());
        dialog->findChild<QComboBox*>(u"setupProxyMode"_s)->setCurrentIndex(1);
        dialog->save();
        dialog->close(); // before the keychain answered: the save still counts
        QTRY_COMPARE(changed.size(), 1);
        QVERIFY(!window.findChild<ui::GatewaySetupDialog*>()); // closed and gone
        // The composition root answers with new services; the window builds its views again.
        window.setServices(services);
        QVERIFY(window.page(ui::ViewId::Summarize) != before);
        QCOMPARE(window.currentView(), ui::ViewId::Summarize);
        QVERIFY(window.findChild<QLabel*>(u"gatewayStatus"_s)->text().contains(m_sim->baseUrl().toString()));
    }

    /// With GENIUS_SCREENSHOT_DIR set (under Xvfb): the assistant after a checked connection,
    /// with the default model set by policy, and the settings view, in GENIUS_SCREENSHOT_LANGUAGE.
    void screenshots()
    {
        bool languageInstalled = false;
        const QString target = test::screenshotDirectory(&languageInstalled);
        if (target.isEmpty())
            QSKIP("Set GENIUS_SCREENSHOT_DIR to save screenshots.");
        QVERIFY(languageInstalled);
        Fixture f;
        f.profile.writePolicy("[gateway]\ndefaultModel=sim-sovereign\n");
        f.open();
        f.child<QLineEdit>(u"setupUrl"_s)->setText(m_sim->baseUrl().toString());
        f.child<QLineEdit>(u"setupKey"_s)->setText(sim::SimulatorProcess::defaultKey());
        f.child<QComboBox>(u"setupProxyMode"_s)->setCurrentIndex(1);
        QVERIFY(f.check());
        QVERIFY(test::saveScreenshot(*f.dialog, target, u"gateway-setup.png"_s));
        ui::MainWindow window(*f.settings, f.profile.path());
        window.showView(ui::ViewId::Settings);
        window.resize(1280, 800);
        QVERIFY(test::saveScreenshot(window, target, u"settings.png"_s));
    }

private:
    std::unique_ptr<sim::SimulatorProcess> m_sim;
};

QTEST_MAIN(TestGatewaySetup)
#include "tst_gatewaysetup.moc"
