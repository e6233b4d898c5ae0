#include "ui/chatpage.h"

#include "core/models/documentlabels.h"
#include "core/services/conversationchat.h"
#include "core/services/modelservice.h"
#include "core/storage/conversationexport.h"
#include "core/storage/conversationstore.h"
#include "ui/chattranscript.h"
#include "ui/collectiondialog.h"
#include "ui/contrast.h"
#include "ui/functionwidgets.h"
#include "ui/markdownstream.h"
#include "ui/viewid.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTextBrowser>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace genius::ui {

using domain::ProtectionClass;
using storage::MessageRole;
using storage::MessageState;

namespace {

/// Where a request of this class may go, as the banner says it.
QString routeText(ProtectionClass cls)
{
    switch (cls) {
    case ProtectionClass::None: return ChatPage::tr("may go to public-cloud models");
    case ProtectionClass::Normal: return ChatPage::tr("goes to the sovereign cloud or on-premises models");
    case ProtectionClass::High: return ChatPage::tr("goes only to on-premises models");
    case ProtectionClass::VeryHigh: return ChatPage::tr("never leaves this workstation");
    }
    return {};
}

QString stateNote(MessageState state)
{
    switch (state) {
    case MessageState::Complete: return {};
    case MessageState::Cut: return ChatPage::tr("(The answer was cut off.)");
    case MessageState::Failed: return ChatPage::tr("(No answer: the request failed.)");
    case MessageState::Cancelled: return ChatPage::tr("(Stopped.)");
    }
    return {};
}

} // namespace

ViewId viewOf(services::AssistantFunction function)
{
    switch (function) {
    case services::AssistantFunction::Chat: return ViewId::Chat;
    case services::AssistantFunction::Ask: return ViewId::Documents;
    case services::AssistantFunction::Research: return ViewId::Research;
    case services::AssistantFunction::Summarize: return ViewId::Summarize;
    case services::AssistantFunction::Generate: return ViewId::Generate;
    }
    return ViewId::Chat;
}

ChatPage::ChatPage(Services services, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
{
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(createConversationList());
    splitter->addWidget(createConversationView());
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(splitter);

    reloadConversations();
    newConversation();
    if (m_services.models) {
        m_services.models->catalogue(this, [this](gateway::GatewayResult<QList<domain::ModelInfo>> catalogue) {
            if (!catalogue) {
                setStatus(tr("The model list is not available: %1").arg(catalogue.error().message));
                return;
            }
            m_catalogue.clear();
            for (const auto& model : *catalogue) {
                if (model.kind == domain::ModelKind::Chat)
                    m_catalogue.append(model);
            }
            updateModels();
            refreshBudget();
        });
    }
}

ChatPage::~ChatPage()
{
    if (m_exchange)
        m_exchange->cancel();
}

QWidget* ChatPage::createConversationList()
{
    auto* pane = new QWidget(this);
    m_search = new QLineEdit(pane);
    m_search->setObjectName(QStringLiteral("conversationSearch"));
    m_search->setAccessibleName(tr("Search conversations"));
    m_search->setPlaceholderText(tr("Search conversations"));
    m_search->setClearButtonEnabled(true);
    if (auto* clear = m_search->findChild<QToolButton*>())
        clear->setAccessibleName(tr("Clear the search"));
    m_conversations = new QListWidget(pane);
    m_conversations->setObjectName(QStringLiteral("conversationList"));
    m_conversations->setAccessibleName(tr("Conversations"));
    m_new = new QPushButton(tr("&New conversation"), pane);
    m_new->setObjectName(QStringLiteral("newConversationButton"));
    m_new->setAccessibleName(tr("New conversation"));
    connect(m_new, &QPushButton::clicked, this, &ChatPage::newConversation);
    connect(m_search, &QLineEdit::textChanged, this, &ChatPage::searchConversations);
    connect(m_conversations, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        openConversation(item->data(Qt::UserRole).toString());
    });
    connect(m_conversations, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item && !isStreaming() && item->data(Qt::UserRole).toString() != m_conversationId)
            openConversation(item->data(Qt::UserRole).toString());
    });
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_conversations, 1);
    layout->addWidget(m_new);
    return pane;
}

