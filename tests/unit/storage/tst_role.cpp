// The role on this workstation from real settings files: policy decides (machine defaults
// and the user's file cannot), else the local profile makes the user
// the data manager of their own collections; unknown values count as staff.
#include "core/settings/settings.h"
#include "core/storage/role.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace genius;
using storage::Role;
using storage::RoleSource;

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

} // namespace

class TestRole final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    settings::SettingsLocations m_locations;

    storage::RoleDecision decide() const
    {
        settings::Settings settings(m_locations);
        return storage::effectiveRole(settings);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        QVERIFY(m_dir->isValid());
        m_locations = settings::SettingsLocations{m_dir->filePath(QStringLiteral("profile/settings.json")),
                                                  m_dir->filePath(QStringLiteral("machine.conf")),
                                                  m_dir->filePath(QStringLiteral("policy.conf")), QSettings::IniFormat};
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void nothingSet_makesTheUserDataManagerOfTheLocalProfile()
    {
        const auto decision = decide();
        QCOMPARE(decision.role, Role::DataManager);
        QCOMPARE(decision.source, RoleSource::LocalProfile);
    }

    void policyStaff_isStaffByPolicy()
    {
        QVERIFY(writeFile(m_locations.policy, "[roles]\nrole=staff\n"));
        const auto decision = decide();
        QCOMPARE(decision.role, Role::Staff);
        QCOMPARE(decision.source, RoleSource::Policy);
    }

    void policyDataManager_isDataManagerByPolicy()
    {
        QVERIFY(writeFile(m_locations.policy, "[roles]\nrole=data-manager\n"));
        const auto decision = decide();
        QCOMPARE(decision.role, Role::DataManager);
        QCOMPARE(decision.source, RoleSource::Policy);
    }

    void machineDefaults_cannotSetTheRole()
    {
        // roles/role is policy-only: in the machine defaults it is ignored with a warning
        // (docs/admin.md), and the role follows the local profile like any unset key.
        QVERIFY(writeFile(m_locations.machine, "[roles]\nrole=staff\n"));
        settings::Settings settings(m_locations);
        QVERIFY(!settings.warnings().isEmpty());
        const auto decision = storage::effectiveRole(settings);
        QCOMPARE(decision.role, Role::DataManager);
        QCOMPARE(decision.source, RoleSource::LocalProfile);
    }

    void policy_beatsMachineDefaults()
    {
        QVERIFY(writeFile(m_locations.machine, "[roles]\nrole=staff\n"));
        QVERIFY(writeFile(m_locations.policy, "[roles]\nrole=data-manager\n"));
        auto decision = decide();
        QCOMPARE(decision.role, Role::DataManager);
        QCOMPARE(decision.source, RoleSource::Policy);

        QVERIFY(writeFile(m_locations.machine, "[roles]\nrole=data-manager\n"));
        QVERIFY(writeFile(m_locations.policy, "[roles]\nrole=staff\n"));
        decision = decide();
        QCOMPARE(decision.role, Role::Staff);
        QCOMPARE(decision.source, RoleSource::Policy);
    }

    void invalidPolicyValue_isStaff()
    {
        QVERIFY(writeFile(m_locations.policy, "[roles]\nrole=administrator\n"));
        settings::Settings settings(m_locations);
        QVERIFY(!settings.warnings().isEmpty());
        const auto decision = storage::effectiveRole(settings);
        QCOMPARE(decision.role, Role::Staff);
        QCOMPARE(decision.source, RoleSource::Policy);
    }

    void usersOwnSettingsFile_cannotChangeTheRole()
    {
        // The user file is the user's to edit: a role written there must neither lift a
        // staff policy nor make a local profile staff.
        QVERIFY(writeFile(m_locations.userFile, R"({"format": 1, "values": {"roles/role": "data-manager"}})"));
        QVERIFY(writeFile(m_locations.policy, "[roles]\nrole=staff\n"));
        QCOMPARE(decide().role, Role::Staff);

        QVERIFY(QFile::remove(m_locations.policy));
        QVERIFY(writeFile(m_locations.userFile, R"({"format": 1, "values": {"roles/role": "staff"}})"));
        const auto decision = decide();
        QCOMPARE(decision.role, Role::DataManager);
        QCOMPARE(decision.source, RoleSource::LocalProfile);
    }

    void names_areTheSettingsChoices()
    {
        const settings::SettingDefinition* definition = settings::findSetting(settings::keys::RoleName);
        QVERIFY(definition);
        QCOMPARE(definition->choices, (QStringList{storage::roleName(Role::Staff), storage::roleName(Role::DataManager)}));
        QCOMPARE(storage::roleName(Role::DataManager), QStringLiteral("data-manager"));
        QCOMPARE(storage::roleSourceName(RoleSource::Policy), QStringLiteral("policy"));
        QCOMPARE(storage::roleSourceName(RoleSource::LocalProfile), QStringLiteral("local-profile"));
    }
};

QTEST_GUILESS_MAIN(TestRole)
#include "tst_role.moc"
