#pragma once

#include "core/security/secretstore.h"

namespace genius::security {

/// The passwords of shared-store logins in the keychain, one entry per account
/// ("user@host:port/database", as sharedstore::storeAccount builds it), so the desktop app and
/// genius-cli find the same entry. The password is never logged; the account name is not secret.
class StorePasswordSource final
{
public:
    explicit StorePasswordSource(SecretStore& store);

    /// The stored password; ErrorCode::NotFound when the account has none.
    void read(const QString& account, QObject* context, SecretStore::ReadDone done) const;
    /// Creates or replaces the account's password.
    void store(const QString& account, const QString& password, QObject* context, SecretStore::Done done) const;
    /// Removes the account's password; removing a missing one succeeds.
    void remove(const QString& account, QObject* context, SecretStore::Done done) const;

    /// The keychain entry name: "store-password " plus the account, next to the API keys'
    /// "api-key <gateway URL>".
    static QString secretName(const QString& account);

private:
    SecretStore& m_store;
};

} // namespace genius::security