QWidget* ChatPage::createConversationView()
{
    auto* pane = new QWidget(this);
    m_banner = new QLabel(pane);
    m_banner->setObjectName(QStringLiteral("classBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(6);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAccessibleName(tr("Protection class of the conversation"));

    m_class = new QComboBox(pane);
    m_class->setObjectName(QStringLiteral("requestClass"));
    m_class->setAccessibleName(tr("Protection class of the next question"));
    fillProtectionClasses(*m_class, m_services.defaultClass);
    m_model = new QComboBox(pane);
    m_model->setObjectName(QStringLiteral("modelPicker"));
    m_model->setAccessibleName(tr("Model"));
    m_model->setAccessibleDescription(tr("Only models cleared for the conversation's protection class can be chosen."));
    connect(m_class, &QComboBox::currentIndexChanged, this, [this] {
        updateClassBanner();
        updateModels();
    });
    auto* pickers = new QHBoxLayout;
    auto* classLabel = new QLabel(tr("&Class:"), pane);
    classLabel->setBuddy(m_class);
    auto* modelLabel = new QLabel(tr("&Model:"), pane);
    modelLabel->setBuddy(m_model);
    pickers->addWidget(classLabel);
    pickers->addWidget(m_class);
    pickers->addWidget(modelLabel);
    pickers->addWidget(m_model, 1);

    m_transcript = new QTextBrowser(pane);
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setAccessibleName(tr("Conversation"));
    m_transcript->setOpenLinks(false);
    m_transcript->setAccessibleDescription(tr("Where an answer or question has several versions, links beside the "
                                              "speaker switch between them."));
    connect(m_transcript, &QTextBrowser::anchorClicked, this, [this](const QUrl& link) {
        if (const QString target = versionTarget(link); !target.isEmpty())
            showVersion(target);
    });

    m_input = new QPlainTextEdit(pane);
    m_input->setObjectName(QStringLiteral("questionInput"));
    m_input->setAccessibleName(tr("Question"));
    m_input->setAccessibleDescription(tr("Ctrl+Return sends the question."));
    m_input->setPlaceholderText(tr("Ask a question… (Ctrl+Return sends)"));
    m_input->setTabChangesFocus(true);
    m_input->setMaximumHeight(m_input->fontMetrics().height() * 6);

    m_send = new QPushButton(tr("&Send"), pane);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setAccessibleName(tr("Send"));
    m_stop = new QPushButton(tr("S&top"), pane);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setAccessibleName(tr("Stop"));
    m_regenerate = new QPushButton(tr("&Regenerate"), pane);
    m_regenerate->setObjectName(QStringLiteral("regenerateButton"));
    m_regenerate->setAccessibleName(tr("Regenerate"));
    m_regenerate->setAccessibleDescription(tr("Answers the last question again; the earlier answer stays."));
    m_copy = new QPushButton(tr("&Copy answer"), pane);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAccessibleName(tr("Copy answer"));
    m_edit = new QPushButton(tr("E&dit question"), pane);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_edit->setAccessibleName(tr("Edit question"));
    m_edit->setAccessibleDescription(tr("Puts the last question into the field; sending it again starts a new branch."));
    m_export = new QPushButton(tr("E&xport…"), pane);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setAccessibleName(tr("Export"));
    m_export->setAccessibleDescription(tr("Saves the conversation as Markdown, ODT, DOCX or PDF."));
    m_status = new QLabel(pane);
    m_status->setObjectName(QStringLiteral("chatStatus"));
    m_status->setAccessibleDescription(tr("Status"));
    m_status->setWordWrap(true);
    m_budget = new QLabel(pane);
    m_budget->setObjectName(QStringLiteral("budgetStatus"));
    m_budget->setAccessibleName(tr("Budget of the API key"));
    m_budget->setTextFormat(Qt::PlainText);
    m_budget->hide();

    m_input->installEventFilter(this); // Ctrl+Return sends
    connect(m_send, &QPushButton::clicked, this, [this] { send(m_input->toPlainText()); });
    connect(m_stop, &QPushButton::clicked, this, &ChatPage::stop);
    connect(m_regenerate, &QPushButton::clicked, this, &ChatPage::regenerate);
    connect(m_copy, &QPushButton::clicked, this, &ChatPage::copyLastAnswer);
    connect(m_edit, &QPushButton::clicked, this, &ChatPage::editLastQuestion);
    connect(m_export, &QPushButton::clicked, this, &ChatPage::chooseExportFile);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_budget);
    buttons->addWidget(m_export);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_copy);
    buttons->addWidget(m_regenerate);
    buttons->addWidget(m_stop);
    buttons->addWidget(m_send);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addLayout(pickers);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(createSuggestionBar());
    layout->addWidget(m_input);
    layout->addLayout(buttons);
    return pane;
}

