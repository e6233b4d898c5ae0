#include "core/settings/settings.h"
#include "gui/guitestsupport.h"
#include "ui/settingrow.h"
#include "ui/settingpresentation.h"
#include "ui/settingspage.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using genius::settings::Settings;
using genius::test::TestProfile;
using genius::ui::SettingsPage;
namespace keys = genius::settings::keys;

class TestSettingsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void everyTableRow_hasNamedAndDescribedEditor();
    void editors_showEffectiveValues();
    void fieldKinds_matchTheKeys();
    void editingUserKey_andApply_savesToFile();
    void returnInTextField_applies();
    void comboChoice_andApply_savesValue();
    void invalidValue_showsErrorAndKeepsOldValue();
    void correctingInvalidValue_clearsError();
    void policyLockedKey_isReadOnlyWithNote();
    void administratorKey_isReadOnlyWithNote();
    void applyWithoutChanges_savesNothing();
    void discardChanges_restoresSavedValue();
    void settingsChangedElsewhere_updatesEditor();
    void loadWarnings_areShownAtTop();
    void withoutWarnings_noWarningArea();
    void interactiveWidgets_haveAccessibleNames();
    void tabOrder_followsTheTableThenButtons();

private:
    void createPage();
    QLabel* label(const QString& prefix, const QString& key) const;
    void clickApply();

    std::unique_ptr<TestProfile> m_profile;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<SettingsPage> m_page;
};

void TestSettingsPage::init()
{
    m_profile = std::make_unique<TestProfile>();
    QVERIFY(m_profile->isValid());
}

void TestSettingsPage::cleanup()
{
    m_page.reset();
    m_settings.reset();
    m_profile.reset();
}

void TestSettingsPage::createPage()
{
    m_settings = std::make_unique<Settings>(m_profile->locations());
    m_page = std::make_unique<SettingsPage>(*m_settings);
}

QLabel* TestSettingsPage::label(const QString& prefix, const QString& key) const
{
    return m_page->findChild<QLabel*>(prefix + QLatin1Char(':') + key);
}

void TestSettingsPage::clickApply()
{
    auto* apply = m_page->findChild<QPushButton*>(QStringLiteral("applyButton"));
    QVERIFY(apply);
    QTest::mouseClick(apply, Qt::LeftButton);
}

void TestSettingsPage::everyTableRow_hasNamedAndDescribedEditor()
{
    createPage();
    for (const genius::settings::SettingDefinition& definition : genius::settings::settingsTable()) {
        QWidget* editor = m_page->editor(definition.key);
        QVERIFY2(editor, qPrintable(definition.key));
        QVERIFY2(!editor->accessibleName().isEmpty(), qPrintable(definition.key));
        // A label of its own, not the raw key the table falls back to.
        QVERIFY2(genius::ui::settingLabel(definition.key) != definition.key, qPrintable(definition.key));
        QCOMPARE(editor->accessibleDescription(),
                 QCoreApplication::translate("Settings", definition.description));
        QVERIFY(!editor->accessibleDescription().isEmpty());
    }
    QCOMPARE(m_page->editor(keys::GatewayUrl)->accessibleName(), QStringLiteral("Gateway URL"));
    QVERIFY(!m_page->editor(QStringLiteral("no/such/key")));
}

void TestSettingsPage::editors_showEffectiveValues()
{
    m_profile->writeMachineDefaults("[gateway]\nfirstByteTimeoutSeconds=30\nclearanceTable=a=high, b=none\n");
    m_profile->saveUserValue(keys::GatewayDefaultModel, QStringLiteral("gpt-local"));
    createPage();
    QCOMPARE(qobject_cast<QSpinBox*>(m_page->editor(keys::GatewayFirstByteTimeout))->value(), 30);
    QCOMPARE(qobject_cast<QSpinBox*>(m_page->editor(keys::GatewayIdleTimeout))->value(), 60); // default
    QCOMPARE(qobject_cast<QLineEdit*>(m_page->editor(keys::GatewayDefaultModel))->text(), QStringLiteral("gpt-local"));
    QCOMPARE(qobject_cast<QLineEdit*>(m_page->editor(keys::GatewayClearanceTable))->text(),
             QStringLiteral("a=high; b=none"));
    QCOMPARE(qobject_cast<QComboBox*>(m_page->editor(keys::ProtectionDefaultClass))->currentData().toString(),
             QStringLiteral("normal"));
}

void TestSettingsPage::fieldKinds_matchTheKeys()
{
    createPage();
    for (const QString& key : {keys::GatewayKind, keys::GatewayAuthHeader, keys::ProtectionDefaultClass, keys::UiLanguage})
        QVERIFY2(qobject_cast<QComboBox*>(m_page->editor(key)), qPrintable(key));
    for (const QString& key : {keys::GatewayFirstByteTimeout, keys::RetentionNone, keys::RetentionVeryHigh})
        QVERIFY2(qobject_cast<QSpinBox*>(m_page->editor(key)), qPrintable(key));
    for (const QString& key : {keys::GatewayUrl, keys::NetworkProxy, keys::StoreUrl})
        QVERIFY2(qobject_cast<QLineEdit*>(m_page->editor(key)), qPrintable(key));
    auto* kind = qobject_cast<QComboBox*>(m_page->editor(keys::GatewayKind));
    QCOMPARE(kind->count(), 3);
    QCOMPARE(kind->itemData(1).toString(), QStringLiteral("litellm"));
}

