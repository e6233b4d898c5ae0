#include "core/security/apikeysource.h"
#include "core/security/memorysecretstore.h"

#include <QTest>

#include <optional>

using namespace genius::security;
using genius::common::Error;
using genius::common::ErrorCode;
using genius::common::Result;

class TestMemorySecretStore final : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    std::optional<Result<T>> waitFor(const std::function<void(std::function<void(Result<T>)>)>& call)
    {
        std::optional<Result<T>> result;
        call([&result](Result<T> value) { result = std::move(value); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 2000); }();
        return result;
    }

private Q_SLOTS:
    void calls_completeAsynchronously()
    {
        MemorySecretStore store;
        bool done = false;
        store.write(QStringLiteral("k"), QStringLiteral("v"), this, [&done](Result<void>) { done = true; });
        QVERIFY(!done);
        QTRY_VERIFY(done);
    }

    void writeReadOverwriteDelete_roundTrips()
    {
        MemorySecretStore store;
        QVERIFY(waitFor<void>([&](auto done) { store.write(QStringLiteral("k"), QStringLiteral("one"), this, done); })->has_value());
        QCOMPARE(waitFor<QString>([&](auto done) { store.read(QStringLiteral("k"), this, done); })->value(), QStringLiteral("one"));
        QVERIFY(waitFor<void>([&](auto done) { store.write(QStringLiteral("k"), QStringLiteral("two"), this, done); })->has_value());
        QCOMPARE(waitFor<QString>([&](auto done) { store.read(QStringLiteral("k"), this, done); })->value(), QStringLiteral("two"));
        QVERIFY(waitFor<void>([&](auto done) { store.remove(QStringLiteral("k"), this, done); })->has_value());
        const auto missing = *waitFor<QString>([&](auto done) { store.read(QStringLiteral("k"), this, done); });
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(waitFor<void>([&](auto done) { store.remove(QStringLiteral("k"), this, done); })->has_value());
    }

    void destroyedContext_getsNoCallback()
    {
        MemorySecretStore store;
        bool called = false;
        auto* context = new QObject;
        store.read(QStringLiteral("k"), context, [&called](Result<QString>) { called = true; });
        delete context;
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void injectedFailure_reachesTheCaller()
    {
        MemorySecretStore store;
        store.setFailure(Error{ErrorCode::Unavailable, QStringLiteral("no keychain")});
        const auto result = *waitFor<void>([&](auto done) { store.write(QStringLiteral("k"), QStringLiteral("v"), this, done); });
        QCOMPARE(result.error().code, ErrorCode::Unavailable);
        QCOMPARE(store.size(), 0);
    }

    void apiKey_environmentWinsOverKeychain()
    {
        MemorySecretStore store;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("GENIUS_API_KEY"), QStringLiteral("  sk-env  "));
        ApiKeySource withEnvironment(store, environment);
        ApiKeySource withoutEnvironment(store, QProcessEnvironment());
        const QString gateway = QStringLiteral("https://gw.example/v1");
        QVERIFY(waitFor<void>([&](auto done) { withoutEnvironment.store(gateway, QStringLiteral("sk-keychain"), this, done); })->has_value());

        const auto fromEnvironment = *waitFor<ApiKey>([&](auto done) { withEnvironment.resolve(gateway, this, done); });
        QCOMPARE(fromEnvironment->value, QStringLiteral("sk-env"));
        QCOMPARE(fromEnvironment->origin, ApiKey::Origin::Environment);
        const auto fromKeychain = *waitFor<ApiKey>([&](auto done) { withoutEnvironment.resolve(gateway, this, done); });
        QCOMPARE(fromKeychain->value, QStringLiteral("sk-keychain"));
        QCOMPARE(fromKeychain->origin, ApiKey::Origin::Keychain);
    }

    void apiKey_isKeptPerGateway()
    {
        MemorySecretStore store;
        ApiKeySource source(store, QProcessEnvironment());
        QCOMPARE(ApiKeySource::secretName(QStringLiteral("https://gw.example/v1/")),
                 ApiKeySource::secretName(QStringLiteral("https://gw.example/v1?x=1")));
        QVERIFY(ApiKeySource::secretName(QStringLiteral("https://a.example/v1"))
                != ApiKeySource::secretName(QStringLiteral("https://b.example/v1")));
        QVERIFY(waitFor<void>([&](auto done) { source.store(QStringLiteral("https://a.example/v1"), QStringLiteral("ka"), this, done); })->has_value());
        const auto other = *waitFor<ApiKey>([&](auto done) { source.resolve(QStringLiteral("https://b.example/v1"), this, done); });
        QCOMPARE(other.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_memorysecretstore.moc"
