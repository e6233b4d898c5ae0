#pragma once

#include "app/cli/argparser.h"
#include "app/cli/exitcode.h"
#include "core/domain/protectionclass.h"
#include "core/storage/role.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace genius::settings {
class Settings;
}
namespace genius::security {
class SecretStore;
}
namespace genius::index {
struct CollectionRecord;
}

namespace genius::cli {

class Output;

/// What a command gets from the composition root.
struct CommandContext {
    settings::Settings& settings;
    security::SecretStore& secrets;
    const Output& output;
    QString profileDirectory;
    /// The password of the --store URL: kept out of the settings (never saved or shown) and
    /// used only to connect to the store.
    QString storePassword = {};
    /// The user's grant in the shared store as the profile's last sync recorded it (read once).
    mutable std::optional<QString> storeRole = {};
};

/// The user's role on this workstation (storage::effectiveRole), with the shared store's grant
/// recorded by the last sync when a store is configured.
storage::RoleDecision roleOf(const CommandContext& context);

/// The gateway URL in effect (setting or --endpoint), or no value after printing why there
/// is none.
std::optional<QString> configuredGateway(CommandContext& context);

/// A document id as typed (a positive number), or no value.
std::optional<qint64> parseDocumentId(const QString& text);

/// The class of `--class C`, else the setting protection/defaultClass; no value after
/// printing why when the name is unknown.
std::optional<domain::ProtectionClass> classOption(const CommandContext& context, const ParsedArguments& parsed);

/// The free text of a command: its positional words joined, or standard input for '-'.
QString textArgument(const ParsedArguments& parsed);

/// True when the user is a data manager (storage::effectiveRole). Otherwise prints one
/// sentence naming `action` (an infinitive phrase such as "change collections"), the role and
/// where it comes from, and returns false; the caller then ends with ExitCode::GatewayRefused
/// (4, the contract's permission code) before anything has changed.
bool requireDataManager(const CommandContext& context, const QString& action);

/// True when the user is a data manager and so sees unpublished collections too.
bool isDataManager(const CommandContext& context);

/// True when the user may read `collection`: it is published, or the user is a data manager.
/// Otherwise says so like requireDataManager (with `action`, e.g. "search the unpublished
/// collection \"Entwurf\""); the caller then ends with ExitCode::GatewayRefused.
bool mayReadCollection(const CommandContext& context, const index::CollectionRecord& collection, const QString& action);

/// One subcommand. `run` may finish synchronously or later from the event loop; it calls
/// `done` exactly once with the exit code.
class Command
{
public:
    using Done = std::function<void(ExitCode)>;

    virtual ~Command();
    virtual QString name() const = 0;
    /// One line for the command list of `--help`.
    virtual QString summary() const = 0;
    /// The full usage text of `genius-cli NAME --help`.
    virtual QString usage() const = 0;
    virtual void run(CommandContext& context, const QStringList& arguments, Done done) = 0;

protected:
    /// Parses the command's options; on a usage error prints it and gives no value.
    std::optional<ParsedArguments> parse(CommandContext& context, const QStringList& arguments,
                                         const QList<OptionSpec>& options = {}) const;
};

} // namespace genius::cli
