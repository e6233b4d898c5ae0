#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

namespace genius::cli {

/// `audit verify | export`: checks the hash chain of the audit log (exit 0 only when it is
/// intact) or prints every entry as one JSON array.
class AuditCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    QString name() const override { return QStringLiteral("audit"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;
};

} // namespace genius::cli
