#include "core/settings/settings.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace genius::settings;
using genius::common::ErrorCode;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSettings final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    SettingsLocations m_locations;

    QString path(const char* name) const { return m_dir->filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = new QTemporaryDir;
        m_locations = SettingsLocations{path("profile/settings.json"), path("machine.conf"), path("policy.conf"),
                                        QSettings::IniFormat};
    }

    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void noFiles_giveTableDefaultsWithoutWarnings()
    {
        Settings settings(m_locations);
        QVERIFY(settings.warnings().isEmpty());
        for (const SettingDefinition& definition : settingsTable()) {
            QCOMPARE(settings.value(definition.key), definition.defaultValue);
            QCOMPARE(settings.source(definition.key), Source::Default);
        }
        QCOMPARE(settings.text(keys::ProtectionDefaultClass), QStringLiteral("normal"));
        QVERIFY(settings.policyLockedKeys().isEmpty());
    }

    void everyDefault_passesItsOwnValidator()
    {
        for (const SettingDefinition& definition : settingsTable()) {
            auto checked = definition.validate(definition.defaultValue);
            QVERIFY2(checked.has_value(), qPrintable(definition.key));
            QCOMPARE(*checked, definition.defaultValue);
            QVERIFY(definition.description && *definition.description);
        }
    }

    void userValue_isSavedAndReadBack()
    {
        {
            Settings settings(m_locations);
            QSignalSpy changed(&settings, &Settings::changed);
            QVERIFY(settings.setValue(keys::GatewayUrl, QStringLiteral("https://gw.example/v1/")).has_value());
            QCOMPARE(changed.count(), 1);
            QCOMPARE(changed.at(0).at(0).toString(), keys::GatewayUrl);
        }
        Settings reread(m_locations);
        QCOMPARE(reread.text(keys::GatewayUrl), QStringLiteral("https://gw.example/v1"));
        QCOMPARE(reread.source(keys::GatewayUrl), Source::User);
        const auto permissions = QFileInfo(m_locations.userFile).permissions();
        QVERIFY(!permissions.testFlag(QFileDevice::ReadOther));
    }

    void precedence_policyOverUserOverMachineOverDefault()
    {
        writeFile(m_locations.machine, "[gateway]\nurl=https://machine.example/v1\nkind=litellm\n"
                                       "firstByteTimeoutSeconds=30\n");
        {
            Settings settings(m_locations);
            QCOMPARE(settings.text(keys::GatewayUrl), QStringLiteral("https://machine.example/v1"));
            QCOMPARE(settings.source(keys::GatewayUrl), Source::Machine);
            QCOMPARE(settings.integer(keys::GatewayFirstByteTimeout), 30);
            QVERIFY(settings.setValue(keys::GatewayUrl, QStringLiteral("https://user.example/v1")).has_value());
            QVERIFY(settings.setValue(keys::GatewayKind, QStringLiteral("azure")).has_value());
            QCOMPARE(settings.text(keys::GatewayUrl), QStringLiteral("https://user.example/v1"));
            QCOMPARE(settings.source(keys::GatewayUrl), Source::User);
        }
        writeFile(m_locations.policy, "[gateway]\nurl=https://policy.example/v1\n");
        Settings settings(m_locations);
        QCOMPARE(settings.text(keys::GatewayUrl), QStringLiteral("https://policy.example/v1"));
        QCOMPARE(settings.source(keys::GatewayUrl), Source::Policy);
        QCOMPARE(settings.lock(keys::GatewayUrl), Lock::Policy);
        // Keys policy does not name keep the user's value.
        QCOMPARE(settings.text(keys::GatewayKind), QStringLiteral("azure"));
        QCOMPARE(settings.lock(keys::GatewayKind), Lock::None);
        QCOMPARE(settings.policyLockedKeys(), QStringList{keys::GatewayUrl});
    }

    void policyLockedKey_refusesUserAndSessionChanges()
    {
        writeFile(m_locations.policy, "[protection]\ndefaultClass=high\n");
        Settings settings(m_locations);
        QSignalSpy changed(&settings, &Settings::changed);
        auto set = settings.setValue(keys::ProtectionDefaultClass, QStringLiteral("none"));
        QVERIFY(!set.has_value());
        QCOMPARE(set.error().code, ErrorCode::Locked);
        auto session = settings.setSessionValue(keys::ProtectionDefaultClass, QStringLiteral("none"));
        QVERIFY(!session.has_value());
        QCOMPARE(session.error().code, ErrorCode::Locked);
        auto reset = settings.resetValue(keys::ProtectionDefaultClass);
        QVERIFY(!reset.has_value());
        QCOMPARE(settings.text(keys::ProtectionDefaultClass), QStringLiteral("high"));
        QCOMPARE(changed.count(), 0);
        QVERIFY(!QFile::exists(m_locations.userFile));
    }

    void userValueUnderPolicy_isKeptAndReturnsWhenPolicyGoes()
    {
        {
            Settings settings(m_locations);
            QVERIFY(settings.setValue(keys::NetworkProxy, QStringLiteral("http://proxy.local:3128")).has_value());
        }
        writeFile(m_locations.policy, "[network]\nproxy=none\n");
        {
            Settings settings(m_locations);
            QCOMPARE(settings.text(keys::NetworkProxy), QStringLiteral("none"));
        }
        QVERIFY(QFile::remove(m_locations.policy));
        Settings settings(m_locations);
        QCOMPARE(settings.text(keys::NetworkProxy), QStringLiteral("http://proxy.local:3128"));
    }

    void administratorKeys_areLockedForUsersButSetByMachineAndPolicy()
    {
        Settings plain(m_locations);
        QCOMPARE(plain.lock(keys::GatewayAllowedModels), Lock::Administrator);
        QCOMPARE(plain.lock(keys::NetworkCaCertificates), Lock::Administrator);
        auto set = plain.setValue(keys::GatewayAllowedModels, QStringLiteral("gpt-4o"));
        QVERIFY(!set.has_value());
        QCOMPARE(set.error().code, ErrorCode::Locked);

        writeFile(m_locations.machine, "[network]\ncaCertificates=/etc/ssl/a.pem, /etc/ssl/b.pem\n"
                                       "[gateway]\nallowedModels=not-from-machine\n");
        writeFile(m_locations.policy, "[gateway]\nallowedModels=llama-3-70b, mistral-large\n"
                                      "clearanceTable=llama-3-70b=high, mistral-large=normal\n");
        Settings settings(m_locations);
        QCOMPARE(settings.list(keys::NetworkCaCertificates),
                 QStringList({QStringLiteral("/etc/ssl/a.pem"), QStringLiteral("/etc/ssl/b.pem")}));
        QCOMPARE(settings.source(keys::NetworkCaCertificates), Source::Machine);
        QCOMPARE(settings.list(keys::GatewayAllowedModels),
                 QStringList({QStringLiteral("llama-3-70b"), QStringLiteral("mistral-large")}));
        QCOMPARE(settings.list(keys::GatewayClearanceTable),
                 QStringList({QStringLiteral("llama-3-70b=high"), QStringLiteral("mistral-large=normal")}));
        // Machine defaults cannot set a policy-only key: one warning names it.
        QCOMPARE(settings.warnings().filter(keys::GatewayAllowedModels).size(), 1);
    }

    void invalidPolicyValue_locksAtDefaultWithWarning()
    {
        writeFile(m_locations.policy, "[gateway]\nurl=ftp://wrong.example\n");
        {
            Settings user(SettingsLocations{m_locations.userFile, {}, {}, QSettings::IniFormat});
            QVERIFY(user.setValue(keys::GatewayUrl, QStringLiteral("https://user.example/v1")).has_value());
        }
        Settings settings(m_locations);
        QCOMPARE(settings.text(keys::GatewayUrl), QString());
        QCOMPARE(settings.lock(keys::GatewayUrl), Lock::Policy);
        QCOMPARE(settings.warnings().size(), 1);
        QVERIFY(settings.warnings().constFirst().contains(keys::GatewayUrl));
    }

    void unknownPolicyKey_isReportedOnce()
    {
        writeFile(m_locations.policy, "[gateway]\nulr=https://typo.example\n");
        Settings settings(m_locations);
        QCOMPARE(settings.warnings().size(), 1);
        QVERIFY(settings.warnings().constFirst().contains(QStringLiteral("gateway/ulr")));
        QVERIFY(settings.policyLockedKeys().isEmpty());
    }

    void invalidValues_areRefusedAndNothingChanges()
    {
        Settings settings(m_locations);
        QVERIFY(settings.setValue(keys::GatewayIdleTimeout, 90).has_value());
        const QByteArray before = readFile(m_locations.userFile);
        const std::pair<QString, QVariant> invalid[] = {
            {keys::GatewayUrl, QStringLiteral("not a url")},
            {keys::GatewayUrl, QStringLiteral("https://user:secret@gw.example/v1")},
            {keys::GatewayIdleTimeout, 0},
            {keys::GatewayIdleTimeout, QStringLiteral("ten")},
            {keys::ProtectionDefaultClass, QStringLiteral("secret")},
            {keys::NetworkProxy, QStringLiteral("ftp://proxy:21")},
            {keys::StoreUrl, QStringLiteral("postgresql://u:pw@db/genius")},
            {keys::GatewayDefaultModel, QStringLiteral("two words")},
        };
        for (const auto& [key, value] : invalid) {
            auto result = settings.setValue(key, value);
            QVERIFY2(!result.has_value(), qPrintable(key + QLatin1Char('=') + value.toString()));
            QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        }
        QCOMPARE(settings.integer(keys::GatewayIdleTimeout), 90);
        QCOMPARE(readFile(m_locations.userFile), before);
        auto unknown = settings.setValue(QStringLiteral("gateway/nope"), 1);
        QVERIFY(!unknown.has_value());
        QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    }

    void corruptUserFile_givesDefaultsOneWarningAndKeepsTheBytes()
    {
        QVERIFY(QDir().mkpath(path("profile")));
        const QByteArray garbage("{\"format\": 1, \"values\": {\"gateway/url\": \"https://x.example\"\x00\xff garbage");
        writeFile(m_locations.userFile, garbage);
        Settings settings(m_locations);
        QCOMPARE(settings.warnings().size(), 1);
        QCOMPARE(settings.text(keys::GatewayUrl), QString());
        QCOMPARE(settings.source(keys::GatewayUrl), Source::Default);
        // Nothing lost: the damaged file is kept beside, byte for byte.
        const QStringList aside = QDir(path("profile")).entryList({QStringLiteral("settings.json.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readFile(path("profile") + QLatin1Char('/') + aside.constFirst()), garbage);
        QVERIFY(settings.warnings().constFirst().contains(aside.constFirst()));
        // And the user can go on: a new value is saved to a fresh file.
        QVERIFY(settings.setValue(keys::GatewayKind, QStringLiteral("litellm")).has_value());
        QCOMPARE(Settings(m_locations).text(keys::GatewayKind), QStringLiteral("litellm"));
    }

    void invalidAndUnknownUserEntries_areKeptInTheFile()
    {
        QVERIFY(QDir().mkpath(path("profile")));
        writeFile(m_locations.userFile,
                  R"({"format":1,"values":{"gateway/idleTimeoutSeconds":"soon","future/key":[1,2],"gateway/kind":"litellm"}})");
        Settings settings(m_locations);
        QCOMPARE(settings.warnings().size(), 1);
        QCOMPARE(settings.integer(keys::GatewayIdleTimeout), 60);
        QCOMPARE(settings.text(keys::GatewayKind), QStringLiteral("litellm"));
        QVERIFY(settings.setValue(keys::GatewayAuthHeader, QStringLiteral("api-key")).has_value());
        const QJsonObject values = QJsonDocument::fromJson(readFile(m_locations.userFile))
                                       .object()
                                       .value(QStringLiteral("values"))
                                       .toObject();
        QCOMPARE(values.value(QStringLiteral("future/key")).toArray().size(), 2);
        QCOMPARE(values.value(keys::GatewayIdleTimeout).toString(), QStringLiteral("soon"));
        QCOMPARE(values.value(keys::GatewayAuthHeader).toString(), QStringLiteral("api-key"));
    }

    void newerFormat_isReadButNeverOverwritten()
    {
        QVERIFY(QDir().mkpath(path("profile")));
        const QByteArray newer(R"({"format":7,"values":{"gateway/kind":"azure"}})");
        writeFile(m_locations.userFile, newer);
        Settings settings(m_locations);
        QCOMPARE(settings.text(keys::GatewayKind), QStringLiteral("azure"));
        auto set = settings.setValue(keys::GatewayKind, QStringLiteral("openai"));
        QVERIFY(!set.has_value());
        QCOMPARE(set.error().code, ErrorCode::Io);
        QCOMPARE(readFile(m_locations.userFile), newer);
    }

    void sessionValue_winsOverUserButIsNeverSaved()
    {
        Settings settings(m_locations);
        QVERIFY(settings.setValue(keys::GatewayUrl, QStringLiteral("https://saved.example")).has_value());
        QVERIFY(settings.setSessionValue(keys::GatewayUrl, QStringLiteral("https://once.example")).has_value());
        QCOMPARE(settings.text(keys::GatewayUrl), QStringLiteral("https://once.example"));
        QCOMPARE(settings.source(keys::GatewayUrl), Source::Session);
        QCOMPARE(Settings(m_locations).text(keys::GatewayUrl), QStringLiteral("https://saved.example"));
        QVERIFY(!settings.setSessionValue(keys::GatewayUrl, QStringLiteral("nope")).has_value());
    }

    void resetValue_fallsBackToMachineDefault()
    {
        writeFile(m_locations.machine, "[ui]\nlanguage=de\n");
        Settings settings(m_locations);
        QVERIFY(settings.setValue(keys::UiLanguage, QStringLiteral("en")).has_value());
        QCOMPARE(settings.text(keys::UiLanguage), QStringLiteral("en"));
        QVERIFY(settings.resetValue(keys::UiLanguage).has_value());
        QCOMPARE(settings.text(keys::UiLanguage), QStringLiteral("de"));
        QCOMPARE(settings.source(keys::UiLanguage), Source::Machine);
    }

    void unreadablePolicy_failsClosed()
    {
        QVERIFY(QDir().mkpath(m_locations.policy)); // a folder where the file should be
        Settings plain(SettingsLocations{m_locations.userFile, {}, {}, QSettings::IniFormat});
        QVERIFY(plain.setValue(keys::GatewayUrl, QStringLiteral("https://user.example")).has_value());
        Settings settings(m_locations);
        QCOMPARE(settings.warnings().size(), 1);
        QCOMPARE(settings.lock(keys::GatewayUrl), Lock::Policy);
        QCOMPARE(settings.text(keys::GatewayUrl), QString());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
