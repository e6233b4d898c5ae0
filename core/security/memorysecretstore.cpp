#include "core/security/memorysecretstore.h"

#include <QPointer>
#include <QTimer>

namespace genius::security {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

template<typename T, typename Callback>
void complete(QObject* context, Callback done, Result<T> result)
{
    // Asynchronous like the keychain, so callers cannot rely on synchronous completion.
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)]() mutable {
        done(std::move(result));
    });
}

} // namespace

void MemorySecretStore::read(const QString& name, QObject* context, ReadDone done)
{
    if (m_failure)
        return complete<QString>(context, std::move(done), std::unexpected(*m_failure));
    if (!m_secrets.contains(name))
        return complete<QString>(context, std::move(done),
                                 fail(ErrorCode::NotFound, QStringLiteral("No secret is stored under this name.")));
    complete<QString>(context, std::move(done), m_secrets.value(name));
}

void MemorySecretStore::write(const QString& name, const QString& secret, QObject* context, Done done)
{
    if (m_failure)
        return complete<void>(context, std::move(done), std::unexpected(*m_failure));
    m_secrets.insert(name, secret);
    complete<void>(context, std::move(done), {});
}

void MemorySecretStore::remove(const QString& name, QObject* context, Done done)
{
    if (m_failure)
        return complete<void>(context, std::move(done), std::unexpected(*m_failure));
    m_secrets.remove(name);
    complete<void>(context, std::move(done), {});
}

} // namespace genius::security