ProtectionClass ChatPage::requestClass() const
{
    return domain::higherOf(selectedProtectionClass(*m_class), m_conversationClass);
}

QString ChatPage::chosenModel() const
{
    return m_model->currentData().toString();
}

QString ChatPage::transcriptText() const
{
    return m_transcript->toPlainText();
}

QString ChatPage::budgetText() const
{
    return m_budget->isHidden() ? QString() : m_budget->text();
}

void ChatPage::refreshBudget()
{
    if (!m_services.models)
        return;
    m_services.models->keyInfo(this, [this](gateway::GatewayResult<gateway::KeyInfo> info) {
        // Unknown stays unknown: a gateway without /key/info (or an error) shows nothing.
        if (!info || (!info->spend && !info->maxBudget)) {
            m_budget->hide();
            return;
        }
        // Cents, and below one unit of the currency the small amounts single answers spend.
        const auto money = [](double value) { return QLocale().toString(value, 'f', value < 1.0 ? 4 : 2); };
        const QString spent = info->spend ? money(*info->spend) : tr("unknown");
        m_budget->setText(info->maxBudget ? tr("Budget: %1 of %2 spent").arg(spent, money(*info->maxBudget))
                                          : tr("Spent: %1").arg(spent));
        m_budget->show();
    });
}

QString ChatPage::status() const
{
    return m_status->text();
}

void ChatPage::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_banner)
        updateClassBanner();
}

