// KeychainSecretStore with no Secret Service at all: CTest points DBUS_SESSION_BUS_ADDRESS at a
// socket that does not exist. Every keychain call must fail at once with ErrorCode::Unavailable
// and a detail (never success, never NotFound, never a Timeout after the store's timeout).

#include "keychaintestsupport.h"

#include "core/security/apikeysource.h"
#include "core/security/keychainsecretstore.h"

#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using namespace genius::keychaintest;
using genius::common::Result;
using genius::security::ApiKey;
using genius::security::ApiKeySource;
using genius::security::KeychainSecretStore;

namespace {

constexpr auto kStoreTimeout = 4000ms;
// "Fails fast": measured at a few milliseconds; a quarter of the timeout leaves room for a slow CI.
constexpr auto kFastEnough = kStoreTimeout / 4;
const QByteArray kUnreachableBus = QByteArrayLiteral("unix:path=/nonexistent/bus");

/// Empty if `call` failed with Unavailable, a detail, and faster than kFastEnough; else what is wrong.
template<typename T>
QString unavailableFastViolation(const PendingCall<T>& call, const char* what)
{
    if (!call.waitForResult(kStoreTimeout + 2s))
        return QStringLiteral("no callback at all");
    qInfo("%s failed after %lld ms: %s", what, call.elapsedMs(), qPrintable(describe(call.result())));
    if (call.completedSynchronously())
        return QStringLiteral("the callback ran before the call returned");
    if (codeOf(call.result()) != QStringLiteral("unavailable"))
        return QStringLiteral("expected unavailable, got ") + describe(call.result());
    if (call.result().error().detail.trimmed().isEmpty())
        return QStringLiteral("the error has no detail");
    if (call.elapsedMs() >= std::chrono::milliseconds(kFastEnough).count())
        return QStringLiteral("took %1 ms, not well within the %2 ms timeout").arg(call.elapsedMs()).arg(kStoreTimeout.count());
    return {};
}

} // namespace

class TestKeychainUnavailable final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<KeychainSecretStore> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(qgetenv("DBUS_SESSION_BUS_ADDRESS"), kUnreachableBus);
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent/bus")));
        QVERIFY2(qEnvironmentVariableIsEmpty("DISPLAY"), "DISPLAY must be unset (CTest ENVIRONMENT_MODIFICATION)");
    }

    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_tempDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tempDir->isValid());
        m_store = std::make_unique<KeychainSecretStore>(QStringLiteral("IT.NRW.Genius.test-unavailable"), kStoreTimeout);
    }

    void cleanup()
    {
        m_store.reset();
        m_tempDir.reset();
    }

    void unreachableBus_writeFailsFastWithUnavailable()
    {
        const QString secret = QStringLiteral("sk-unavailable-write-Schlüssel");
        const PendingCall<void> call([&](auto done) { m_store->write(QStringLiteral("api-key"), secret, this, done); });
        const QString violation = unavailableFastViolation(call, "write");
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        QVERIFY(!call.result().error().detail.contains(secret));
        QTest::qWait(200);
        QCOMPARE(call.calls(), 1);
    }

    void unreachableBus_readFailsFastWithUnavailable()
    {
        // Not NotFound: "nothing stored" and "no keychain" must stay distinguishable.
        const PendingCall<QString> call([&](auto done) { m_store->read(QStringLiteral("api-key"), this, done); });
        const QString violation = unavailableFastViolation(call, "read");
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        QTest::qWait(200);
        QCOMPARE(call.calls(), 1);
    }

    void unreachableBus_removeFailsFastWithUnavailable()
    {
        // A delete that could not reach the keychain must not pretend the secret is gone.
        const PendingCall<void> call([&](auto done) { m_store->remove(QStringLiteral("api-key"), this, done); });
        const QString violation = unavailableFastViolation(call, "remove");
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
    }

    void unreachableBus_apiKeyWithoutEnvironment_failsFastWithUnavailable()
    {
        const ApiKeySource source(*m_store, QProcessEnvironment());
        const PendingCall<ApiKey> call(
            [&](auto done) { source.resolve(QStringLiteral("https://gateway.example.nrw/v1"), this, done); });
        const QString violation = unavailableFastViolation(call, "resolve");
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
    }

    void unreachableBus_environmentKeyStillResolves()
    {
        QProcessEnvironment environment;
        environment.insert(ApiKeySource::environmentVariable(), QStringLiteral("sk-from-environment"));
        const ApiKeySource source(*m_store, environment);
        const PendingCall<ApiKey> call(
            [&](auto done) { source.resolve(QStringLiteral("https://gateway.example.nrw/v1"), this, done); });
        QVERIFY(call.waitForResult(2s));
        QVERIFY2(call.result(), qPrintable(describe(call.result())));
        QCOMPARE(call.result()->value, QStringLiteral("sk-from-environment"));
        QVERIFY(call.result()->origin == ApiKey::Origin::Environment);
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychain_unavailable.moc"
