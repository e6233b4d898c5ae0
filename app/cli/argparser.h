#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace genius::cli {

/// One option a command accepts: `--name VALUE` (or `--name=VALUE`) when it takes a value,
/// `--name` alone otherwise.
struct OptionSpec {
    QString name;
    bool takesValue;
};

/// The parsed arguments of one command.
struct ParsedArguments {
    QHash<QString, QString> values; ///< option name → value ("" for flags)
    QStringList positional;

    bool has(const QString& name) const { return values.contains(name); }
    QString value(const QString& name) const { return values.value(name); }
};

/// Splits arguments into options and positionals. `--` ends the options. On a problem,
/// returns nullopt and sets `error` to one sentence.
class ArgParser final
{
    Q_DECLARE_TR_FUNCTIONS(ArgParser)

public:
    explicit ArgParser(QList<OptionSpec> options);

    std::optional<ParsedArguments> parse(const QStringList& arguments, const QString& command,
                                         QString* error) const;

private:
    const OptionSpec* find(const QString& name) const;
    QList<OptionSpec> m_options;
};

} // namespace genius::cli
