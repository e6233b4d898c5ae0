#pragma once

#include "core/common/error.h"
#include "core/domain/protectionclass.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <functional>

namespace genius::index {

/// Turns passages into vectors. The index only declares it; the services implement it with
/// the gateway (and the protection-class guard), so the index never sends anything itself.
class EmbeddingProvider
{
public:
    virtual ~EmbeddingProvider() = default;

    using Done = std::function<void(common::Result<QList<QVector<float>>>)>;

    /// Finds the embedding model to use; calls `done` with its id (empty when none is usable)
    /// and the highest class it is cleared for. Documents above it stay lexical only.
    virtual void prepare(QObject* context, std::function<void(QString model, domain::ProtectionClass clearance)> done) = 0;
    /// Embeds `texts` of the given class from `documentIds`; `done` runs on the context's thread.
    virtual void embed(const QStringList& texts, domain::ProtectionClass cls, const QStringList& documentIds,
                       QObject* context, Done done) = 0;
};

} // namespace genius::index
