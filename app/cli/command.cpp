#include "app/cli/command.h"

#include "app/cli/output.h"

namespace genius::cli {

Command::~Command() = default;

std::optional<ParsedArguments> Command::parse(CommandContext& context, const QStringList& arguments,
                                              const QList<OptionSpec>& options) const
{
    QString error;
    auto parsed = ArgParser(options).parse(arguments, name(), &error);
    if (!parsed)
        context.output.error(error);
    return parsed;
}

} // namespace genius::cli
