#pragma once

#include "app/cli/command.h"

#include <QCoreApplication>

namespace genius::cli {

class IndexSession;

/// `collections list | create NAME [--class C] [--description TEXT] | assign DOC[,DOC…] NAME |
/// unassign DOC[,DOC…] NAME | delete NAME | rename NAME NEW | publish NAME | unpublish NAME`.
class CollectionsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CollectionsCommand)

public:
    QString name() const override { return QStringLiteral("collections"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;
};

} // namespace genius::cli
