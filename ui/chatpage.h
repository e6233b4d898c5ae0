#pragma once

#include "core/domain/modelinfo.h"
#include "core/domain/protectionclass.h"
#include "core/services/intentrouter.h"
#include "ui/chattranscript.h"
#include "ui/viewid.h"

#include <QPointer>
#include <QWidget>

class QColor;
class QPalette;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace genius::storage {
class ConversationStore;
}
namespace genius::services {
class ConversationChat;
class ConversationExchange;
class ModelService;
}

namespace genius::ui {

class MarkdownStream;

/// The background of the protection-class banner under `palette` (its text is the palette's).
QColor classBannerColour(domain::ProtectionClass cls, const QPalette& palette);

/// The view of each of the five functions.
ViewId viewOf(services::AssistantFunction function);

/// The free chat: the stored conversations (with search) on the left; on the right the
/// protection-class banner, the class and a model picker that offers only models cleared for
/// the conversation's class, the conversation rendered as Markdown with the answer streaming
/// in, and the question field with send, stop, regenerate and copy.
class ChatPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPage)

public:
    /// What the page works on; each must outlive the page. Without `chat` (no gateway
    /// configured) stored conversations can be read but nothing can be sent.
    struct Services {
        storage::ConversationStore* store = nullptr;
        services::ConversationChat* chat = nullptr;
        services::ModelService* models = nullptr;
        domain::ProtectionClass defaultClass = domain::ProtectionClass::Normal;
        QString defaultModel;
    };

    explicit ChatPage(Services services, QWidget* parent = nullptr);
    ~ChatPage() override;

    /// The conversation shown; empty for a new one.
    QString currentConversation() const { return m_conversationId; }
    /// Shows a stored conversation (its active branch).
    void openConversation(const QString& id);
    /// Starts a new, empty conversation.
    void newConversation();
    /// Sends `prompt` as the user would with Ctrl+Return.
    void send(const QString& prompt);
    /// Stops the streaming answer; its partial text is kept.
    void stop();
    /// Answers the last question again, beside the earlier answer.
    void regenerate();
    /// Puts the last question into the field; the next send asks it instead, on a new branch.
    void editLastQuestion();
    /// Writes the conversation to `filePath` (md, odt, docx or pdf by its suffix).
    bool exportTo(const QString& filePath);
    bool isStreaming() const { return !m_exchange.isNull(); }

    /// The class the next request carries (at least the conversation's).
    domain::ProtectionClass requestClass() const;
    /// The model chosen in the picker; empty for the default.
    QString chosenModel() const;
    /// The rendered conversation.
    QString transcriptText() const;
    /// Shows another version of a message (as the "earlier/later version" links do): that
    /// version's branch becomes the conversation's active one. False while an answer streams.
    bool showVersion(const QString& messageId);
    /// What the gateway reports of the key's spend and budget; empty when it reports nothing.
    QString budgetText() const;
    /// The main agent's suggestion shown instead of sending; empty when none is shown.
    QString suggestion() const;
    /// The last line of status (what happened to the last request).
    QString status() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    /// A theme switched to (or from) high contrast redraws the banner.
    void changeEvent(QEvent* event) override;

Q_SIGNALS:
    /// The answer ended (complete, cut, stopped, failed or refused).
    void answerEnded();
    /// The user followed the main agent to another function with this request.
    void functionChosen(genius::services::AssistantFunction function, const QString& request);

private:
    QWidget* createConversationList();
    QWidget* createConversationView();
    void start(bool regenerate, const QString& prompt);
    void reloadConversations();
    void render();
    MessageVersions versionsOf(const QString& messageId) const;
    void refreshBudget();
    void setStatus(const QString& text);
    void finishAnswer(const QString& note);
    void updateClassBanner();
    void updateModels();
    void updateButtons();
    void copyLastAnswer();
    QWidget* createSuggestionBar();
    /// Shows the main agent's choice when a request belongs to another function; false
    /// when it is a chat question (or the user already chose the chat for it).
    bool suggestOtherFunction(const QString& prompt);
    void chooseExportFile();
    void searchConversations(const QString& text);

    Services m_services;
    QString m_conversationId;
    domain::ProtectionClass m_conversationClass = domain::ProtectionClass::None;
    QList<domain::ModelInfo> m_catalogue;
    QPointer<services::ConversationExchange> m_exchange;
    MarkdownStream* m_stream = nullptr;

    QLineEdit* m_search = nullptr;
    QListWidget* m_conversations = nullptr;
    QPushButton* m_new = nullptr;
    QLabel* m_banner = nullptr;
    QComboBox* m_class = nullptr;
    QComboBox* m_model = nullptr;
    QTextBrowser* m_transcript = nullptr;
    QPlainTextEdit* m_input = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_regenerate = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_export = nullptr;
    QString m_editOf; ///< the question the next send replaces; empty for a new question
    QLabel* m_status = nullptr;
    QLabel* m_budget = nullptr;
    QWidget* m_suggestionBar = nullptr;
    QLabel* m_suggestion = nullptr;
    QPushButton* m_follow = nullptr;
    QPushButton* m_askHere = nullptr;
    services::AssistantFunction m_suggested = services::AssistantFunction::Chat;
    QString m_suggestedPrompt;
};

} // namespace genius::ui
