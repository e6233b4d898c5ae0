#include "app/cli/argparser.h"

namespace genius::cli {

ArgParser::ArgParser(QList<OptionSpec> options)
    : m_options(std::move(options))
{
}

const OptionSpec* ArgParser::find(const QString& name) const
{
    for (const OptionSpec& option : m_options) {
        if (option.name == name)
            return &option;
    }
    return nullptr;
}

std::optional<ParsedArguments> ArgParser::parse(const QStringList& arguments, const QString& command,
                                                QString* error) const
{
    ParsedArguments parsed;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (optionsEnded || !argument.startsWith(QLatin1String("--")) || argument == QLatin1String("-")) {
            parsed.positional << argument;
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        const qsizetype eq = argument.indexOf(QLatin1Char('='));
        const QString name = argument.mid(2, eq < 0 ? -1 : eq - 2);
        const OptionSpec* spec = find(name);
        if (!spec) {
            *error = command.isEmpty()
                ? tr("Unknown option '--%1'. Run 'genius-cli --help' to see the options.").arg(name)
                : tr("Unknown option '--%1' for '%2'. Run 'genius-cli %2 --help' to see its options.")
                      .arg(name, command);
            return std::nullopt;
        }
        if (!spec->takesValue) {
            if (eq >= 0) {
                *error = tr("The option '--%1' takes no value.").arg(name);
                return std::nullopt;
            }
            parsed.values.insert(name, QString());
            continue;
        }
        if (eq >= 0) {
            parsed.values.insert(name, argument.mid(eq + 1));
        } else if (i + 1 < arguments.size()) {
            parsed.values.insert(name, arguments.at(++i));
        } else {
            *error = tr("The option '--%1' needs a value.").arg(name);
            return std::nullopt;
        }
    }
    return parsed;
}

} // namespace genius::cli