bool ChatPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() & Qt::ControlModifier) {
            send(m_input->toPlainText());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPage::setStatus(const QString& text)
{
    // Screen readers announce what happened (the answer is complete, stopped, refused).
    announce(*m_status, text);
}

void ChatPage::reloadConversations()
{
    if (!m_services.store)
        return;
    searchConversations(m_search->text());
}

void ChatPage::searchConversations(const QString& text)
{
    if (!m_services.store)
        return;
    const QSignalBlocker blocker(m_conversations);
    m_conversations->clear();
    if (text.trimmed().isEmpty()) {
        const auto all = m_services.store->conversations();
        for (const auto& conversation : all.value_or(QList<storage::ConversationRecord>())) {
            if (conversation.function != storage::ConversationFunction::Chat)
                continue;
            auto* item = new QListWidgetItem(conversation.title.isEmpty() ? tr("(untitled)") : conversation.title,
                                             m_conversations);
            item->setData(Qt::UserRole, conversation.id);
            item->setToolTip(models::protectionClassText(conversation.protectionClass));
        }
    } else {
        const auto hits = m_services.store->search(text, 50);
        QSet<QString> listed; // one row per conversation, at its best hit
        for (const auto& hit : hits.value_or(QList<storage::ConversationHit>())) {
            if (listed.contains(hit.conversationId))
                continue;
            listed.insert(hit.conversationId);
            auto* item = new QListWidgetItem(hit.title, m_conversations);
            item->setData(Qt::UserRole, hit.conversationId);
            item->setToolTip(hit.snippet);
        }
    }
    for (int row = 0; row < m_conversations->count(); ++row) {
        if (m_conversations->item(row)->data(Qt::UserRole).toString() == m_conversationId)
            m_conversations->setCurrentRow(row);
    }
}

void ChatPage::newConversation()
{
    if (isStreaming())
        return;
    m_conversationId.clear();
    m_conversationClass = ProtectionClass::None;
    fillProtectionClasses(*m_class, m_services.defaultClass);
    m_transcript->clear();
    m_conversations->clearSelection();
    updateClassBanner();
    updateModels();
    updateButtons();
    setStatus(m_services.chat ? QString() : tr("No gateway is configured: stored conversations can be read, but "
                                               "nothing can be sent. Set the gateway in the settings."));
}

void ChatPage::openConversation(const QString& id)
{
    if (isStreaming() || !m_services.store)
        return;
    const auto conversation = m_services.store->conversation(id);
    if (!conversation) {
        setStatus(conversation.error().detail);
        return;
    }
    m_conversationId = id;
    m_conversationClass = conversation->protectionClass;
    render();
    updateClassBanner();
    updateModels();
    updateButtons();
}

MessageVersions ChatPage::versionsOf(const QString& messageId) const
{
    const auto siblings = m_services.store->siblings(messageId);
    if (!siblings || siblings->size() < 2)
        return {};
    MessageVersions versions;
    versions.count = static_cast<int>(siblings->size());
    for (qsizetype i = 0; i < siblings->size(); ++i) {
        if (siblings->at(i).id != messageId)
            continue;
        versions.number = static_cast<int>(i + 1);
        versions.previousId = i > 0 ? siblings->at(i - 1).id : QString();
        versions.nextId = i + 1 < siblings->size() ? siblings->at(i + 1).id : QString();
    }
    return versions;
}

bool ChatPage::showVersion(const QString& messageId)
{
    if (isStreaming() || m_conversationId.isEmpty() || !m_services.store)
        return false;
    const auto switched = m_services.store->switchBranch(messageId);
    if (!switched) {
        setStatus(tr("This version cannot be shown: %1").arg(switched.error().detail));
        return false;
    }
    render();
    const MessageVersions versions = versionsOf(messageId);
    setStatus(tr("Showing version %1 of %2; the next question continues from here.").arg(versions.number).arg(versions.count));
    updateButtons();
    return true;
}

void ChatPage::render()
{
    m_transcript->clear();
    const auto path = m_services.store->activePath(m_conversationId);
    for (const auto& message : path.value_or(QList<storage::MessageRecord>())) {
        if (message.role == MessageRole::System)
            continue;
        const QString note = stateNote(message.state);
        appendTranscriptMessage(*m_transcript,
                                message.role == MessageRole::User ? tr("You") : tr("Assistant (%1)").arg(message.model),
                                note.isEmpty() ? message.content : message.content + QStringLiteral("\n\n*") + note + u'*',
                                versionsOf(message.id));
    }
    m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum());
}

