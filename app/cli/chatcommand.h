#pragma once

#include "app/cli/command.h"

#include "core/domain/protectionclass.h"
#include "core/storage/conversationrecord.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace genius::services {
class ChatTurn;
}
namespace genius::storage {
class ConversationStore;
}

namespace genius::cli {

class GatewaySession;

/// `chat [--class C] [--conversation ID] PROMPT`: streams an answer to stdout and stores the
/// turn in a conversation (a new one, or ID continued with its current branch as history).
/// Ctrl+C cancels (exit 7); the partial answer is kept, marked.
class ChatCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ChatCommand)

public:
    ChatCommand();
    ~ChatCommand() override;
    QString name() const override { return QStringLiteral("chat"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    /// What one run stores: the conversation, the question, and whether it was new.
    struct Turn {
        QString conversationId;
        QString questionId;
        bool newConversation = false;
        bool reuseQuestion = false; ///< --regenerate: the question is already stored
        QString editOf;             ///< --edit: the question the new one replaces on a new branch
        domain::ProtectionClass requestClass = domain::ProtectionClass::Normal;
    };

    void connectTurn(services::ChatTurn* turn, const Output& output, Done done);
    /// Stores the answer (or what arrived of it); false after printing why it could not.
    bool storeAnswer(const Output& output, const storage::NewMessage& answer);
    void forgetRefusedTurn();

    std::unique_ptr<GatewaySession> m_session;
    std::unique_ptr<storage::ConversationStore> m_store;
    Turn m_turn;
};

} // namespace genius::cli
