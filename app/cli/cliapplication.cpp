#include "app/cli/cliapplication.h"

#include "app/cli/argparser.h"
#include "app/cli/auditcommand.h"
#include "app/cli/budgetcommand.h"
#include "app/cli/askcommand.h"
#include "app/cli/chatcommand.h"
#include "app/cli/collectionscommand.h"
#include "app/cli/generatecommand.h"
#include "app/cli/routecommand.h"
#include "app/cli/summarizecommand.h"
#include "app/cli/conversationscommand.h"
#include "app/cli/documentscommand.h"
#include "app/cli/importcommand.h"
#include "app/cli/searchcommand.h"
#include "app/cli/modelscommand.h"
#include "app/cli/keycommand.h"
#include "app/cli/output.h"
#include "app/cli/settingscommand.h"
#include "app/cli/storecommand.h"
#include "app/cli/synccommand.h"
#include "core/common/appinfo.h"
#include "core/security/keychainsecretstore.h"
#include "core/settings/settings.h"
#include "core/sharedstore/storeaddress.h"
#include "core/storage/profile.h"
#include "translations/translations.h"


namespace genius::cli {

namespace {

/// Global options may stand before or after the command; `--` ends option parsing.
const QList<OptionSpec> kGlobalOptions = {
    {QStringLiteral("profile"), true}, {QStringLiteral("endpoint"), true}, {QStringLiteral("model"), true},
    {QStringLiteral("store"), true},   {QStringLiteral("json"), false},    {QStringLiteral("help"), false},
    {QStringLiteral("version"), false},
};

struct SplitArguments {
    QStringList global;
    QStringList rest;
};

// Takes the global options out of the argument list, wherever they are.
SplitArguments splitGlobalOptions(const QStringList& arguments)
{
    SplitArguments split;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            split.rest << arguments.mid(i);
            break;
        }
        const QString name = argument.startsWith(QLatin1String("--"))
            ? argument.mid(2).section(QLatin1Char('='), 0, 0)
            : QString();
        const auto spec = std::find_if(kGlobalOptions.begin(), kGlobalOptions.end(),
                                       [&](const OptionSpec& option) { return option.name == name; });
        if (spec == kGlobalOptions.end()) {
            split.rest << argument;
            continue;
        }
        split.global << argument;
        if (spec->takesValue && !argument.contains(QLatin1Char('=')) && i + 1 < arguments.size())
            split.global << arguments.at(++i);
    }
    return split;
}

} // namespace

CliApplication::CliApplication()
{
    m_commands.push_back(std::make_unique<ModelsCommand>());
    m_commands.push_back(std::make_unique<ChatCommand>());
    m_commands.push_back(std::make_unique<ConversationsCommand>());
    m_commands.push_back(std::make_unique<ImportCommand>());
    m_commands.push_back(std::make_unique<DocumentsCommand>());
    m_commands.push_back(std::make_unique<TextCommand>());
    m_commands.push_back(std::make_unique<CollectionsCommand>());
    m_commands.push_back(std::make_unique<SearchCommand>());
    m_commands.push_back(std::make_unique<AskCommand>());
    m_commands.push_back(std::make_unique<ResearchCommand>());
    m_commands.push_back(std::make_unique<SummarizeCommand>());
    m_commands.push_back(std::make_unique<GenerateCommand>());
    m_commands.push_back(std::make_unique<RouteCommand>());
    m_commands.push_back(std::make_unique<BudgetCommand>());
    m_commands.push_back(std::make_unique<AuditCommand>());
    m_commands.push_back(std::make_unique<StoreCommand>());
    m_commands.push_back(std::make_unique<SyncCommand>());
    m_commands.push_back(std::make_unique<SettingsCommand>());
    m_commands.push_back(std::make_unique<KeyCommand>());
}

CliApplication::~CliApplication() = default;

