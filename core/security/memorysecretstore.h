#pragma once

#include "core/security/secretstore.h"

#include <QHash>

#include <optional>

namespace genius::security {

/// A secret store in memory, for unit tests: same asynchronous contract as the keychain,
/// and an injectable failure to exercise error paths.
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString& name, QObject* context, ReadDone done) override;
    void write(const QString& name, const QString& secret, QObject* context, Done done) override;
    void remove(const QString& name, QObject* context, Done done) override;

    /// Makes every following call fail with `error` (or succeed again with nullopt).
    void setFailure(std::optional<common::Error> error) { m_failure = std::move(error); }
    qsizetype size() const { return m_secrets.size(); }

private:
    QHash<QString, QString> m_secrets;
    std::optional<common::Error> m_failure;
};

} // namespace genius::security
