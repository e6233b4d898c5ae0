#include "app/cli/storecommand.h"

#include "app/cli/output.h"
#include "app/cli/secretinput.h"
#include "app/cli/storesession.h"
#include "core/security/storepasswordsource.h"
#include "core/settings/settings.h"
#include "core/sharedstore/storeaddress.h"
#include "core/sharedstore/storeadmin.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storepurge.h"

#include <QJsonObject>

namespace genius::cli {

namespace {

const QString kTenant = QStringLiteral("tenant");
const QString kRole = QStringLiteral("role");
const QString kPassword = QStringLiteral("password");
const QString kOlderThan = QStringLiteral("older-than");
/// How old a tombstone must be before `store purge` without --older-than deletes it.
constexpr int kDefaultPurgeDays = 30;

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QString StoreCommand::summary() const
{
    return tr("Set up the shared collection store (PostgreSQL) and grant its users");
}

QString StoreCommand::usage() const
{
    return tr("Usage: genius-cli --store URL store init\n"
              "       genius-cli --store URL store grant USER --tenant T --role data-manager|staff --password PW\n"
              "       genius-cli --store URL store status\n"
              "       genius-cli --store URL store purge [--older-than DAYS]\n"
              "       genius-cli --store URL store login [--password -]\n"
              "       genius-cli --store URL store logout\n"
              "\n"
              "URL is postgresql://user@host:port/database (optionally ?sslmode=verify-full); without\n"
              "--store the setting store/url is used. The password comes from the URL given with\n"
              "--store (used for this run, never saved), from the keychain (store login), from\n"
              "PGPASSWORD or from ~/.pgpass. Without sslmode, a server other than this computer is\n"
              "reached with verify-full; the CA certificates of network/caCertificates are trusted.\n"
              "\n"
              "init      as the store's administrator: create the schema with its roles and\n"
              "          row-level security, or upgrade it; running it again changes nothing\n"
              "grant     as the administrator: create the user USER of tenant T (the tenant is\n"
              "          created when missing) with one role, or change an existing user's\n"
              "          password, tenant and role; --password - reads the password from standard input\n"
              "status    the connected user's tenant and role, and the schema version\n"
              "purge     as the administrator: delete for good the tombstones (removed rows kept\n"
              "          without content) older than DAYS days, 30 by default, 0 for all\n"
              "login     check the user's password with the store and keep it in the keychain\n"
              "          (prompted without echo; --password - reads it from standard input)\n"
              "logout    remove the user's password from the keychain\n"
              "\n"
              "Exit codes: 4 the store refused (not the administrator, no permission),\n"
              "5 the store is unreachable or refused the login.");
}

void StoreCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed
        = parse(context, arguments, { { kTenant, true }, { kRole, true }, { kPassword, true }, { kOlderThan, true } });
    if (!parsed)
        return done(ExitCode::Usage);
    const QString action = parsed->positional.value(0);
    const bool grants = action == QLatin1String("grant");
    const bool logsIn = action == QLatin1String("login");
    const bool purges = action == QLatin1String("purge");
    if (action != QLatin1String("init") && !grants && action != QLatin1String("status") && !purges && !logsIn
        && action != QLatin1String("logout")) {
        context.output.error(tr("Expected 'store init', 'store grant', 'store status', 'store purge', 'store login' "
                                "or 'store logout'. Run 'genius-cli store --help'."));
        return done(ExitCode::Usage);
    }
    if (!purges && parsed->has(kOlderThan)) {
        context.output.error(tr("--older-than belongs to 'store purge'."));
        return done(ExitCode::Usage);
    }
    if (parsed->positional.size() != (grants ? 2 : 1)) {
        context.output.error(
            tr("Wrong number of arguments for 'store %1'. Run 'genius-cli store --help'.").arg(action));
        return done(ExitCode::Usage);
    }
    if (!grants && (parsed->has(kTenant) || parsed->has(kRole) || (!logsIn && parsed->has(kPassword)))) {
        context.output.error(tr("--tenant, --role and --password belong to 'store grant'."));
        return done(ExitCode::Usage);
    }
    if (logsIn)
        return login(context, *parsed, std::move(done));
    if (action == QLatin1String("logout"))
        return logout(context, std::move(done));
    if (action == QLatin1String("init"))
        return done(init(context));
    if (grants)
        return done(grant(context, *parsed));
    if (purges)
        return done(purge(context, *parsed));
    done(status(context));
}

ExitCode StoreCommand::init(CommandContext& context) const
{
    ExitCode failure = ExitCode::Success;
    const auto connection = openConfiguredStore(context, &failure);
    if (!connection)
        return failure;
    const auto version = sharedstore::initializeStore(*connection);
    if (!version) {
        context.output.error(version.error().detail);
        return exitCodeFor(version.error());
    }
    if (context.output.json())
        context.output.jsonValue(QJsonObject { { QStringLiteral("schema_version"), *version } });
    else
        context.output.line(tr("The shared store is ready: schema version %1.").arg(*version));
    return ExitCode::Success;
}

ExitCode StoreCommand::grant(CommandContext& context, const ParsedArguments& parsed) const
{
    for (const QString& option : { kTenant, kRole, kPassword }) {
        if (!parsed.has(option)) {
            context.output.error(
                tr("'store grant' needs --tenant, --role and --password. Run 'genius-cli store --help'."));
            return ExitCode::Usage;
        }
    }
    const auto role = sharedstore::parseStoreRole(parsed.value(kRole));
    if (!role) {
        context.output.error(tr("Unknown role '%1'; use data-manager or staff.").arg(parsed.value(kRole)));
        return ExitCode::Usage;
    }
    sharedstore::GrantRequest request { parsed.positional.at(1), parsed.value(kTenant), *role,
        parsed.value(kPassword) };
    // Checked before connecting, so a typo costs no round trip to the server.
    if (auto valid = sharedstore::validateUserName(request.user); !valid) {
        context.output.error(valid.error().detail);
        return ExitCode::BadInput;
    }
    if (auto valid = sharedstore::validateTenantName(request.tenant); !valid) {
        context.output.error(valid.error().detail);
        return ExitCode::BadInput;
    }
    if (request.password == QLatin1String("-"))
        request.password = readSecretFromStandardInput(tr("Password for %1: ").arg(request.user));
    ExitCode failure = ExitCode::Success;
    const auto connection = openConfiguredStore(context, &failure);
    if (!connection)
        return failure;
    const auto outcome = sharedstore::grantStoreUser(*connection, request);
    if (!outcome) {
        context.output.error(outcome.error().detail);
        return exitCodeFor(outcome.error());
    }
    const QString roleName = sharedstore::storeRoleName(outcome->role);
    if (context.output.json()) {
        context.output.jsonValue(
            QJsonObject { { QStringLiteral("user"), outcome->user }, { QStringLiteral("tenant"), outcome->tenant },
                { QStringLiteral("role"), roleName }, { QStringLiteral("created"), outcome->created } });
    } else if (outcome->created) {
        context.output.line(
            tr("User %1 created: tenant \"%2\", role %3.").arg(outcome->user, outcome->tenant, roleName));
    } else {
        context.output.line(
            tr("User %1 updated: tenant \"%2\", role %3, new password.").arg(outcome->user, outcome->tenant, roleName));
    }
    return ExitCode::Success;
}

ExitCode StoreCommand::status(CommandContext& context) const
{
    ExitCode failure = ExitCode::Success;
    const auto connection = openConfiguredStore(context, &failure);
    if (!connection)
        return failure;
    const auto status = sharedstore::storeStatus(*connection);
    if (!status) {
        context.output.error(status.error().detail);
        return exitCodeFor(status.error());
    }
    const QString role = status->role ? sharedstore::storeRoleName(*status->role)
        : status->administrator       ? QStringLiteral("administrator")
                                      : QString();
    if (context.output.json()) {
        context.output.jsonValue(QJsonObject { { QStringLiteral("user"), status->user },
            { QStringLiteral("tenant"), textOrNull(status->tenant) }, { QStringLiteral("role"), textOrNull(role) },
            { QStringLiteral("administrator"), status->administrator },
            { QStringLiteral("schema_version"), status->schemaVersion } });
        return ExitCode::Success;
    }
    context.output.line(tr("User: %1").arg(status->user));
    context.output.line(tr("Tenant: %1").arg(status->tenant.isEmpty() ? tr("none") : status->tenant));
    context.output.line(tr("Role: %1").arg(role.isEmpty() ? tr("none") : role));
    context.output.line(status->schemaVersion == 0 ? tr("Schema: not initialised (run 'store init')")
                                                   : tr("Schema version: %1").arg(status->schemaVersion));
    return ExitCode::Success;
}

ExitCode StoreCommand::purge(CommandContext& context, const ParsedArguments& parsed) const
{
    int days = kDefaultPurgeDays;
    if (parsed.has(kOlderThan)) {
        bool ok = false;
        days = parsed.value(kOlderThan).toInt(&ok);
        if (!ok || days < 0 || days > 36500) {
            context.output.error(tr("--older-than takes a number of days from 0 to 36500."));
            return ExitCode::Usage;
        }
    }
    ExitCode failure = ExitCode::Success;
    const auto connection = openConfiguredStore(context, &failure);
    if (!connection)
        return failure;
    const auto outcome = sharedstore::purgeTombstones(*connection, days);
    if (!outcome) {
        context.output.error(outcome.error().detail);
        return exitCodeFor(outcome.error());
    }
    if (context.output.json()) {
        QJsonObject purged;
        for (const auto& table : outcome->tables)
            purged.insert(table.name, table.rows);
        context.output.jsonValue(QJsonObject { { QStringLiteral("older_than_days"), days },
            { QStringLiteral("purged"), purged }, { QStringLiteral("total"), outcome->total() } });
    } else {
        context.output.line(tr("%n tombstone(s) older than %1 day(s) deleted from the shared store.", nullptr,
            static_cast<int>(outcome->total()))
                                .arg(days));
    }
    return ExitCode::Success;
}

void StoreCommand::login(CommandContext& context, const ParsedArguments& parsed, Done done)
{
    // A password on the command line would stay in the shell history and the process list.
    if (parsed.has(kPassword) && parsed.value(kPassword) != QLatin1String("-")) {
        context.output.error(tr("'store login' reads the password from standard input: use --password - or "
                                "leave the option out."));
        return done(ExitCode::Usage);
    }
    ExitCode failure = ExitCode::Success;
    auto address = configuredStoreAddress(context, &failure);
    if (!address)
        return done(failure);
    const QString account = sharedstore::storeAccount(*address);
    // The password of --store, if any, is the one to keep; otherwise it is asked for.
    if (address->password.isEmpty() || parsed.has(kPassword))
        address->password = readSecretFromStandardInput(tr("Password for %1: ").arg(account));
    if (address->password.isEmpty()) {
        context.output.error(tr("No password was given; nothing was stored."));
        return done(ExitCode::BadInput);
    }
    // Checked with the server first: a password the store refuses is never kept.
    if (auto connection = sharedstore::StoreConnection::open(*address); !connection) {
        context.output.error(connection.error().detail);
        return done(exitCodeFor(connection.error()));
    }
    const Output& output = context.output;
    security::StorePasswordSource(context.secrets)
        .store(account, address->password, &m_context, [&output, account, done](common::Result<void> stored) {
            if (!stored) {
                output.error(stored.error().detail);
                return done(exitCodeFor(stored.error()));
            }
            if (output.json())
                output.jsonValue(
                    QJsonObject { { QStringLiteral("account"), account }, { QStringLiteral("stored"), true } });
            else
                output.line(tr("The password for %1 is stored in the keychain.").arg(account));
            done(ExitCode::Success);
        });
}

void StoreCommand::logout(CommandContext& context, Done done)
{
    ExitCode failure = ExitCode::Success;
    const auto address = configuredStoreAddress(context, &failure);
    if (!address)
        return done(failure);
    const QString account = sharedstore::storeAccount(*address);
    const security::StorePasswordSource source(context.secrets);
    const Output& output = context.output;
    auto report = [&output, account, done](bool removed) {
        if (output.json())
            output.jsonValue(
                QJsonObject { { QStringLiteral("account"), account }, { QStringLiteral("removed"), removed } });
        else if (removed)
            output.line(tr("The password for %1 was removed from the keychain.").arg(account));
        else
            output.line(tr("No password for %1 was stored in the keychain; nothing to remove.").arg(account));
        done(ExitCode::Success);
    };
    // Read first, so the answer can say whether there was anything to remove.
    source.read(account, &m_context, [this, source, &output, account, done, report](common::Result<QString> stored) {
        if (!stored && stored.error().code == common::ErrorCode::NotFound)
            return report(false);
        if (!stored) {
            output.error(stored.error().detail);
            return done(exitCodeFor(stored.error()));
        }
        source.remove(account, &m_context, [&output, done, report](common::Result<void> removed) {
            if (!removed) {
                output.error(removed.error().detail);
                return done(exitCodeFor(removed.error()));
            }
            report(true);
        });
    });
}

} // namespace genius::cli
