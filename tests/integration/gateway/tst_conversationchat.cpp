// The stored free chat (services::ConversationChat) against the simulator over loopback
// sockets, with the services composed as the apps compose them (GatewayServices) and a real
// ConversationStore: what is stored for each way an exchange ends, what is sent as history,
// and that a refused question leaves no trace.
#include "core/gateway/gatewayclient.h"
#include "core/services/conversationchat.h"
#include "core/services/gatewayservices.h"
#include "core/settings/settings.h"
#include "core/storage/conversationstore.h"
#include "fixture/simulatorprocess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace genius;
using namespace Qt::StringLiterals;
using domain::ProtectionClass;
using services::ConversationChat;
using services::ConversationExchange;
using services::ConversationRequest;
using storage::MessageRole;
using storage::MessageState;

namespace {

/// How one exchange ended, as its signals told it.
struct Outcome {
    bool ended = false;
    bool finished = false;
    std::optional<common::Error> refusal;
    std::optional<gateway::GatewayError> failure;
    std::optional<common::Error> storeFailure;
    bool storeFailedBeforeEnd = false;
    QString deltas;
    QString partial;
    gateway::Usage usage;
    gateway::FinishReason reason = gateway::FinishReason::Unknown;
};

void observe(ConversationExchange* exchange, Outcome& outcome)
{
    QObject::connect(exchange, &ConversationExchange::delta, exchange,
                     [&outcome](const QString& piece) { outcome.deltas += piece; });
    QObject::connect(exchange, &ConversationExchange::storeFailed, exchange, [&outcome](const common::Error& error) {
        outcome.storeFailure = error;
        outcome.storeFailedBeforeEnd = !outcome.ended;
    });
    QObject::connect(exchange, &ConversationExchange::refused, exchange, [&outcome](const common::Error& error) {
        outcome.refusal = error;
        outcome.ended = true;
    });
    QObject::connect(exchange, &ConversationExchange::finished, exchange,
                     [&outcome](const gateway::Usage& usage, gateway::FinishReason reason) {
                         outcome.finished = true;
                         outcome.usage = usage;
                         outcome.reason = reason;
                         outcome.ended = true;
                     });
    QObject::connect(exchange, &ConversationExchange::failed, exchange,
                     [&outcome](const gateway::GatewayError& error, const QString& partial) {
                         outcome.failure = error;
                         outcome.partial = partial;
                         outcome.ended = true;
                     });
}

} // namespace

