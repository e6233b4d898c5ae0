#include "core/security/storepasswordsource.h"

namespace genius::security {

StorePasswordSource::StorePasswordSource(SecretStore& store)
    : m_store(store)
{ }

void StorePasswordSource::read(const QString& account, QObject* context, SecretStore::ReadDone done) const
{
    m_store.read(secretName(account), context, std::move(done));
}

void StorePasswordSource::store(
    const QString& account, const QString& password, QObject* context, SecretStore::Done done) const
{
    m_store.write(secretName(account), password, context, std::move(done));
}

void StorePasswordSource::remove(const QString& account, QObject* context, SecretStore::Done done) const
{
    m_store.remove(secretName(account), context, std::move(done));
}

QString StorePasswordSource::secretName(const QString& account)
{
    return QStringLiteral("store-password ") + account;
}

} // namespace genius::security
