#pragma once

#include "app/cli/command.h"

#include "core/services/conversationchat.h"

#include <QCoreApplication>

#include <memory>

namespace genius::storage {
class ConversationStore;
}

namespace genius::cli {

class GatewaySession;

/// `chat [--class C] [--conversation ID] PROMPT`: streams an answer to stdout and stores the
/// turn in a conversation (a new one, or ID continued with its current branch as history)
/// through services::ConversationChat. Ctrl+C cancels (exit 7); the partial answer is kept, marked.
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
    /// Prints why a request cannot go (the CLI's sentence where it has one) and returns the exit code.
    ExitCode reportRequestError(const Output& output, const services::ConversationRequest& request,
                                const common::Error& error) const;
    void connectExchange(services::ConversationExchange* exchange, const Output& output, Done done);

    // Declared in the order of need: the exchanges (children of the session) go before the store.
    std::unique_ptr<storage::ConversationStore> m_store;
    std::unique_ptr<GatewaySession> m_session;
    std::unique_ptr<services::ConversationChat> m_chat;
    bool m_answerStored = true;
};

} // namespace genius::cli