QWidget* ChatPage::createSuggestionBar()
{
    m_suggestionBar = new QFrame(this);
    m_suggestionBar->setObjectName(QStringLiteral("agentSuggestion"));
    static_cast<QFrame*>(m_suggestionBar)->setFrameShape(QFrame::StyledPanel);
    m_suggestion = new QLabel(m_suggestionBar);
    m_suggestion->setWordWrap(true);
    m_suggestion->setAccessibleName(tr("Suggestion of the assistant"));
    m_follow = new QPushButton(m_suggestionBar);
    m_follow->setObjectName(QStringLiteral("followSuggestionButton"));
    m_follow->setAccessibleName(tr("Open the suggested function"));
    m_askHere = new QPushButton(tr("Ask in the &chat"), m_suggestionBar);
    m_askHere->setObjectName(QStringLiteral("askInChatButton"));
    m_askHere->setAccessibleName(tr("Ask in the chat"));
    connect(m_follow, &QPushButton::clicked, this, [this] {
        m_suggestionBar->hide();
        m_input->clear();
        Q_EMIT functionChosen(m_suggested, std::exchange(m_suggestedPrompt, QString()));
    });
    connect(m_askHere, &QPushButton::clicked, this, [this] {
        m_suggestionBar->hide();
        start(false, std::exchange(m_suggestedPrompt, QString()));
    });
    auto* layout = new QHBoxLayout(m_suggestionBar);
    layout->addWidget(m_suggestion, 1);
    layout->addWidget(m_follow);
    layout->addWidget(m_askHere);
    m_suggestionBar->hide();
    return m_suggestionBar;
}

QString ChatPage::suggestion() const
{
    return m_suggestionBar->isHidden() ? QString() : m_suggestion->text();
}

bool ChatPage::suggestOtherFunction(const QString& prompt)
{
    // Within a conversation the user is chatting; the main agent speaks up for a new request.
    if (!m_conversationId.isEmpty())
        return false;
    const services::RouteDecision decision = services::routeLocally({prompt, false, {}, {}});
    if (decision.function == services::AssistantFunction::Chat || decision.confidence < 0.5)
        return false;
    const QString title = viewTitle(viewOf(decision.function));
    m_suggested = decision.function;
    m_suggestedPrompt = prompt;
    m_suggestion->setText(tr("This looks like a task for %1: %2").arg(title, decision.reason));
    m_follow->setText(tr("&Open %1").arg(title));
    m_follow->setAccessibleName(tr("Open %1").arg(title));
    m_suggestionBar->show();
    setStatus(tr("The assistant suggests %1; choose where to continue.").arg(title));
    return true;
}

void ChatPage::send(const QString& prompt)
{
    if (prompt.trimmed().isEmpty() || isStreaming())
        return;
    m_suggestionBar->hide();
    if (suggestOtherFunction(prompt.trimmed()))
        return;
    start(false, prompt.trimmed());
}

void ChatPage::regenerate()
{
    if (m_conversationId.isEmpty() || isStreaming())
        return;
    start(true, QString());
}

void ChatPage::start(bool regenerate, const QString& prompt)
{
    if (!m_services.chat) {
        setStatus(tr("No gateway is configured: set the gateway in the settings."));
        return;
    }
    services::ConversationRequest request;
    request.conversationId = m_conversationId;
    request.prompt = prompt;
    request.requestClass = requestClass();
    request.model = chosenModel();
    request.regenerate = regenerate;
    request.editOf = regenerate ? QString() : std::exchange(m_editOf, QString());
    auto exchange = m_services.chat->send(request, this);
    if (!exchange) {
        setStatus(exchange.error().detail);
        Q_EMIT answerEnded();
        return;
    }
    m_exchange = *exchange;
    if (regenerate || !request.editOf.isEmpty()) {
        render(); // the new branch replaces the old one on screen
    } else {
        m_input->clear();
        appendTranscriptMessage(*m_transcript, tr("You"), prompt);
    }
    setStatus(tr("Answering…"));
    appendTranscriptMessage(*m_transcript, tr("Assistant"), QString());
    m_stream = new MarkdownStream(*m_transcript->document(), m_exchange);
    connect(m_stream, &MarkdownStream::rendered, this, [this] {
        m_transcript->verticalScrollBar()->setValue(m_transcript->verticalScrollBar()->maximum());
    });
    connect(m_exchange, &services::ConversationExchange::delta, m_stream, &MarkdownStream::append);
    connect(m_exchange, &services::ConversationExchange::refused, this, [this](const common::Error& error) {
        finishAnswer(tr("Not sent: %1").arg(error.detail));
        render();
    });
    connect(m_exchange, &services::ConversationExchange::finished, this,
            [this](const gateway::Usage& usage, gateway::FinishReason reason) {
                QString note = reason == gateway::FinishReason::Length ? tr("The answer was cut at the token limit.")
                                                                       : tr("Answer complete.");
                if (usage.promptTokens && usage.completionTokens)
                    note += u' ' + tr("Tokens: %1 in, %2 out.").arg(*usage.promptTokens).arg(*usage.completionTokens);
                finishAnswer(note);
                refreshBudget(); // every answer spends
            });
    connect(m_exchange, &services::ConversationExchange::failed, this,
            [this](const gateway::GatewayError& error, const QString&) {
                finishAnswer(error.kind == gateway::GatewayErrorKind::Cancelled ? tr("Stopped; the text so far is kept.")
                                                                                : error.message);
                refreshBudget(); // a stopped or broken answer may have spent too
            });
    m_conversationId = m_exchange->conversationId();
    m_conversationClass = m_exchange->requestClass();
    updateClassBanner();
    updateButtons();
}

