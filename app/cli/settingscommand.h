#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

namespace genius::cli {

/// `settings [list] | get KEY | set KEY VALUE | reset KEY`: the effective settings with
/// their source and lock, so administrators can check what policy enforces.
class SettingsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(SettingsCommand)

public:
    QString name() const override { return QStringLiteral("settings"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    ExitCode list(CommandContext& context) const;
    ExitCode get(CommandContext& context, const QString& key) const;
};

} // namespace genius::cli
