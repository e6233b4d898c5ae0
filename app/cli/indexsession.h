#pragma once

#include "app/cli/exitcode.h"

#include <QObject>

#include <functional>
#include <memory>

namespace genius::index {
class EmbeddingProvider;
class IndexDatabase;
}

namespace genius::cli {

class GatewaySession;
struct CommandContext;

/// The profile's local index for one CLI run, plus the gateway's embedding model when a
/// gateway is configured (without one, documents are indexed and searched lexically).
class IndexSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IndexSession)

public:
    explicit IndexSession(CommandContext& context, QObject* parent = nullptr);
    ~IndexSession() override;

    /// Opens (creates) index.sqlite in the profile; prints why not and returns false.
    bool open();
    /// Resolves the gateway key when a gateway is configured, then calls `ready`.
    void connectGateway(std::function<void()> ready);

    index::IndexDatabase& database() { return *m_database; }
    /// Null when no gateway is configured.
    index::EmbeddingProvider* embeddings();
    /// The gateway session after connectGateway(); null when no gateway is configured.
    GatewaySession* gateway() { return m_gateway.get(); }
    ExitCode openError() const { return m_openError; }

private:
    CommandContext& m_context;
    std::unique_ptr<index::IndexDatabase> m_database;
    std::unique_ptr<GatewaySession> m_gateway;
    ExitCode m_openError = ExitCode::Success;
};

/// The index file of a profile directory.
QString indexPath(const QString& profileDirectory);

} // namespace genius::cli