void ChatPage::finishAnswer(const QString& note)
{
    if (m_stream)
        m_stream->finish();
    m_stream = nullptr;
    if (m_exchange)
        m_exchange->deleteLater();
    m_exchange = nullptr;
    setStatus(note);
    reloadConversations();
    if (!m_conversationId.isEmpty() && m_services.store && m_services.store->conversation(m_conversationId))
        render(); // the stored form (with the answer's state) replaces the streamed one
    else
        m_conversationId.clear();
    updateButtons();
    Q_EMIT answerEnded();
}

void ChatPage::stop()
{
    if (m_exchange)
        m_exchange->cancel();
}

void ChatPage::editLastQuestion()
{
    if (!m_services.store || m_conversationId.isEmpty() || isStreaming())
        return;
    const auto path = m_services.store->activePath(m_conversationId);
    if (!path)
        return;
    const auto question = std::find_if(path->crbegin(), path->crend(),
                                       [](const storage::MessageRecord& message) { return message.role == MessageRole::User; });
    if (question == path->crend())
        return;
    m_editOf = question->id;
    m_input->setPlainText(question->content);
    m_input->setFocus();
    setStatus(tr("Change the question and send it: it starts a new branch; the earlier one is kept."));
}

bool ChatPage::exportTo(const QString& filePath)
{
    if (!m_services.store || m_conversationId.isEmpty())
        return false;
    const auto conversation = m_services.store->conversation(m_conversationId);
    const auto path = m_services.store->activePath(m_conversationId);
    const QString suffix = QFileInfo(filePath).suffix().toLower();
    const auto format = storage::parseExportFormat(suffix == QLatin1String("markdown") ? QStringLiteral("md") : suffix);
    if (!conversation || !path || !format) {
        setStatus(tr("Choose a file ending in .md, .odt, .docx or .pdf."));
        return false;
    }
    const auto written = storage::ConversationExport(*conversation, *path).write(*format, filePath);
    setStatus(written ? tr("Exported to %1.").arg(QDir::toNativeSeparators(filePath)) : written.error().detail);
    return written.has_value();
}

void ChatPage::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export conversation"), QString(),
        tr("Markdown (*.md);;OpenDocument text (*.odt);;Word document (*.docx);;PDF (*.pdf)"));
    if (!path.isEmpty())
        exportTo(path);
}

void ChatPage::copyLastAnswer()
{
    if (!m_services.store || m_conversationId.isEmpty())
        return;
    const auto path = m_services.store->activePath(m_conversationId);
    if (!path || path->isEmpty() || path->constLast().role != MessageRole::Assistant)
        return;
    QApplication::clipboard()->setText(path->constLast().content);
    setStatus(tr("The answer is on the clipboard."));
}

