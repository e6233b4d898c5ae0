// KeychainSecretStore and ApiKeySource against a real Secret Service: a private, unlocked
// gnome-keyring started by scripts/with-keyring.sh. Also proves that a stored secret reaches
// neither a plain file nor any log line.

#include "keychaintestsupport.h"

#include "core/security/apikeysource.h"
#include "core/security/keychainsecretstore.h"
#include "core/security/securitylogging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>
#include <memory>

using namespace std::chrono_literals;
using namespace genius::keychaintest;
using genius::common::ErrorCode;
using genius::common::Result;
using genius::security::ApiKey;
using genius::security::ApiKeySource;
using genius::security::KeychainSecretStore;
using genius::security::SecretStore;

namespace {

// A healthy keyring answers in milliseconds; these only bound a broken run.
constexpr auto kStoreTimeout = 15s;
constexpr auto kAnswerWithin = 20s;

/// Forwards to another store and counts the calls, to prove which paths touch the keychain.
class CountingSecretStore final : public SecretStore
{
public:
    explicit CountingSecretStore(SecretStore& inner)
        : m_inner(inner)
    {
    }

    void read(const QString& name, QObject* context, ReadDone done) override
    {
        ++reads;
        m_inner.read(name, context, std::move(done));
    }
    void write(const QString& name, const QString& secret, QObject* context, Done done) override
    {
        ++writes;
        m_inner.write(name, secret, context, std::move(done));
    }
    void remove(const QString& name, QObject* context, Done done) override
    {
        ++removes;
        m_inner.remove(name, context, std::move(done));
    }

