#pragma once

#include "core/common/error.h"

#include <QObject>
#include <QString>

#include <functional>

namespace genius::security {

/// Where secrets (API keys, store passwords) live: the OS keychain in the product, memory
/// in unit tests, never a file. Every call completes exactly once and asynchronously, by
/// invoking its callback on the calling thread, unless `context` was destroyed meanwhile.
class SecretStore
{
public:
    using ReadDone = std::function<void(common::Result<QString>)>;
    using Done = std::function<void(common::Result<void>)>;

    virtual ~SecretStore();

    /// Reads a secret; ErrorCode::NotFound when there is none under that name.
    virtual void read(const QString& name, QObject* context, ReadDone done) = 0;
    /// Creates or overwrites a secret.
    virtual void write(const QString& name, const QString& secret, QObject* context, Done done) = 0;
    /// Deletes a secret; deleting a missing secret succeeds.
    virtual void remove(const QString& name, QObject* context, Done done) = 0;
};

} // namespace genius::security