QColor classBannerColour(ProtectionClass cls, const QPalette& palette)
{
    // A hint of blue, green, amber or red over the palette's base: light themes get pale tints,
    // dark and high-contrast themes dark ones, the text keeps the palette's colour.
    static constexpr double kShare = 0.2;
    QColor hue(0xd9, 0x30, 0x25); // very-high
    switch (cls) {
    case ProtectionClass::None: hue = QColor(0x1a, 0x73, 0xe8); break;
    case ProtectionClass::Normal: hue = QColor(0x18, 0x80, 0x38); break;
    case ProtectionClass::High: hue = QColor(0xf9, 0xab, 0x00); break;
    case ProtectionClass::VeryHigh: break;
    }
    return mixed(palette.color(QPalette::Base), hue, kShare);
}

void ChatPage::updateClassBanner()
{
    const ProtectionClass cls = requestClass();
    m_banner->setText(tr("Protection class: %1 — this conversation %2.")
                          .arg(models::protectionClassText(cls), routeText(cls)));
    // Colour only repeats what the text says, and follows the palette (dark, high contrast).
    m_banner->setStyleSheet(QStringLiteral("QLabel#classBanner { background: %1; color: %2; }")
                                .arg(classBannerColour(cls, palette()).name(), palette().color(QPalette::Text).name()));
    // The class of a conversation never goes down: lower choices are disabled.
    auto* items = qobject_cast<QStandardItemModel*>(m_class->model());
    for (int row = 0; items && row < m_class->count(); ++row) {
        const auto choice = static_cast<ProtectionClass>(m_class->itemData(row).toInt());
        items->item(row)->setEnabled(domain::higherOf(choice, m_conversationClass) == choice);
    }
}

void ChatPage::updateModels()
{
    const QString previous = chosenModel();
    const QSignalBlocker blocker(m_model);
    m_model->clear();
    m_model->addItem(m_services.defaultModel.isEmpty() ? tr("Default model") : tr("Default (%1)").arg(m_services.defaultModel),
                     QString());
    const ProtectionClass cls = requestClass();
    auto* items = qobject_cast<QStandardItemModel*>(m_model->model());
    for (const auto& model : std::as_const(m_catalogue)) {
        m_model->addItem(modelText(model), model.id);
        const bool cleared = domain::higherOf(model.clearance, cls) == model.clearance;
        items->item(m_model->count() - 1)->setEnabled(cleared && cls != ProtectionClass::VeryHigh);
        if (!cleared)
            items->item(m_model->count() - 1)->setToolTip(tr("Not cleared for this protection class."));
    }
    // The default model is offered only when cleared (as far as the catalogue tells).
    const auto listedDefault = std::find_if(m_catalogue.cbegin(), m_catalogue.cend(),
                                            [this](const domain::ModelInfo& model) { return model.id == m_services.defaultModel; });
    items->item(0)->setEnabled(cls != ProtectionClass::VeryHigh
                               && (listedDefault == m_catalogue.cend()
                                   || domain::higherOf(listedDefault->clearance, cls) == listedDefault->clearance));
    int keep = m_model->findData(previous);
    if (keep < 0 || !items->item(keep)->isEnabled()) {
        keep = 0;
        while (keep < m_model->count() - 1 && !items->item(keep)->isEnabled())
            ++keep;
    }
    m_model->setCurrentIndex(keep);
}

void ChatPage::updateButtons()
{
    const bool streaming = isStreaming();
    const bool canSend = m_services.chat != nullptr;
    m_send->setEnabled(canSend && !streaming);
    m_input->setReadOnly(!canSend);
    m_stop->setEnabled(streaming);
    m_regenerate->setEnabled(canSend && !streaming && !m_conversationId.isEmpty());
    m_copy->setEnabled(!streaming && !m_conversationId.isEmpty());
    m_edit->setEnabled(canSend && !streaming && !m_conversationId.isEmpty());
    m_export->setEnabled(!streaming && !m_conversationId.isEmpty());
    m_new->setEnabled(!streaming);
    m_class->setEnabled(!streaming);
    m_model->setEnabled(!streaming);
}

} // namespace genius::ui