void TestSettingsPage::editingUserKey_andApply_savesToFile()
{
    createPage();
    auto* url = qobject_cast<QLineEdit*>(m_page->editor(keys::GatewayUrl));
    QVERIFY(url);
    QVERIFY(!url->isReadOnly());
    url->setText(QStringLiteral("https://aiaas.example/v1/"));
    auto* timeout = qobject_cast<QSpinBox*>(m_page->editor(keys::GatewayIdleTimeout));
    timeout->setValue(90);
    clickApply();

    QVERIFY(label(QStringLiteral("error"), keys::GatewayUrl)->isHidden());
    QCOMPARE(m_settings->text(keys::GatewayUrl), QStringLiteral("https://aiaas.example/v1"));
    QCOMPARE(url->text(), QStringLiteral("https://aiaas.example/v1")); // the normalised value
    const Settings reread(m_profile->locations());
    QCOMPARE(reread.text(keys::GatewayUrl), QStringLiteral("https://aiaas.example/v1"));
    QCOMPARE(reread.integer(keys::GatewayIdleTimeout), 90);
    QCOMPARE(m_page->findChild<QLabel*>(QStringLiteral("settingsStatus"))->text(),
             QStringLiteral("Your changes were saved."));
}

void TestSettingsPage::returnInTextField_applies()
{
    createPage();
    auto* model = qobject_cast<QLineEdit*>(m_page->editor(keys::GatewayDefaultModel));
    model->setText(QStringLiteral("llama-3"));
    QTest::keyClick(model, Qt::Key_Return);
    QCOMPARE(Settings(m_profile->locations()).text(keys::GatewayDefaultModel), QStringLiteral("llama-3"));
}

void TestSettingsPage::comboChoice_andApply_savesValue()
{
    createPage();
    auto* cls = qobject_cast<QComboBox*>(m_page->editor(keys::ProtectionDefaultClass));
    cls->setCurrentIndex(cls->findData(QStringLiteral("high")));
    QVERIFY(m_page->apply());
    QCOMPARE(Settings(m_profile->locations()).text(keys::ProtectionDefaultClass), QStringLiteral("high"));
}

void TestSettingsPage::invalidValue_showsErrorAndKeepsOldValue()
{
    m_profile->saveUserValue(keys::GatewayUrl, QStringLiteral("https://old.example/v1"));
    createPage();
    auto* url = qobject_cast<QLineEdit*>(m_page->editor(keys::GatewayUrl));
    url->setText(QStringLiteral("not a url"));
    clickApply();

    QLabel* error = label(QStringLiteral("error"), keys::GatewayUrl);
    QVERIFY(error);
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(QStringLiteral("expected an http or https URL")), qPrintable(error->text()));
    QVERIFY(error->text().startsWith(QStringLiteral("Not saved: ")));
    QCOMPARE(m_settings->text(keys::GatewayUrl), QStringLiteral("https://old.example/v1"));
    QCOMPARE(Settings(m_profile->locations()).text(keys::GatewayUrl), QStringLiteral("https://old.example/v1"));
    QCOMPARE(url->text(), QStringLiteral("not a url")); // kept, so that the user can correct it
    QVERIFY(url->accessibleDescription().startsWith(error->text()));
    QCOMPARE(m_page->findChild<QLabel*>(QStringLiteral("settingsStatus"))->text(),
             QStringLiteral("Some changes were not saved; see the messages next to the fields."));
}

void TestSettingsPage::correctingInvalidValue_clearsError()
{
    createPage();
    auto* url = qobject_cast<QLineEdit*>(m_page->editor(keys::GatewayUrl));
    url->setText(QStringLiteral("ftp://wrong.example"));
    QVERIFY(!m_page->apply());
    url->setText(QStringLiteral("https://right.example/v1"));
    QVERIFY(m_page->apply());
    QVERIFY(label(QStringLiteral("error"), keys::GatewayUrl)->isHidden());
    QCOMPARE(m_settings->text(keys::GatewayUrl), QStringLiteral("https://right.example/v1"));
}

