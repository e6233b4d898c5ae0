#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

namespace genius::cli {

/// `store init | grant USER --tenant T --role data-manager|staff --password PW | status | purge
/// [--older-than DAYS] | login | logout`: the administration of the shared collection store (PostgreSQL) named by
/// --store or store/url, and a user's password for it in the OS keychain.
class StoreCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(StoreCommand)

public:
    QString name() const override { return QStringLiteral("store"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    ExitCode init(CommandContext& context) const;
    ExitCode grant(CommandContext& context, const ParsedArguments& parsed) const;
    ExitCode status(CommandContext& context) const;
    ExitCode purge(CommandContext& context, const ParsedArguments& parsed) const;
    void login(CommandContext& context, const ParsedArguments& parsed, Done done);
    void logout(CommandContext& context, Done done);

    QObject m_context; ///< guards the keychain callbacks
};

} // namespace genius::cli
