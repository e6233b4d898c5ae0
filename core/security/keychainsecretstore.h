#pragma once

#include "core/security/secretstore.h"

#include <chrono>

namespace QKeychain {
class Job;
}

namespace genius::security {

/// Secrets in the OS keychain through QtKeychain (Secret Service on Linux, Credential
/// Manager on Windows). QtKeychain has no timeout of its own and gnome-keyring's unlock
/// prompt can wait forever, so every job here fails with ErrorCode::Timeout after
/// `timeout`. There is deliberately no plaintext fallback.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("IT.NRW.Genius"),
                                 std::chrono::milliseconds timeout = std::chrono::seconds(10));

    void read(const QString& name, QObject* context, ReadDone done) override;
    void write(const QString& name, const QString& secret, QObject* context, Done done) override;
    void remove(const QString& name, QObject* context, Done done) override;

private:
    using Finish = std::function<void(QKeychain::Job&)>;
    using Fail = std::function<void(common::Error)>;
    void run(QKeychain::Job* job, QObject* context, Finish finish, Fail failWith) const;

    QString m_service;
    std::chrono::milliseconds m_timeout;
};

} // namespace genius::security