class TestConversationChat final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::SimulatorProcess> m_sim;
    std::unique_ptr<QTemporaryDir> m_profile; // one per test case
    std::unique_ptr<settings::Settings> m_settings;
    std::unique_ptr<services::GatewayServices> m_services;
    std::unique_ptr<storage::ConversationStore> m_store;
    std::unique_ptr<ConversationChat> m_chat;
    int m_logStart = 0;

    /// Starts an exchange; fails the test when it could not start.
    ConversationExchange* start(const ConversationRequest& request, Outcome& outcome)
    {
        const auto exchange = m_chat->send(request, this);
        if (!exchange) {
            qWarning("send failed: %s", qPrintable(exchange.error().detail));
            return nullptr;
        }
        observe(*exchange, outcome);
        return *exchange;
    }

    /// Sends and waits for the end.
    Outcome exchange(const ConversationRequest& request, ConversationExchange** started = nullptr)
    {
        Outcome outcome;
        ConversationExchange* exchange = start(request, outcome);
        if (started)
            *started = exchange;
        if (exchange)
            [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.ended, 20000); }();
        return outcome;
    }

    ConversationRequest ask(const QString& prompt, const QString& conversationId = {},
                            ProtectionClass requestClass = ProtectionClass::Normal)
    {
        ConversationRequest request;
        request.conversationId = conversationId;
        request.prompt = prompt;
        request.requestClass = requestClass;
        return request;
    }

    /// A new conversation with one complete exchange; its id.
    QString firstExchange(const QString& prompt, ProtectionClass requestClass = ProtectionClass::Normal)
    {
        ConversationExchange* started = nullptr;
        const Outcome outcome = exchange(ask(prompt, {}, requestClass), &started);
        if (!started || !outcome.finished)
            return {};
        return started->conversationId();
    }

    QList<storage::MessageRecord> path(const QString& conversationId) const
    {
        const auto messages = m_store->activePath(conversationId);
        return messages ? *messages : QList<storage::MessageRecord>{};
    }

    int messageCount(const QString& conversationId) const
    {
        const auto conversation = m_store->conversation(conversationId);
        return conversation ? conversation->messageCount : -1;
    }

    QList<QJsonObject> chatRequests() const
    {
        QList<QJsonObject> requests;
        const QList<QJsonObject> entries = m_sim->logEntries();
        for (qsizetype i = m_logStart; i < entries.size(); ++i) {
            if (entries.at(i).value(u"path"_s).toString().endsWith(u"/chat/completions"_s))
                requests.append(entries.at(i));
        }
        return requests;
    }

    static QJsonArray messagesOf(const QJsonObject& request)
    {
        return request.value(u"body"_s).toObject().value(u"messages"_s).toArray();
    }

    void makeChat(const QStringList& contextWindows = {})
    {
        m_chat = std::make_unique<ConversationChat>(
            *m_store, m_services->chat(),
            ConversationChat::Defaults{m_settings->text(settings::keys::GatewayDefaultModel), contextWindows});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::SimulatorProcess>(QStringList{u"--log-bodies"_s});
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
    }

    void init()
    {
        QVERIFY(m_sim->reset());
        m_profile = std::make_unique<QTemporaryDir>();
        QVERIFY(m_profile->isValid());
        m_settings = std::make_unique<settings::Settings>(
            settings::SettingsLocations{m_profile->filePath(u"settings.json"_s), {}, {}, QSettings::IniFormat});
        QVERIFY(m_settings->setSessionValue(settings::keys::GatewayUrl, m_sim->baseUrl().toString()));
        m_services = std::make_unique<services::GatewayServices>(*m_settings, m_profile->path());
        m_services->client().setApiKey(sim::SimulatorProcess::defaultKey());
        auto store = storage::ConversationStore::open(m_profile->filePath(storage::ConversationStore::fileName()));
        QVERIFY2(store, qPrintable(store ? QString() : store.error().detail));
        m_store = std::move(*store);
        makeChat();
        m_logStart = m_sim->logLineCount();
    }

    void cleanup()
    {
        m_chat.reset();
        m_services.reset();
        m_store.reset();
        m_settings.reset();
        m_profile.reset();
    }

    void newConversation_storesQuestionAndCompleteAnswerWithTokens()
    {
        ConversationExchange* started = nullptr;
        const Outcome outcome = exchange(ask(u"Wie beantrage ich Wohngeld?"_s), &started);
        QVERIFY(started);
        QVERIFY(outcome.finished);
        QVERIFY(!outcome.storeFailure);
        QCOMPARE(outcome.reason, gateway::FinishReason::Stop);
        QVERIFY(started->createdConversation());
        QCOMPARE(started->model(), u"sim-sovereign"_s);
        QCOMPARE(started->text(), outcome.deltas);
        QVERIFY(outcome.deltas.contains(u"🙂"_s));

        const auto conversation = m_store->conversation(started->conversationId());
        QVERIFY(conversation);
        QCOMPARE(conversation->function, storage::ConversationFunction::Chat);
        QCOMPARE(conversation->protectionClass, ProtectionClass::Normal);
        QCOMPARE(conversation->title, u"Wie beantrage ich Wohngeld?"_s);
        const QList<storage::MessageRecord> messages = path(started->conversationId());
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(0).id, started->questionId());
        QCOMPARE(messages.at(0).role, MessageRole::User);
        QCOMPARE(messages.at(0).content, u"Wie beantrage ich Wohngeld?"_s);
        const storage::MessageRecord& answer = messages.at(1);
        QCOMPARE(answer.id, started->answerId());
        QCOMPARE(answer.parentId, started->questionId());
        QCOMPARE(answer.role, MessageRole::Assistant);
        QCOMPARE(answer.state, MessageState::Complete);
        QCOMPARE(answer.content, outcome.deltas);
        QCOMPARE(answer.model, u"sim-sovereign"_s);
        QCOMPARE(answer.protectionClass, ProtectionClass::Normal);
        QVERIFY(outcome.usage.promptTokens && outcome.usage.completionTokens);
        QCOMPARE(answer.promptTokens, outcome.usage.promptTokens);
        QCOMPARE(answer.completionTokens, outcome.usage.completionTokens);
        QVERIFY(*answer.completionTokens > 0);
        QCOMPARE(chatRequests().size(), 1);
    }

    void continuation_sendsTheBranchAsHistoryAndKeepsTheClass()
    {
        const QString id = firstExchange(u"Akte Meier, Bescheid vom Mai"_s, ProtectionClass::High);
        QVERIFY(!id.isEmpty());
        const QString firstAnswer = path(id).at(1).content;

        const auto checked = ConversationChat::check(*m_store, ask(u"Bitte kürzer"_s, id, ProtectionClass::None));
        QVERIFY(checked);
        QCOMPARE(*checked, ProtectionClass::High);
        ConversationExchange* started = nullptr;
        const Outcome outcome = exchange(ask(u"Bitte kürzer"_s, id, ProtectionClass::None), &started);
        QVERIFY(started && outcome.finished);
        QVERIFY(!started->createdConversation());
        QCOMPARE(started->conversationId(), id);
        QCOMPARE(started->requestClass(), ProtectionClass::High);

        const QList<QJsonObject> requests = chatRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.last().value(u"protection_class"_s).toString(), u"high"_s);
        QCOMPARE(requests.last().value(u"model"_s).toString(), u"sim-onprem"_s);
        const QJsonArray messages = messagesOf(requests.last());
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Akte Meier, Bescheid vom Mai"_s);
        QCOMPARE(messages.at(1).toObject().value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), firstAnswer);
        QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"Bitte kürzer"_s);

        const QList<storage::MessageRecord> stored = path(id);
        QCOMPARE(stored.size(), 4);
        QCOMPARE(stored.at(2).protectionClass, ProtectionClass::High);
        QCOMPARE(stored.at(3).protectionClass, ProtectionClass::High);
        QCOMPARE(stored.at(3).parentId, stored.at(2).id);
        QCOMPARE(m_store->conversation(id)->protectionClass, ProtectionClass::High);
    }

    void longHistory_isTrimmedToTheConfiguredContextWindow()
    {
        // A window of 4,000 tokens leaves 1,888 for the prompt; the first question takes ~3,000.
        makeChat({u"*=4000"_s});
        const QString longQuestion = u"Verwaltungsvorschrift "_s.repeated(400) + u"Was gilt?"_s;
        const QString id = firstExchange(longQuestion);
        QVERIFY(!id.isEmpty());
        QCOMPARE(messagesOf(chatRequests().last()).size(), 1); // the question alone always goes
        QVERIFY(exchange(ask(u"Kurz zusammengefasst?"_s, id)).finished);
        // The first turn no longer fits; its answer alone would lack its question, so it goes too.
        QCOMPARE(messagesOf(chatRequests().last()).size(), 1);
        QVERIFY(exchange(ask(u"Und die Ausnahmen?"_s, id)).finished);
        const QJsonArray messages = messagesOf(chatRequests().last());
        QCOMPARE(messages.size(), 3); // the newest whole turn and the question
        QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Kurz zusammengefasst?"_s);
        QCOMPARE(messages.at(1).toObject().value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"Und die Ausnahmen?"_s);
        QCOMPARE(messageCount(id), 6); // trimming only shortens what is sent
    }

    void regenerate_storesASiblingAnswerToTheSameQuestion()
    {
        const QString id = firstExchange(u"Wie hoch ist die Hundesteuer?"_s);
        QVERIFY(!id.isEmpty());
        const QList<storage::MessageRecord> before = path(id);
        ConversationRequest request;
        request.conversationId = id;
        request.regenerate = true;
        ConversationExchange* started = nullptr;
        const Outcome outcome = exchange(request, &started);
        QVERIFY(started && outcome.finished);
        QCOMPARE(started->questionId(), before.at(0).id);

        const QJsonArray messages = messagesOf(chatRequests().last());
        QCOMPARE(messages.size(), 1); // the same question once, without the earlier answer
        QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Wie hoch ist die Hundesteuer?"_s);
        const QList<storage::MessageRecord> after = path(id);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.at(1).id, started->answerId());
        QVERIFY(after.at(1).id != before.at(1).id);
        const auto siblings = m_store->siblings(started->answerId());
        QVERIFY(siblings);
        QCOMPARE(siblings->size(), 2);
        QCOMPARE(siblings->at(0).id, before.at(1).id);
        QCOMPARE(messageCount(id), 3);
    }

    void edit_asksTheNewQuestionOnANewBranch()
    {
        const QString id = firstExchange(u"Wie hoch ist die Hundesteuer?"_s);
        QVERIFY(!id.isEmpty());
        QVERIFY(exchange(ask(u"Und für zwei Hunde?"_s, id)).finished);
        const QString second = path(id).at(2).id;

        ConversationRequest request = ask(u"Und für drei Katzen?"_s, id);
        request.editOf = second;
        ConversationExchange* started = nullptr;
        QVERIFY(exchange(request, &started).finished);
        const QJsonArray messages = messagesOf(chatRequests().last());
        QCOMPARE(messages.size(), 3); // the first turn, then the new question instead of the old one
        QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"Und für drei Katzen?"_s);
        const QList<storage::MessageRecord> branch = path(id);
        QCOMPARE(branch.size(), 4);
        QCOMPARE(branch.at(2).id, started->questionId());
        QCOMPARE(branch.at(2).content, u"Und für drei Katzen?"_s);
        QCOMPARE(branch.at(2).parentId, branch.at(1).id);
        QCOMPARE(m_store->siblings(second)->size(), 2);
        QCOMPARE(messageCount(id), 6);

        // The old question is no longer on the active branch.
        const auto refused = m_chat->send(request, this);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, common::ErrorCode::InvalidArgument);
    }

    void invalidRequests_areRejectedBeforeAnythingIsStoredOrSent()
    {
        const QString id = firstExchange(u"Erste Frage"_s);
        QVERIFY(!id.isEmpty());
        const int logLines = m_sim->logLineCount();
        auto empty = m_store->create(storage::ConversationFunction::Chat, ProtectionClass::Normal);
        QVERIFY(empty);

        ConversationRequest unknown = ask(u"Hallo"_s, u"0f1e2d3c-0000-0000-0000-000000000000"_s);
        ConversationRequest blank = ask(u"  "_s, id);
        ConversationRequest nothingToRegenerate;
        nothingToRegenerate.conversationId = empty->id;
        nothingToRegenerate.regenerate = true;
        ConversationRequest unknownEdit = ask(u"Neu"_s, id);
        unknownEdit.editOf = u"no-such-message"_s;
        ConversationRequest answerEdit = ask(u"Neu"_s, id);
        answerEdit.editOf = path(id).at(1).id; // an answer, not a question
        ConversationRequest editWithoutConversation = ask(u"Neu"_s);
        editWithoutConversation.editOf = path(id).at(0).id;

        const QList<std::pair<ConversationRequest, common::ErrorCode>> cases = {
            {unknown, common::ErrorCode::NotFound},
            {blank, common::ErrorCode::InvalidArgument},
            {nothingToRegenerate, common::ErrorCode::InvalidArgument},
            {unknownEdit, common::ErrorCode::InvalidArgument},
            {answerEdit, common::ErrorCode::InvalidArgument},
            {editWithoutConversation, common::ErrorCode::InvalidArgument},
        };
        for (const auto& [request, code] : cases) {
            const auto checked = ConversationChat::check(*m_store, request);
            QVERIFY(!checked);
            QCOMPARE(checked.error().code, code);
            const auto sent = m_chat->send(request, this);
            QVERIFY(!sent);
            QCOMPARE(sent.error().code, code);
            QVERIFY(!sent.error().detail.isEmpty());
        }
        QCOMPARE(m_sim->logLineCount(), logLines);
        QCOMPARE(messageCount(id), 2);
        QCOMPARE(messageCount(empty->id), 0);
        QCOMPARE(m_store->conversations()->size(), 2);
    }

    void refusedQuestion_leavesNoTrace()
    {
        // A model below the class: the guard refuses after the catalogue, nothing is sent.
        ConversationRequest belowClass = ask(u"Akte Schmidt"_s, {}, ProtectionClass::High);
        belowClass.model = u"sim-public"_s;
        ConversationExchange* started = nullptr;
        Outcome outcome = exchange(belowClass, &started);
        QVERIFY(started);
        QVERIFY(outcome.refusal);
        QCOMPARE(outcome.refusal->code, common::ErrorCode::Refused);
        QVERIFY(started->conversationId().isEmpty());
        QVERIFY(started->questionId().isEmpty());
        QVERIFY(started->answerId().isEmpty());
        QCOMPARE(m_store->conversations()->size(), 0); // the new conversation went with it

        const QString id = firstExchange(u"Erste Frage"_s);
        QVERIFY(!id.isEmpty());
        const QString leaf = m_store->conversation(id)->activeLeafId;
        ConversationRequest continued = ask(u"Zweite Frage"_s, id);
        continued.model = u"sim-public"_s;
        continued.requestClass = ProtectionClass::High;
        outcome = exchange(continued, &started);
        QVERIFY(outcome.refusal);
        QCOMPARE(started->conversationId(), id);
        QVERIFY(started->questionId().isEmpty());
        QCOMPARE(messageCount(id), 2);
        QCOMPARE(m_store->conversation(id)->activeLeafId, leaf);

        // A refused edit brings back the branch shown before, not just the newest one.
        QVERIFY(exchange(ask(u"Dritte Frage"_s, id)).finished);
        ConversationRequest regenerate;
        regenerate.conversationId = id;
        regenerate.regenerate = true;
        QVERIFY(exchange(regenerate).finished);
        const QList<storage::MessageRecord> branch = path(id);
        const QString older = m_store->siblings(branch.at(3).id)->first().id; // the first answer to the third question
        QVERIFY(m_store->switchBranch(older));
        const QString shown = m_store->conversation(id)->activeLeafId;
        QCOMPARE(shown, older);
        QVERIFY(m_store->siblings(shown)->last().id != shown);
        ConversationRequest edit = ask(u"Andere erste Frage"_s, id, ProtectionClass::High);
        edit.editOf = branch.at(0).id;
        edit.model = u"sim-public"_s;
        QVERIFY(exchange(edit).refusal);
        QCOMPARE(m_store->conversation(id)->activeLeafId, shown);
        QCOMPARE(messageCount(id), 5);

        // very-high: the service refuses before even the catalogue is asked for.
        const int logLines = m_sim->logLineCount();
        outcome = exchange(ask(u"Geheim"_s, {}, ProtectionClass::VeryHigh), &started);
        QVERIFY(outcome.refusal);
        QCOMPARE(outcome.refusal->code, common::ErrorCode::Refused);
        QVERIFY(started->conversationId().isEmpty());
        QVERIFY(exchange(ask(u"Geheim"_s, id, ProtectionClass::VeryHigh)).refusal);
        QCOMPARE(m_sim->logLineCount(), logLines);
        QCOMPARE(messageCount(id), 5);
        QCOMPARE(m_store->conversations()->size(), 1);
        QCOMPARE(chatRequests().size(), 3);
    }

    void veryHighConversation_isRefusedBeforeAnythingIsStoredOrSent()
    {
        const QString id = firstExchange(u"Vorgang 4711"_s);
        QVERIFY(!id.isEmpty());
        // Only a very-high message makes a conversation very-high; the store raises the class.
        storage::NewMessage note;
        note.role = MessageRole::System;
        note.content = u"Verschlusssache"_s;
        note.protectionClass = ProtectionClass::VeryHigh;
        QVERIFY(m_store->append(id, note));
        const int logLines = m_sim->logLineCount();
        const auto checked = ConversationChat::check(*m_store, ask(u"Weiter bitte"_s, id));
        QVERIFY(!checked);
        QCOMPARE(checked.error().code, common::ErrorCode::Refused);
        const auto sent = m_chat->send(ask(u"Weiter bitte"_s, id), this);
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, common::ErrorCode::Refused);
        QVERIFY(sent.error().detail.contains(id));
        QCOMPARE(messageCount(id), 3);
        QCOMPARE(m_sim->logLineCount(), logLines);
    }

    void cancel_storesACancelledAnswerWithThePartialText()
    {
        QVERIFY(m_sim->setFault(u"slow-chunks"_s, 1, {{u"gap_ms"_s, 300}}));
        Outcome outcome;
        ConversationExchange* started = start(ask(u"Wie lange dauert eine Baugenehmigung?"_s), outcome);
        QVERIFY(started);
        QTRY_VERIFY_WITH_TIMEOUT(!started->text().isEmpty() || outcome.ended, 10000);
        QVERIFY(!outcome.ended);
        started->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended, 10000);
        QVERIFY(outcome.failure);
        QCOMPARE(outcome.failure->kind, gateway::GatewayErrorKind::Cancelled);
        QVERIFY(!outcome.partial.isEmpty());
        QCOMPARE(outcome.partial, outcome.deltas);

        const QList<storage::MessageRecord> messages = path(started->conversationId());
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).id, started->answerId());
        QCOMPARE(messages.at(1).state, MessageState::Cancelled);
        QCOMPARE(messages.at(1).content, outcome.partial);
        QCOMPARE(messages.at(1).model, u"sim-sovereign"_s);
        // The simulator answers a word per event: a whole answer is far longer.
        QVERIFY(outcome.partial.size() < 60);
    }

    void brokenStream_storesACutAnswerWithThePartialText()
    {
        QVERIFY(m_sim->setFault(u"reset-mid-stream"_s, 5));
        ConversationExchange* started = nullptr;
        const Outcome outcome = exchange(ask(u"Welche Frist gilt für den Widerspruch?"_s), &started);
        QVERIFY(started);
        QVERIFY(outcome.failure);
        QVERIFY(outcome.failure->kind != gateway::GatewayErrorKind::Cancelled);
        QVERIFY(!outcome.partial.isEmpty());
        const QList<storage::MessageRecord> messages = path(started->conversationId());
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.at(1).state, MessageState::Cut);
        QCOMPARE(messages.at(1).content, outcome.partial);
    }

    void tokenLimit_storesACutAnswerWithTokens()
    {
        QVERIFY(m_sim->setFault(u"finish-length"_s));
        ConversationExchange* started = nullptr;
        const Outcome outcome = exchange(ask(u"Welche Unterlagen braucht der Bauantrag?"_s), &started);
        QVERIFY(started && outcome.finished);
        QCOMPARE(outcome.reason, gateway::FinishReason::Length);
        const auto answer = m_store->message(started->answerId());
        QVERIFY(answer);
        QCOMPARE(answer->state, MessageState::Cut);
        QCOMPARE(answer->content, outcome.deltas);
        QCOMPARE(answer->completionTokens, outcome.usage.completionTokens);
    }

    void answerThatCannotBeStored_reportsItBeforeTheEnd()
    {
        QVERIFY(m_sim->setFault(u"slow-chunks"_s, 1, {{u"gap_ms"_s, 100}}));
        Outcome outcome;
        ConversationExchange* started = start(ask(u"Wie beantrage ich Wohngeld?"_s), outcome);
        QVERIFY(started);
        QTRY_VERIFY_WITH_TIMEOUT(!started->text().isEmpty() || outcome.ended, 10000);
        QVERIFY(m_store->remove(started->conversationId())); // the question goes while the answer streams
        QTRY_VERIFY_WITH_TIMEOUT(outcome.ended, 20000);
        QVERIFY(outcome.finished);
        QVERIFY(outcome.storeFailure);
        QVERIFY(outcome.storeFailedBeforeEnd);
        QCOMPARE(outcome.storeFailure->code, common::ErrorCode::NotFound);
        QVERIFY(started->answerId().isEmpty());
        QCOMPARE(m_store->conversations()->size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConversationChat)
#include "tst_conversationchat.moc"