    int reads = 0;
    int writes = 0;
    int removes = 0;

private:
    SecretStore& m_inner;
};

QString sandboxDir()
{
    return qEnvironmentVariable("GENIUS_KEYRING_SANDBOX");
}

/// Hashes of the keyring files gnome-keyring keeps under XDG_DATA_HOME/keyrings.
QHash<QString, QByteArray> keyringFileHashes()
{
    QHash<QString, QByteArray> hashes;
    const QDir dir(qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/keyrings"));
    for (const QString& name : dir.entryList({QStringLiteral("*.keyring")}, QDir::Files)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            hashes.insert(name, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return hashes;
}

} // namespace

class TestKeychain final : public QObject
{
    Q_OBJECT

private:
    /// A fresh random secret with non-ASCII characters. It and its ASCII core are remembered so
    /// that cleanup() can prove neither reached a log line.
    QString newSecret(QString* asciiCore = nullptr)
    {
        const QString core = QStringLiteral("sk-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString secret = core + QStringLiteral("-Schlüssel-äöß€");
        m_secrets << core << secret;
        if (asciiCore)
            *asciiCore = core;
        return secret;
    }

    /// Runs one store call to its callback; a missing callback comes back as a test-made error.
    /// Every call is checked again in cleanup(): exactly one callback, never synchronous.
    template<typename T>
    Result<T> await(const std::function<void(std::function<void(Result<T>)>)>& start)
    {
        const PendingCall<T> call(start);
        m_callChecks.append([call]() -> QString {
            if (call.completedSynchronously())
                return QStringLiteral("a callback ran before its call returned");
            if (call.calls() != 1)
                return QStringLiteral("a call completed %1 times instead of once").arg(call.calls());
            return {};
        });
        if (!call.waitForResult(kAnswerWithin))
            return genius::common::fail(ErrorCode::Timeout, QStringLiteral("test: no callback arrived"));
        return call.result();
    }

    Result<void> write(const QString& name, const QString& secret)
    {
        return await<void>([&](auto done) { m_store->write(name, secret, this, done); });
    }
    Result<QString> read(const QString& name)
    {
        return await<QString>([&](auto done) { m_store->read(name, this, done); });
    }
    Result<void> remove(const QString& name)
    {
        return await<void>([&](auto done) { m_store->remove(name, this, done); });
    }

    const QString m_service = QStringLiteral("IT.NRW.Genius.test-%1").arg(QCoreApplication::applicationPid());
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<KeychainSecretStore> m_store;
    std::unique_ptr<LogCapture> m_logs;
    QStringList m_secrets;
    QList<std::function<QString()>> m_callChecks;

private Q_SLOTS:
    void initTestCase()
    {
        // Never run against somebody's real keyring.
        QVERIFY2(!sandboxDir().isEmpty(), "run this test through scripts/with-keyring.sh");
        QVERIFY(QDir::homePath().startsWith(sandboxDir()));
        QVERIFY(qEnvironmentVariable("XDG_DATA_HOME").startsWith(sandboxDir()));
        QVERIFY2(qEnvironmentVariableIsEmpty("DISPLAY"), "with a display a locked keyring would prompt");
        // Debug output of every category is captured too: a secret must not appear at any level.
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    }

    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_tempDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tempDir->isValid());
        m_secrets.clear();
        m_callChecks.clear();
        m_logs = std::make_unique<LogCapture>();
        QVERIFY(m_logs->isActive());
        m_store = std::make_unique<KeychainSecretStore>(m_service, kStoreTimeout);
    }

    void cleanup()
    {
        m_store.reset();
        const QString logs = m_logs->text();
        m_logs.reset();
        for (const auto& check : std::as_const(m_callChecks)) {
            const QString violation = check();
            QVERIFY2(violation.isEmpty(), qPrintable(violation));
        }
        for (const QString& secret : std::as_const(m_secrets))
            QVERIFY2(!logs.contains(secret), "a secret appeared in the log output");
        m_tempDir.reset();
    }

    void writeReadOverwriteDelete_roundTrips()
    {
        const QString name = QStringLiteral("roundtrip");
        const QString first = newSecret();
        const QString second = newSecret();

        QCOMPARE(codeOf(read(name)), QStringLiteral("not-found")); // a fresh service holds nothing

        const auto written = write(name, first);
        QVERIFY2(written, qPrintable(describe(written)));
        const auto readFirst = read(name);
        QVERIFY2(readFirst, qPrintable(describe(readFirst)));
        QCOMPARE(*readFirst, first);

        const auto overwritten = write(name, second);
        QVERIFY2(overwritten, qPrintable(describe(overwritten)));
        const auto readSecond = read(name);
        QVERIFY2(readSecond, qPrintable(describe(readSecond)));
        QCOMPARE(*readSecond, second);

        const auto removed = remove(name);
        QVERIFY2(removed, qPrintable(describe(removed)));
        const auto readRemoved = read(name);
        QCOMPARE(codeOf(readRemoved), QStringLiteral("not-found"));
        QVERIFY(!readRemoved.error().detail.isEmpty());

        const auto removedAgain = remove(name);
        QVERIFY2(removedAgain, qPrintable(describe(removedAgain)));
    }

    void twoNames_keepTheirOwnSecrets()
    {
        const QString secretA = newSecret();
        const QString secretB = newSecret();
        QVERIFY(write(QStringLiteral("name-a"), secretA));
        QVERIFY(write(QStringLiteral("name-b"), secretB));
        QCOMPARE(read(QStringLiteral("name-a")).value_or(QString()), secretA);
        QCOMPARE(read(QStringLiteral("name-b")).value_or(QString()), secretB);

        QVERIFY(remove(QStringLiteral("name-a")));
        QCOMPARE(codeOf(read(QStringLiteral("name-a"))), QStringLiteral("not-found"));
        QCOMPARE(read(QStringLiteral("name-b")).value_or(QString()), secretB);
        QVERIFY(remove(QStringLiteral("name-b")));
    }

    void apiKeyInKeychain_resolvesWithKeychainOrigin()
    {
        ApiKeySource source(*m_store, QProcessEnvironment()); // no GENIUS_API_KEY, whatever CI sets
        const QString gateway = QStringLiteral("https://gateway.example.nrw/v1");
        const QString key = newSecret();

        const auto stored = await<void>([&](auto done) { source.store(gateway, key, this, done); });
        QVERIFY2(stored, qPrintable(describe(stored)));

        const auto resolved = await<ApiKey>([&](auto done) { source.resolve(gateway, this, done); });
        QVERIFY2(resolved, qPrintable(describe(resolved)));
        QCOMPARE(resolved->value, key);
        QVERIFY(resolved->origin == ApiKey::Origin::Keychain);

        // The entry is the one ApiKeySource names, so other tools can find it.
        QCOMPARE(read(ApiKeySource::secretName(gateway)).value_or(QString()), key);
        const auto withSlash = await<ApiKey>([&](auto done) { source.resolve(gateway + QLatin1Char('/'), this, done); });
        QCOMPARE(withSlash ? withSlash->value : QString(), key);
        const auto otherGateway = await<ApiKey>(
            [&](auto done) { source.resolve(QStringLiteral("https://other.example.nrw/v1"), this, done); });
        QCOMPARE(codeOf(otherGateway), QStringLiteral("not-found"));

        QVERIFY(await<void>([&](auto done) { source.remove(gateway, this, done); }));
        const auto afterRemove = await<ApiKey>([&](auto done) { source.resolve(gateway, this, done); });
        QCOMPARE(codeOf(afterRemove), QStringLiteral("not-found"));
    }

    void environmentKey_winsWithoutTouchingKeychain()
    {
        CountingSecretStore counting(*m_store);
        const QString gateway = QStringLiteral("https://gateway.example.nrw/v1");
        const QString keychainKey = newSecret();
        const QString environmentKey = newSecret();

        ApiKeySource keychainOnly(counting, QProcessEnvironment());
        QVERIFY(await<void>([&](auto done) { keychainOnly.store(gateway, keychainKey, this, done); }));

        QProcessEnvironment environment;
        environment.insert(ApiKeySource::environmentVariable(), environmentKey);
        ApiKeySource withEnvironment(counting, environment);
        const auto resolved = await<ApiKey>([&](auto done) { withEnvironment.resolve(gateway, this, done); });
        QVERIFY2(resolved, qPrintable(describe(resolved)));
        QCOMPARE(resolved->value, environmentKey);
        QVERIFY(resolved->origin == ApiKey::Origin::Environment);
        QCOMPARE(counting.reads, 0);

        // The keychain entry is still there and reading it is counted: the zero above is real.
        const auto fromKeychain = await<ApiKey>([&](auto done) { keychainOnly.resolve(gateway, this, done); });
        QCOMPARE(fromKeychain ? fromKeychain->value : QString(), keychainKey);
        QCOMPARE(counting.reads, 1);
        QVERIFY(await<void>([&](auto done) { keychainOnly.remove(gateway, this, done); }));
    }

    void storedSecret_isInNoPlainFile()
    {
        QString core;
        const QString secret = newSecret(&core);
        const auto before = keyringFileHashes();

        const auto written = write(QStringLiteral("on-disk"), secret);
        QVERIFY2(written, qPrintable(describe(written)));
        QCOMPARE(read(QStringLiteral("on-disk")).value_or(QString()), secret);

        // The secret did reach the disk: gnome-keyring rewrote its (encrypted) login keyring...
        const auto after = keyringFileHashes();
        QVERIFY2(after.contains(QStringLiteral("login.keyring")), "no login.keyring in XDG_DATA_HOME/keyrings");
        QVERIFY2(after.value(QStringLiteral("login.keyring")) != before.value(QStringLiteral("login.keyring")),
                 "the write did not change login.keyring");

        // ...and nowhere, not even in the keyring files, does it appear in plain text.
        const QStringList roots = {sandboxDir(), m_tempDir->path(),
                                   QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                                   QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation),
                                   QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)};
        int scanned = 0;
        const QStringList leaks = filesContaining(roots, leakPatterns(secret, core), &scanned);
        QVERIFY2(leaks.isEmpty(), qPrintable(QStringLiteral("secret found in: ") + leaks.join(QStringLiteral(", "))));
        QVERIFY(scanned >= after.size());

        QVERIFY(remove(QStringLiteral("on-disk")));
    }

