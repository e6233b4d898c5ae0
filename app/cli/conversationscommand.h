#pragma once

#include "app/cli/command.h"
#include "core/common/error.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace genius::storage {
class ConversationStore;
}

namespace genius::cli {

/// `conversations list [--search TEXT] | show ID | export ID --format F --output FILE |
/// delete ID`: the stored conversations of the profile.
class ConversationsCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ConversationsCommand)

public:
    QString name() const override { return QStringLiteral("conversations"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    ExitCode list(CommandContext& context, storage::ConversationStore& store, const std::optional<QString>& search);
    ExitCode show(CommandContext& context, storage::ConversationStore& store, const QString& id);
    ExitCode exportTo(CommandContext& context, storage::ConversationStore& store, const QString& id,
                      const QString& format, const QString& output);
    ExitCode remove(CommandContext& context, storage::ConversationStore& store, const QString& id);
};

/// Opens conversations.sqlite in the profile and first deletes the conversations past the
/// retention days of their class (settings retention/*Days; 0 keeps them).
common::Result<std::unique_ptr<storage::ConversationStore>> openConversationStore(CommandContext& context);

/// Whether genius-cli's raw arguments ask for an export to ODT or PDF, the only command that
/// needs a QGuiApplication; every other command runs on a QCoreApplication.
bool needsGuiApplication(const QStringList& arguments);

} // namespace genius::cli
