#include "app/cli/keycommand.h"

#include "app/cli/argparser.h"
#include "app/cli/output.h"
#include "app/cli/secretinput.h"
#include "core/security/apikeysource.h"
#include "core/settings/settings.h"

#include <QJsonObject>

namespace genius::cli {

using common::ErrorCode;

QString KeyCommand::summary() const
{
    return tr("Store, check or delete the gateway API key in the keychain");
}

QString KeyCommand::usage() const
{
    return tr("Usage: genius-cli key status\n"
              "       genius-cli key set      (reads the key from standard input)\n"
              "       genius-cli key delete\n"
              "\n"
              "The key belongs to the gateway of the setting gateway/url or of --endpoint and is\n"
              "kept in the operating system's keychain, never in a file. The environment\n"
              "variable GENIUS_API_KEY, when set, takes precedence for this process.");
}

void KeyCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments);
    if (!parsed)
        return done(ExitCode::Usage);
    const QString action = parsed->positional.value(0);
    if (parsed->positional.size() != 1
        || (action != QLatin1String("status") && action != QLatin1String("set") && action != QLatin1String("delete"))) {
        context.output.error(tr("Expected 'key status', 'key set' or 'key delete'. Run 'genius-cli key --help'."));
        return done(ExitCode::Usage);
    }
    const auto gateway = configuredGateway(context);
    if (!gateway)
        return done(ExitCode::BadInput);
    if (action == QLatin1String("status"))
        return status(context, *gateway, std::move(done));
    if (action == QLatin1String("set"))
        return set(context, *gateway, std::move(done));
    remove(context, *gateway, std::move(done));
}

void KeyCommand::status(CommandContext& context, const QString& gateway, Done done)
{
    auto source = std::make_shared<security::ApiKeySource>(context.secrets);
    const Output& output = context.output;
    source->resolve(gateway, &m_context, [source, &output, gateway, done](common::Result<security::ApiKey> key) {
        if (!key && key.error().code != ErrorCode::NotFound) {
            output.error(key.error().detail);
            return done(exitCodeFor(key.error()));
        }
        const QString origin = key ? security::originName(key->origin) : QStringLiteral("none");
        if (output.json())
            output.jsonValue(QJsonObject{{QStringLiteral("gateway"), gateway}, {QStringLiteral("origin"), origin}});
        else if (key)
            output.line(tr("An API key for %1 is available from the %2.").arg(gateway, origin));
        else
            output.line(tr("No API key is stored for %1.").arg(gateway));
        done(key ? ExitCode::Success : ExitCode::BadInput);
    });
}

void KeyCommand::set(CommandContext& context, const QString& gateway, Done done)
{
    const QString secret = readSecretFromStandardInput(tr("API key for %1: ").arg(gateway)).trimmed();
    if (secret.isEmpty()) {
        context.output.error(tr("No key was given on standard input; nothing was stored."));
        return done(ExitCode::BadInput);
    }
    auto source = std::make_shared<security::ApiKeySource>(context.secrets);
    const Output& output = context.output;
    source->store(gateway, secret, &m_context, [source, &output, gateway, done](common::Result<void> stored) {
        if (!stored) {
            output.error(stored.error().detail);
            return done(exitCodeFor(stored.error()));
        }
        if (!output.json())
            output.line(tr("The API key for %1 is stored in the keychain.").arg(gateway));
        else
            output.jsonValue(QJsonObject{{QStringLiteral("gateway"), gateway}, {QStringLiteral("stored"), true}});
        done(ExitCode::Success);
    });
}

void KeyCommand::remove(CommandContext& context, const QString& gateway, Done done)
{
    auto source = std::make_shared<security::ApiKeySource>(context.secrets);
    const Output& output = context.output;
    source->remove(gateway, &m_context, [source, &output, gateway, done](common::Result<void> removed) {
        if (!removed) {
            output.error(removed.error().detail);
            return done(exitCodeFor(removed.error()));
        }
        if (!output.json())
            output.line(tr("No API key for %1 remains in the keychain.").arg(gateway));
        else
            output.jsonValue(QJsonObject{{QStringLiteral("gateway"), gateway}, {QStringLiteral("stored"), false}});
        done(ExitCode::Success);
    });
}

} // namespace genius::cli