Command* CliApplication::find(const QString& name) const
{
    for (const auto& command : m_commands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

QString CliApplication::helpText() const
{
    QString text = tr("Usage: genius-cli [global options] COMMAND [options] [arguments]\n"
                      "\n"
                      "Global options:\n"
                      "  --profile DIR    use the profile in DIR instead of the default one\n"
                      "  --endpoint URL   use this gateway for this run\n"
                      "  --model NAME     use this model for this run\n"
                      "  --store URL      use this shared collection store for this run\n"
                      "  --json           print machine-readable JSON on standard output\n"
                      "  --help           show this help, or a command's help after its name\n"
                      "  --version        show the version\n"
                      "\n"
                      "Commands:\n");
    for (const auto& command : m_commands)
        text += QStringLiteral("  %1%2\n").arg(command->name().leftJustified(12), command->summary());
    text += tr("\nExit codes: 0 success, 1 usage, 2 bad input, 3 refused by the protection-class guard,\n"
               "4 refused by the gateway, 5 gateway unreachable, 6 quota exhausted, 7 cancelled,\n"
               "8 keychain or profile unusable.");
    return text;
}

int CliApplication::exec(const QStringList& arguments)
{
    const int started = start(arguments);
    if (started >= 0)
        return started;
    return QCoreApplication::exec();
}

// Returns an exit code when finished synchronously, or -1 when the event loop must run.
int CliApplication::start(const QStringList& arguments)
{
    const SplitArguments split = splitGlobalOptions(arguments);
    QString error;
    const auto global = ArgParser(kGlobalOptions).parse(split.global, QString(), &error);
    m_output = std::make_unique<Output>(global && global->has(QStringLiteral("json")));
    if (!global) {
        m_output->error(error);
        return toInt(ExitCode::Usage);
    }

    if (global->has(QStringLiteral("version"))) {
        m_output->line(QStringLiteral("genius-cli %1").arg(common::productVersion()));
        return toInt(ExitCode::Success);
    }

    // The profile and the settings come first: the language is a setting.
    auto profile = storage::Profile::open(global->value(QStringLiteral("profile")));
    if (!profile) {
        m_output->error(profile.error().detail);
        return toInt(exitCodeFor(profile.error()));
    }
    m_settings = std::make_unique<settings::Settings>(settings::SettingsLocations::system(profile->directory()));
    i18n::installTranslations(i18n::chooseLanguage(m_settings->text(settings::keys::UiLanguage)));

    const QString commandName = split.rest.value(0);
    const bool wantsHelp = global->has(QStringLiteral("help"));
    if (commandName.isEmpty()) {
        if (wantsHelp) {
            m_output->line(helpText());
            return toInt(ExitCode::Success);
        }
        m_output->error(tr("No command given. Run 'genius-cli --help' to see the commands."));
        return toInt(ExitCode::Usage);
    }
    Command* command = find(commandName);
    if (!command) {
        m_output->error(tr("Unknown command '%1'. Run 'genius-cli --help' to see the commands.").arg(commandName));
        return toInt(ExitCode::Usage);
    }
    if (wantsHelp) {
        m_output->line(command->usage());
        return toInt(ExitCode::Success);
    }

    const std::pair<QString, QString> overrides[] = {
        {QStringLiteral("endpoint"), settings::keys::GatewayUrl},
        {QStringLiteral("model"), settings::keys::GatewayDefaultModel},
        {QStringLiteral("store"), settings::keys::StoreUrl},
    };
    QString storePassword;
    for (const auto& [option, key] : overrides) {
        if (!global->has(option))
            continue;
        QString value = global->value(option);
        if (option == QLatin1String("store")) {
            // A password in --store serves this run only: settings never hold one (the
            // validator refuses it), so it is taken out before the URL becomes a setting.
            if (const auto address = sharedstore::parseStoreUrl(value); address)
                storePassword = address->password;
            value = sharedstore::storeUrlWithoutPassword(value);
        }
        if (auto applied = m_settings->setSessionValue(key, value); !applied) {
            m_output->error(tr("The option '--%1' cannot be used: %2").arg(option, applied.error().detail));
            return toInt(exitCodeFor(applied.error()));
        }
    }

    m_secrets = std::make_unique<security::KeychainSecretStore>();
    m_context = std::make_unique<CommandContext>(
        CommandContext{*m_settings, *m_secrets, *m_output, profile->directory(), storePassword});
    command->run(*m_context, split.rest.mid(1), [this](ExitCode code) {
        m_finished = code;
        if (m_waiting)
            QCoreApplication::exit(toInt(code));
    });
    if (m_finished)
        return toInt(*m_finished);
    m_waiting = true;
    return -1;
}

} // namespace genius::cli