    void secretScan_findsPlantedSecret()
    {
        // The scan above can only fail if it would notice a leak: plant one in two encodings.
        QString core;
        const QString secret = newSecret(&core);
        QVERIFY(QDir(m_tempDir->path()).mkpath(QStringLiteral(".hidden/deeper")));
        QFile utf8(m_tempDir->filePath(QStringLiteral(".hidden/deeper/settings.ini")));
        QVERIFY(utf8.open(QIODevice::WriteOnly));
        QByteArray ini = QByteArrayLiteral("[gateway]\napiKey=");
        ini += secret.toUtf8();
        ini += '\n';
        utf8.write(ini);
        utf8.close();
        QFile utf16(m_tempDir->filePath(QStringLiteral("profile.bin")));
        QVERIFY(utf16.open(QIODevice::WriteOnly));
        utf16.write(QByteArray(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2));
        utf16.close();

        int scanned = 0;
        QStringList leaks = filesContaining({m_tempDir->path()}, leakPatterns(secret, core), &scanned);
        leaks.sort();
        QCOMPARE(scanned, 2);
        QCOMPARE(leaks, QStringList({utf8.fileName(), utf16.fileName()}));
    }

    void logCapture_seesSecurityDebugOutputAndStderr()
    {
        // cleanup() can only fail if the capture sees what the store would log.
        const QString qtCanary = QStringLiteral("qt-canary-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString stderrCanary = QStringLiteral("stderr-canary-") + QUuid::createUuid().toString(QUuid::Id128);
        qCDebug(lcSecurity).noquote() << qtCanary;
        std::fprintf(stderr, "%s\n", stderrCanary.toUtf8().constData());
        const QString logs = m_logs->text();
        QVERIFY(logs.contains(qtCanary));
        QVERIFY(logs.contains(QStringLiteral("genius.security")));
        QVERIFY(logs.contains(stderrCanary));
    }

    void destroyedContext_getsNoCallbackAndStoreKeepsWorking()
    {
        const QString secret = newSecret();
        QVERIFY(write(QStringLiteral("context"), secret));

        bool called = false;
        auto context = std::make_unique<QObject>();
        m_store->read(QStringLiteral("context"), context.get(), [&called](Result<QString>) { called = true; });
        context.reset();
        // The job still finishes inside QtKeychain; only the callback is dropped.
        QTest::qWait(500);
        QVERIFY(!called);

        QCOMPARE(read(QStringLiteral("context")).value_or(QString()), secret);
        QVERIFY(remove(QStringLiteral("context")));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