void TestSettingsPage::policyLockedKey_isReadOnlyWithNote()
{
    m_profile->saveUserValue(keys::GatewayUrl, QStringLiteral("https://mine.example/v1"));
    m_profile->writePolicy("[gateway]\nurl=https://gw.example/v1\n"); // policy wins over the user
    createPage();
    auto* url = qobject_cast<QLineEdit*>(m_page->editor(keys::GatewayUrl));
    QVERIFY(url);
    QVERIFY(url->isReadOnly());
    QCOMPARE(url->text(), QStringLiteral("https://gw.example/v1"));
    QLabel* note = label(QStringLiteral("note"), keys::GatewayUrl);
    QVERIFY(note);
    QVERIFY(!note->isHidden());
    QCOMPARE(note->text(), QStringLiteral("Set by your administrator (policy)."));
    // An unlocked row has no note.
    QVERIFY(label(QStringLiteral("note"), keys::GatewayDefaultModel)->isHidden());

    // Even if the text were changed programmatically, Apply must not touch a locked key.
    url->setText(QStringLiteral("https://other.example/v1"));
    QVERIFY(m_page->apply());
    QCOMPARE(m_settings->text(keys::GatewayUrl), QStringLiteral("https://gw.example/v1"));
}

void TestSettingsPage::administratorKey_isReadOnlyWithNote()
{
    createPage();
    for (const QString& key : {keys::GatewayAllowedModels, keys::AuditContentLevel, keys::RoleName}) {
        auto* editor = qobject_cast<QLineEdit*>(m_page->editor(key));
        QVERIFY2(editor && editor->isReadOnly(), qPrintable(key));
        QCOMPARE(label(QStringLiteral("note"), key)->text(), QStringLiteral("Only an administrator can change this."));
    }
    QCOMPARE(qobject_cast<QLineEdit*>(m_page->editor(keys::AuditContentLevel))->text(), QStringLiteral("metadata"));
}

void TestSettingsPage::applyWithoutChanges_savesNothing()
{
    createPage();
    QVERIFY(m_page->apply());
    QVERIFY(!QFile::exists(m_profile->locations().userFile));
    QCOMPARE(m_page->findChild<QLabel*>(QStringLiteral("settingsStatus"))->text(),
             QStringLiteral("There are no changes to apply."));
}

void TestSettingsPage::discardChanges_restoresSavedValue()
{
    createPage();
    auto* model = qobject_cast<QLineEdit*>(m_page->editor(keys::GatewayDefaultModel));
    model->setText(QStringLiteral("bad model name"));
    QVERIFY(!m_page->apply());
    auto* discard = m_page->findChild<QPushButton*>(QStringLiteral("discardButton"));
    QTest::mouseClick(discard, Qt::LeftButton);
    QCOMPARE(model->text(), QString());
    QVERIFY(label(QStringLiteral("error"), keys::GatewayDefaultModel)->isHidden());
}

void TestSettingsPage::settingsChangedElsewhere_updatesEditor()
{
    createPage();
    QVERIFY(m_settings->setValue(keys::RetentionHigh, 30).has_value());
    QCOMPARE(qobject_cast<QSpinBox*>(m_page->editor(keys::RetentionHigh))->value(), 30);
}

void TestSettingsPage::loadWarnings_areShownAtTop()
{
    m_profile->writeUserFile("{ this is not json");
    m_profile->writePolicy("[gateway]\nnoSuchKey=1\n");
    createPage();
    QVERIFY(m_settings->warnings().size() >= 2);
    auto* warnings = m_page->findChild<QLabel*>(QStringLiteral("settingsWarnings"));
    QVERIFY(warnings);
    QVERIFY(!warnings->isHidden());
    for (const QString& warning : m_settings->warnings())
        QVERIFY2(warnings->text().contains(warning), qPrintable(warning));
}

void TestSettingsPage::withoutWarnings_noWarningArea()
{
    createPage();
    QVERIFY(m_settings->warnings().isEmpty());
    QVERIFY(m_page->findChild<QLabel*>(QStringLiteral("settingsWarnings"))->isHidden());
}

void TestSettingsPage::interactiveWidgets_haveAccessibleNames()
{
    m_profile->writePolicy("[gateway]\nurl=https://gw.example/v1\n");
    createPage();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    const QStringList unnamed = genius::test::widgetsWithoutAccessibleName(m_page.get());
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    // Labels point at their fields, so that a click on the label focuses the field.
    bool found = false;
    for (QLabel* candidate : m_page->findChildren<QLabel*>()) {
        if (candidate->buddy() == m_page->editor(keys::GatewayDefaultModel)) {
            QCOMPARE(candidate->text(), QStringLiteral("Default model:"));
            found = true;
        }
    }
    QVERIFY(found);
}

void TestSettingsPage::tabOrder_followsTheTableThenButtons()
{
    createPage();
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QStringList expected;
    for (const genius::settings::SettingDefinition& definition : genius::settings::settingsTable())
        expected << QStringLiteral("editor:") + definition.key;
    expected << QStringLiteral("applyButton") << QStringLiteral("discardButton");

    // Walk the focus chain the way Tab does: widgets that accept Tab focus, are shown and
    // enabled; a spin box's inner text field belongs to the spin box.
    QStringList actual;
    QWidget* start = m_page->editor(genius::settings::settingsTable().front().key);
    QWidget* widget = start;
    do {
        const bool inner = qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) != nullptr;
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisible() && widget->isEnabled() && !inner)
            actual << widget->objectName();
        widget = widget->nextInFocusChain();
    } while (widget != start && actual.size() <= expected.size());
    QCOMPARE(actual, expected);
}

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
