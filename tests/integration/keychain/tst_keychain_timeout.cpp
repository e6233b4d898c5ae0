// KeychainSecretStore against a Secret Service that never answers (silent_secret_service, started
// by with-silent-secret-service.sh on a private bus). QtKeychain itself would wait; the store must
// fail with ErrorCode::Timeout after its configured timeout, call back exactly once, and leave a
// process that keeps running and exits cleanly with the abandoned QtKeychain job still pending.

#include "keychaintestsupport.h"

#include "core/security/keychainsecretstore.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using namespace genius::keychaintest;
using genius::common::Result;
using genius::security::KeychainSecretStore;

namespace {

constexpr auto kStoreTimeout = 1500ms;
constexpr auto kAllowedLateness = 2s;
constexpr auto kKeepRunningAfterTimeout = 1s;

/// Empty if `call` failed with Timeout and a detail, no sooner than kStoreTimeout and no later
/// than kStoreTimeout + kAllowedLateness; otherwise what is wrong.
template<typename T>
QString timeoutViolation(const PendingCall<T>& call, const char* what)
{
    if (!call.waitForResult(kStoreTimeout + kAllowedLateness + 1s))
        return QStringLiteral("no callback within the timeout plus %1 ms: the call hangs")
            .arg(std::chrono::milliseconds(kAllowedLateness + 1s).count());
    qInfo("%s failed after %lld ms (timeout %lld ms): %s", what, call.elapsedMs(),
          static_cast<long long>(kStoreTimeout.count()), qPrintable(describe(call.result())));
    if (call.completedSynchronously())
        return QStringLiteral("the callback ran before the call returned");
    if (codeOf(call.result()) != QStringLiteral("timeout"))
        return QStringLiteral("expected timeout, got ") + describe(call.result());
    if (call.result().error().detail.trimmed().isEmpty())
        return QStringLiteral("the error has no detail");
    if (call.elapsedMs() < kStoreTimeout.count())
        return QStringLiteral("timed out early, after %1 ms").arg(call.elapsedMs());
    if (call.elapsedMs() > std::chrono::milliseconds(kStoreTimeout + kAllowedLateness).count())
        return QStringLiteral("timed out late, after %1 ms").arg(call.elapsedMs());
    return {};
}

QByteArray receivedCalls()
{
    QFile log(qEnvironmentVariable("GENIUS_SILENT_SERVICE_LOG"));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

} // namespace

class TestKeychainTimeout final : public QObject
{
    Q_OBJECT

private:
    /// After the Timeout: the event loop keeps running, no second callback, nothing crashes;
    /// then the store goes away while QtKeychain's job is still waiting for its answer.
    template<typename T>
    void keepRunningThenDestroyStore(const PendingCall<T>& call)
    {
        QTest::qWait(std::chrono::milliseconds(kKeepRunningAfterTimeout).count());
        QCOMPARE(call.calls(), 1);
        m_store.reset();
        QTest::qWait(100);
        QCOMPARE(call.calls(), 1);
    }

    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<KeychainSecretStore> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("GENIUS_SILENT_SERVICE_LOG"),
                 "run this test through tests/integration/keychain/with-silent-secret-service.sh");
        QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY"));
    }

    void init()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_tempDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tempDir->isValid());
        m_store = std::make_unique<KeychainSecretStore>(QStringLiteral("IT.NRW.Genius.test-timeout"), kStoreTimeout);
    }

    void cleanup()
    {
        m_store.reset();
        m_tempDir.reset();
    }

    void silentService_writeFailsWithTimeout()
    {
        const PendingCall<void> call(
            [&](auto done) { m_store->write(QStringLiteral("api-key"), QStringLiteral("sk-never-stored"), this, done); });
        QVERIFY(!call.arrived());
        const QString violation = timeoutViolation(call, "write");
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        // The hang is the silent service's doing: libsecret's request did reach it.
        QVERIFY2(receivedCalls().contains("org.freedesktop"), "the silent service received no call");
        keepRunningThenDestroyStore(call);
    }

    void silentService_readFailsWithTimeout()
    {
        // QtKeychain runs one job at a time: this read queues behind the abandoned write, which
        // libsecret gives up on only after D-Bus's 25 s. It must still fail after the store's timeout.
        const PendingCall<QString> call([&](auto done) { m_store->read(QStringLiteral("api-key"), this, done); });
        QVERIFY(!call.arrived());
        const QString violation = timeoutViolation(call, "read");
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        keepRunningThenDestroyStore(call);
    }

    void silentService_removeFailsWithTimeout()
    {
        const PendingCall<void> call([&](auto done) { m_store->remove(QStringLiteral("api-key"), this, done); });
        const QString violation = timeoutViolation(call, "remove");
        QVERIFY2(violation.isEmpty(), qPrintable(violation));
        keepRunningThenDestroyStore(call);
    }

    void contextDestroyedBeforeTimeout_getsNoCallback()
    {
        bool called = false;
        auto context = std::make_unique<QObject>();
        m_store->read(QStringLiteral("api-key"), context.get(), [&called](Result<QString>) { called = true; });
        QTest::qWait(200);
        context.reset();
        QTest::qWait(std::chrono::milliseconds(kStoreTimeout + 500ms).count());
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestKeychainTimeout)
#include "tst_keychain_timeout.moc"
