#include "core/security/keychainsecretstore.h"

#include "core/security/securitylogging.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcSecurity, "genius.security", QtInfoMsg)

namespace genius::security {

using common::Error;
using common::ErrorCode;

namespace {

Error keychainError(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return {ErrorCode::NotFound, QStringLiteral("No secret is stored under this name in the keychain.")};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {ErrorCode::Unavailable, QStringLiteral("The keychain refused access (%1).").arg(job.errorString())};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {ErrorCode::Unavailable,
                QStringLiteral("No keychain is available (%1); on Linux a Secret Service such as gnome-keyring must run.")
                    .arg(job.errorString())};
    default:
        return {ErrorCode::Unavailable, QStringLiteral("The keychain failed (%1).").arg(job.errorString())};
    }
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service))
    , m_timeout(timeout)
{
}

void KeychainSecretStore::run(QKeychain::Job* job, QObject* context, Finish finish, Fail failWith) const
{
    job->setAutoDelete(false);
    auto settled = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    auto* timer = new QTimer(job);
    timer->setSingleShot(true);
    // A coarse timer (Qt's default) may fire up to 5 % early; a timeout must never come early.
    timer->setTimerType(Qt::PreciseTimer);
    const auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(m_timeout).count();

    QObject::connect(timer, &QTimer::timeout, job, [=] {
        if (*settled)
            return;
        *settled = true;
        // The job may still be waiting for a prompt. Deleting it while the backend holds a
        // pointer to it is unsafe, so it deletes itself if it ever finishes.
        qCWarning(lcSecurity) << "keychain job timed out after" << seconds << "s";
        if (guard)
            failWith({ErrorCode::Timeout,
                      QStringLiteral("The keychain did not answer within %1 s; it may be locked or waiting for a password prompt.")
                          .arg(seconds)});
    });
    QObject::connect(job, &QKeychain::Job::finished, job, [=](QKeychain::Job* finished) {
        finished->deleteLater();
        if (*settled)
            return;
        *settled = true;
        timer->stop();
        if (guard)
            finish(*finished);
    });
    timer->start(m_timeout);
    job->start();
}

void KeychainSecretStore::read(const QString& name, QObject* context, ReadDone done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(name);
    run(job, context,
        [done](QKeychain::Job& finished) {
            if (finished.error() != QKeychain::NoError)
                return done(std::unexpected(keychainError(finished)));
            done(static_cast<QKeychain::ReadPasswordJob&>(finished).textData());
        },
        [done](Error error) { done(std::unexpected(std::move(error))); });
}

void KeychainSecretStore::write(const QString& name, const QString& secret, QObject* context, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(name);
    job->setTextData(secret);
    run(job, context,
        [done](QKeychain::Job& finished) {
            if (finished.error() != QKeychain::NoError)
                return done(std::unexpected(keychainError(finished)));
            done({});
        },
        [done](Error error) { done(std::unexpected(std::move(error))); });
}

void KeychainSecretStore::remove(const QString& name, QObject* context, Done done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(name);
    run(job, context,
        [done](QKeychain::Job& finished) {
            // Deleting what is not there is success: the secret is gone either way.
            if (finished.error() != QKeychain::NoError && finished.error() != QKeychain::EntryNotFound)
                return done(std::unexpected(keychainError(finished)));
            done({});
        },
        [done](Error error) { done(std::unexpected(std::move(error))); });
}

} // namespace genius::security
