#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

namespace genius::cli {

/// `key status | set | delete`: the gateway API key in the OS keychain. `set` reads the
/// key from standard input (without echo on a terminal), so it never lands in the shell
/// history or the process list.
class KeyCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(KeyCommand)

public:
    QString name() const override { return QStringLiteral("key"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    void status(CommandContext& context, const QString& gateway, Done done);
    void set(CommandContext& context, const QString& gateway, Done done);
    void remove(CommandContext& context, const QString& gateway, Done done);

    QObject m_context; ///< guards the keychain callbacks
};

} // namespace genius::cli
