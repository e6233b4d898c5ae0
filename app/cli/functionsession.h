#pragma once

#include "app/cli/exitcode.h"

#include <QObject>

#include <functional>
#include <memory>

namespace genius::index {
class IndexDatabase;
}
#include "core/services/functionservices.h"


namespace genius::cli {

class IndexSession;
struct CommandContext;

/// The functions (ask, research, summarize, generate, route) for one CLI run, built over
/// the profile's index and — when one is configured — the gateway; without a gateway they
/// work locally.
class FunctionSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionSession)

public:
    explicit FunctionSession(CommandContext& context, QObject* parent = nullptr);
    ~FunctionSession() override;

    /// Opens the index and (unless `withGateway` is false) resolves the gateway key, then
    /// calls `ready` with Success, or with the exit code after printing why not.
    void open(std::function<void(ExitCode)> ready, bool withGateway = true);

    index::IndexDatabase& database();
    services::AskService& ask() { return m_functions->ask(); }
    services::SummaryService& summaries() { return m_functions->summaries(); }
    services::GenerationService& generation() { return m_functions->generation(); }
    services::RouteService& routes() { return m_functions->routes(); }
    services::FunctionRunner& runner() { return m_functions->runner(); }
    const services::TemplateLibrary& templates() const { return m_functions->templates(); }

private:
    void build();

    CommandContext& m_context;
    std::unique_ptr<IndexSession> m_index;
    // Destroyed before the index they hold connections to (reverse order of declaration).
    std::unique_ptr<services::FunctionServices> m_functions;
};


} // namespace genius::cli
