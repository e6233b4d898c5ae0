#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

#include <memory>
#include <optional>
#include <vector>

namespace genius::settings {
class Settings;
}
namespace genius::security {
class SecretStore;
}

namespace genius::cli {

class Output;

/// The composition root of genius-cli: parses the global options, opens the profile and
/// the settings, picks the language, and runs one command.
class CliApplication final
{
    Q_DECLARE_TR_FUNCTIONS(CliApplication)

public:
    CliApplication();
    ~CliApplication();
    Q_DISABLE_COPY_MOVE(CliApplication)

    /// Runs the command line. Returns the exit code, after running the event loop if the
    /// command finishes asynchronously.
    int exec(const QStringList& arguments);

private:
    QString helpText() const;
    Command* find(const QString& name) const;
    int start(const QStringList& arguments);

    std::vector<std::unique_ptr<Command>> m_commands;
    std::unique_ptr<Output> m_output;
    std::unique_ptr<settings::Settings> m_settings;
    std::unique_ptr<security::SecretStore> m_secrets;
    std::unique_ptr<CommandContext> m_context;
    std::optional<ExitCode> m_finished;
    bool m_waiting = false; ///< the command finishes from the event loop
};

} // namespace genius::cli
