#include "app/cli/indexsession.h"

#include "app/cli/command.h"
#include "app/cli/gatewaysession.h"
#include "app/cli/output.h"
#include "core/index/indexdatabase.h"
#include "core/services/embeddingservice.h"
#include "core/settings/settings.h"

#include <QCoreApplication>
#include <QDir>

namespace genius::cli {

QString indexPath(const QString& profileDirectory)
{
    return QDir(profileDirectory).filePath(index::IndexDatabase::fileName());
}

IndexSession::IndexSession(CommandContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
}

IndexSession::~IndexSession() = default;

bool IndexSession::open()
{
    auto database = index::IndexDatabase::open(indexPath(m_context.profileDirectory));
    if (!database) {
        m_context.output.error(database.error().detail);
        m_openError = database.error().code == common::ErrorCode::Corrupt ? ExitCode::BadInput : ExitCode::LocalFailure;
        return false;
    }
    m_database = std::move(*database);
    return true;
}

void IndexSession::connectGateway(std::function<void()> ready)
{
    if (m_context.settings.text(settings::keys::GatewayUrl).isEmpty())
        return ready();
    m_gateway = std::make_unique<GatewaySession>(m_context);
    m_gateway->open([ready](ExitCode) { ready(); });
}

index::EmbeddingProvider* IndexSession::embeddings()
{
    return m_gateway ? &m_gateway->embeddings() : nullptr;
}

} // namespace genius::cli
