#include "core/storage/conversationstore.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace genius::storage;
using genius::common::ErrorCode;
using genius::domain::ProtectionClass;
using namespace Qt::StringLiterals;

namespace {

NewMessage userMessage(const QString& text, ProtectionClass cls = ProtectionClass::Normal)
{
    NewMessage message;
    message.role = MessageRole::User;
    message.content = text;
    message.protectionClass = cls;
    return message;
}

NewMessage answer(const QString& text, ProtectionClass cls = ProtectionClass::Normal)
{
    NewMessage message;
    message.role = MessageRole::Assistant;
    message.content = text;
    message.protectionClass = cls;
    message.model = u"sim-sovereign"_s;
    message.promptTokens = 12;
    message.completionTokens = 30;
    return message;
}

QStringList contents(const QList<MessageRecord>& messages)
{
    QStringList texts;
    for (const auto& message : messages)
        texts.append(message.content);
    return texts;
}

bool setUpdated(ConversationStore& store, const QString& id, const QDateTime& time)
{
    QSqlQuery query(store.connection());
    query.prepare(u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s);
    query.addBindValue(time.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(id);
    return query.exec() && query.numRowsAffected() == 1;
}

} // namespace

class TestConversationStore final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConversationStore> m_store;

    ConversationStore& store() { return *m_store; }

    /// A conversation "question → answer" at class `cls`; returns its id.
    QString chat(const QString& question, const QString& reply, ProtectionClass cls = ProtectionClass::Normal)
    {
        auto conversation = store().create(ConversationFunction::Chat, cls);
        if (!conversation || !store().append(conversation->id, userMessage(question, cls))
            || !store().append(conversation->id, answer(reply, cls)))
            return {};
        return conversation->id;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto opened = ConversationStore::open(m_dir->filePath(ConversationStore::fileName()));
        QVERIFY2(opened.has_value(), opened ? "" : qPrintable(opened.error().detail));
        m_store = std::move(*opened);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void open_usesWalAndForeignKeys()
    {
        QSqlQuery query(store().connection());
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"wal"_s);
        QVERIFY(query.exec(u"PRAGMA foreign_keys"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }

    void create_startsEmptyAtItsClass()
    {
        const auto created = store().create(ConversationFunction::Research, ProtectionClass::High, u"sim-onprem"_s);
        QVERIFY(created.has_value());
        QCOMPARE(created->id.size(), 36); // a UUID without braces
        QVERIFY(!created->id.contains(u'{'));
        QCOMPARE(created->function, ConversationFunction::Research);
        QCOMPARE(created->protectionClass, ProtectionClass::High);
        QCOMPARE(created->model, u"sim-onprem"_s);
        QCOMPARE(created->messageCount, 0);
        QVERIFY(created->activeLeafId.isEmpty());
        QCOMPARE(created->createdAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(created->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        const auto path = store().activePath(created->id);
        QVERIFY(path.has_value());
        QVERIFY(path->isEmpty());
    }

    void unknownIds_areNotFound()
    {
        QCOMPARE(store().conversation(u"nope"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(store().activePath(u"nope"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(store().append(u"nope"_s, userMessage(u"x"_s)).error().code, ErrorCode::NotFound);
        QCOMPARE(store().remove(u"nope"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(store().switchBranch(u"nope"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(store().siblings(u"nope"_s).error().code, ErrorCode::NotFound);
    }

    void append_buildsThePathAndKeepsEveryField()
    {
        const auto conversation = store().create(ConversationFunction::Ask, ProtectionClass::Normal);
        QVERIFY(conversation);
        NewMessage system;
        system.role = MessageRole::System;
        system.content = u"Antworte knapp."_s;
        QVERIFY(store().append(conversation->id, system));
        QVERIFY(store().append(conversation->id, userMessage(u"Wie hoch ist die Hundesteuer?"_s)));
        NewMessage reply = answer(u"Sie beträgt 156 Euro [1]."_s);
        reply.state = MessageState::Cut;
        reply.completionTokens.reset();
        reply.sources = {{u"42"_s, u"satzung.pdf"_s, 3, u"Die Steuer beträgt 156 Euro."_s},
                         {u"doc-x"_s, u"notiz.md"_s, std::nullopt, u"Hunde"_s}};
        const auto stored = store().append(conversation->id, reply);
        QVERIFY(stored);

        const auto path = store().activePath(conversation->id);
        QVERIFY(path);
        QCOMPARE(contents(*path),
                 QStringList({u"Antworte knapp."_s, u"Wie hoch ist die Hundesteuer?"_s, u"Sie beträgt 156 Euro [1]."_s}));
        QVERIFY(path->at(0).parentId.isEmpty());
        QCOMPARE(path->at(1).parentId, path->at(0).id);
        QCOMPARE(path->at(2).parentId, path->at(1).id);
        const MessageRecord& last = path->at(2);
        QCOMPARE(last.id, stored->id);
        QCOMPARE(last.role, MessageRole::Assistant);
        QCOMPARE(last.state, MessageState::Cut);
        QCOMPARE(last.model, u"sim-sovereign"_s);
        QCOMPARE(last.promptTokens, std::optional<qint64>(12));
        QVERIFY(!last.completionTokens.has_value()); // unknown stays unknown, not 0
        QCOMPARE(last.sources.size(), 2);
        QCOMPARE(last.sources.at(0).document, u"42"_s);
        QCOMPARE(last.sources.at(0).page, std::optional<int>(3));
        QCOMPARE(last.sources.at(1).document, u"doc-x"_s);
        QVERIFY(!last.sources.at(1).page.has_value());

        const auto after = store().conversation(conversation->id);
        QCOMPARE(after->title, u"Wie hoch ist die Hundesteuer?"_s); // the first user message, not the system one
        QCOMPARE(after->activeLeafId, stored->id);
        QCOMPARE(after->model, u"sim-sovereign"_s);
        QCOMPARE(after->messageCount, 3);
    }

    void title_isCutAtSixtyCharacters()
    {
        const QString question = u"Bitte fassen Sie die wesentlichen Änderungen des Wohngeldgesetzes 2023 für "
                                 "Antragsteller zusammen"_s;
        const QString id = chat(question, u"Gern."_s);
        const auto conversation = store().conversation(id);
        QVERIFY(conversation);
        QVERIFY2(conversation->title.size() <= kMaxTitleLength, qPrintable(conversation->title));
        QVERIFY(conversation->title.endsWith(QChar(0x2026)));
        QVERIFY(question.startsWith(conversation->title.chopped(1)));
        QCOMPARE(titleFromMessage(u"  Kurze\n Frage  "_s), u"Kurze Frage"_s);
        const QString emojis = QString(30, u'a') + QString::fromUtf8("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂");
        const QString cut = titleFromMessage(emojis);
        QVERIFY(cut.size() <= kMaxTitleLength);
        QVERIFY(!cut.chopped(1).back().isHighSurrogate()); // no half emoji before the ellipsis
    }

    void classRises_andNeverFalls()
    {
        const auto conversation = store().create(ConversationFunction::Chat, ProtectionClass::None);
        QVERIFY(conversation);
        const auto first = store().append(conversation->id, userMessage(u"Allgemeine Frage"_s, ProtectionClass::None));
        QVERIFY(first);
        QCOMPARE(store().conversation(conversation->id)->protectionClass, ProtectionClass::None);
        QVERIFY(store().append(conversation->id, answer(u"Antwort"_s, ProtectionClass::None)));
        const auto sensitive = store().append(conversation->id, userMessage(u"Akte Müller"_s, ProtectionClass::High));
        QVERIFY(sensitive);
        QCOMPARE(store().conversation(conversation->id)->protectionClass, ProtectionClass::High);
        // A later, lower message does not lower it …
        QVERIFY(store().append(conversation->id, answer(u"Antwort"_s, ProtectionClass::Normal)));
        QCOMPARE(store().conversation(conversation->id)->protectionClass, ProtectionClass::High);
        // … nor does abandoning the branch that carried the high class.
        QVERIFY(store().edit(first->id, u"Andere Frage"_s, ProtectionClass::None));
        const auto path = store().activePath(conversation->id);
        QCOMPARE(contents(*path), QStringList{u"Andere Frage"_s});
        QCOMPARE(store().conversation(conversation->id)->protectionClass, ProtectionClass::High);
        // … nor discarding the message that raised it.
        const auto leafId = store().conversation(conversation->id)->activeLeafId;
        QVERIFY(store().discardLeaf(leafId));
        QCOMPARE(store().conversation(conversation->id)->protectionClass, ProtectionClass::High);
    }

    void edit_branchesBesideTheEditedMessage()
    {
        const QString id = chat(u"Frage eins"_s, u"Antwort eins"_s);
        const auto before = store().activePath(id);
        QVERIFY(before && before->size() == 2);
        QVERIFY(store().append(id, userMessage(u"Nachfrage"_s)));
        QVERIFY(store().append(id, answer(u"Antwort zwei"_s)));
        const auto full = store().activePath(id);
        const QString followUp = full->at(2).id;

        const auto edited = store().edit(followUp, u"Nachfrage, anders gestellt"_s, ProtectionClass::Normal);
        QVERIFY(edited);
        QCOMPARE(edited->parentId, full->at(1).id);
        QCOMPARE(contents(*store().activePath(id)),
                 QStringList({u"Frage eins"_s, u"Antwort eins"_s, u"Nachfrage, anders gestellt"_s}));
        const auto siblings = store().siblings(edited->id);
        QVERIFY(siblings);
        QCOMPARE(contents(*siblings), QStringList({u"Nachfrage"_s, u"Nachfrage, anders gestellt"_s}));
        QCOMPARE(store().siblings(followUp)->size(), 2);
        QCOMPARE(store().conversation(id)->messageCount, 5);

        // Editing the very first message makes a second first message.
        const auto root = store().edit(before->at(0).id, u"Frage eins, neu"_s, ProtectionClass::Normal);
        QVERIFY(root);
        QVERIFY(root->parentId.isEmpty());
        QCOMPARE(store().siblings(root->id)->size(), 2);
        QCOMPARE(contents(*store().activePath(id)), QStringList{u"Frage eins, neu"_s});
        QCOMPARE(store().edit(full->at(1).id, u"x"_s, ProtectionClass::Normal).error().code, ErrorCode::InvalidArgument);
    }

    void regenerate_addsAnotherAnswerToTheSameQuestion()
    {
        const QString id = chat(u"Frage"_s, u"Erste Antwort"_s);
        const auto path = store().activePath(id);
        const auto second = store().regenerate(path->at(1).id, answer(u"Zweite Antwort"_s));
        QVERIFY(second);
        QCOMPARE(second->parentId, path->at(0).id);
        QCOMPARE(contents(*store().activePath(id)), QStringList({u"Frage"_s, u"Zweite Antwort"_s}));
        QCOMPARE(contents(*store().siblings(second->id)), QStringList({u"Erste Antwort"_s, u"Zweite Antwort"_s}));
        QCOMPARE(store().regenerate(path->at(0).id, answer(u"x"_s)).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(store().regenerate(path->at(1).id, userMessage(u"x"_s)).error().code, ErrorCode::InvalidArgument);
    }

    void switchBranch_activatesTheNewestLeafBelowTheChoice()
    {
        const QString id = chat(u"Frage"_s, u"Antwort A"_s);
        const auto first = store().activePath(id);
        const QString answerA = first->at(1).id;
        QVERIFY(store().append(id, userMessage(u"Nachfrage zu A"_s)));
        QVERIFY(store().append(id, answer(u"Antwort A2"_s)));
        const auto answerB = store().regenerate(answerA, answer(u"Antwort B"_s));
        QVERIFY(answerB);
        QCOMPARE(contents(*store().activePath(id)), QStringList({u"Frage"_s, u"Antwort B"_s}));

        // Back to A: the path continues down to A's newest leaf, not just to A.
        const auto switched = store().switchBranch(answerA);
        QVERIFY(switched);
        QCOMPARE(contents(*switched), QStringList({u"Frage"_s, u"Antwort A"_s, u"Nachfrage zu A"_s, u"Antwort A2"_s}));
        QCOMPARE(store().conversation(id)->activeLeafId, switched->last().id);
        // Below A two branches: the newer one wins.
        const auto followUp = switched->at(2);
        QVERIFY(store().edit(followUp.id, u"Andere Nachfrage zu A"_s, ProtectionClass::Normal));
        QVERIFY(store().switchBranch(answerB->id));
        QCOMPARE(contents(*store().switchBranch(answerA)),
                 QStringList({u"Frage"_s, u"Antwort A"_s, u"Andere Nachfrage zu A"_s}));
        QCOMPARE(contents(*store().switchBranch(followUp.id)),
                 QStringList({u"Frage"_s, u"Antwort A"_s, u"Nachfrage zu A"_s, u"Antwort A2"_s}));
    }

    void appendChild_refusesAParentOfAnotherConversation()
    {
        const QString one = chat(u"Eins"_s, u"A"_s);
        const QString two = chat(u"Zwei"_s, u"B"_s);
        const QString foreignParent = store().conversation(one)->activeLeafId;
        const auto result = store().appendChild(two, foreignParent, userMessage(u"x"_s));
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(store().conversation(two)->messageCount, 2);
    }

    void updateMessage_rewritesTextStateAndSearch()
    {
        const QString id = chat(u"Frage zum Bauantrag"_s, u"Vorläufige"_s);
        const QString leaf = store().conversation(id)->activeLeafId;
        MessageUpdate update;
        update.content = u"Vorläufige Antwort zur Baugenehmigung"_s;
        update.state = MessageState::Cancelled;
        update.completionTokens = 5;
        QVERIFY(store().updateMessage(leaf, update));
        const auto message = store().message(leaf);
        QCOMPARE(message->content, update.content);
        QCOMPARE(message->state, MessageState::Cancelled);
        QVERIFY(!message->promptTokens.has_value());
        QCOMPARE(message->completionTokens, std::optional<qint64>(5));
        QCOMPARE(store().search(u"Baugenehmigung"_s)->size(), 1);
        QCOMPARE(store().updateMessage(u"nope"_s, update).error().code, ErrorCode::NotFound);
    }

    void discardLeaf_removesARefusedQuestion()
    {
        const QString id = chat(u"Frage"_s, u"Antwort"_s);
        const QString answerId = store().conversation(id)->activeLeafId;
        const auto refused = store().append(id, userMessage(u"Zu sensibel"_s));
        QVERIFY(refused);
        QVERIFY(store().discardLeaf(refused->id));
        QCOMPARE(store().conversation(id)->activeLeafId, answerId);
        QCOMPARE(contents(*store().activePath(id)), QStringList({u"Frage"_s, u"Antwort"_s}));
        const QString question = store().activePath(id)->at(0).id;
        QCOMPARE(store().discardLeaf(question).error().code, ErrorCode::InvalidArgument); // it has a reply
        QVERIFY(store().discardLeaf(answerId));
        QVERIFY(store().discardLeaf(question));
        QVERIFY(store().conversation(id)->activeLeafId.isEmpty());
        QCOMPARE(store().activePath(id)->size(), 0);
    }

    void conversations_listNewestFirst()
    {
        const QString older = chat(u"Alt"_s, u"a"_s);
        const QString newer = chat(u"Neu"_s, u"b"_s);
        QVERIFY(setUpdated(store(), older, QDateTime::currentDateTimeUtc().addDays(-2)));
        QVERIFY(setUpdated(store(), newer, QDateTime::currentDateTimeUtc().addDays(-1)));
        auto list = store().conversations();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, newer);
        QCOMPARE(list->at(1).id, older);
        QCOMPARE(list->at(0).messageCount, 2);
        QVERIFY(store().append(older, userMessage(u"Nachtrag"_s))); // an append counts as an update
        list = store().conversations();
        QCOMPARE(list->at(0).id, older);
    }

    void search_findsFoldedPrefixesWithSnippet()
    {
        const QString rent = chat(u"Wie beantrage ich Wohngeld im März?"_s, u"Mit dem Formular der Wohngeldstelle."_s);
        const QString dog = chat(u"Hundesteuer"_s, u"Die Hundesteuer beträgt 156 Euro."_s);
        auto hits = store().search(u"marz"_s);
        QVERIFY(hits);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->at(0).conversationId, rent);
        QCOMPARE(hits->at(0).title, u"Wie beantrage ich Wohngeld im März?"_s);
        QVERIFY2(hits->at(0).snippet.contains(u"[März]"_s), qPrintable(hits->at(0).snippet));
        QCOMPARE(hits->at(0).messageId, store().activePath(rent)->at(0).id);

        hits = store().search(u"wohngeld"_s); // a prefix: "Wohngeldstelle" too
        QCOMPARE(hits->size(), 2);
        hits = store().search(u"HUNDESTEUER Euro"_s); // every word, any case
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->at(0).conversationId, dog);
        QCOMPARE(store().search(u"Hundesteuer März"_s)->size(), 0);
        // FTS5 syntax in user text is plain text, not an error.
        QVERIFY(store().search(u"\"Wohngeld OR -NEAR(* :"_s).has_value());
        QCOMPARE(store().search(u"  * - "_s).error().code, ErrorCode::InvalidArgument);
    }

    void remove_deletesMessagesAndTheirIndex()
    {
        const QString id = chat(u"Grundsteuerbescheid"_s, u"Widerspruch binnen eines Monats."_s);
        const QString kept = chat(u"Grundsteuer B"_s, u"Hebesatz"_s);
        QCOMPARE(store().search(u"grundsteuer"_s)->size(), 2);
        QVERIFY(store().remove(id));
        QCOMPARE(store().conversation(id).error().code, ErrorCode::NotFound);
        QCOMPARE(store().search(u"grundsteuer"_s)->size(), 1);
        QSqlQuery query(store().connection());
        QVERIFY(query.exec(u"SELECT count(*) FROM messages"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 2);
        QCOMPARE(store().conversations()->size(), 1);
        QCOMPARE(store().conversations()->at(0).id, kept);
    }

    void purgeExpired_followsTheDaysOfEachClass()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString normalOld = chat(u"a"_s, u"a"_s, ProtectionClass::Normal);
        const QString normalRecent = chat(u"b"_s, u"b"_s, ProtectionClass::Normal);
        const QString highOld = chat(u"c"_s, u"c"_s, ProtectionClass::High);
        const QString noneAncient = chat(u"d"_s, u"d"_s, ProtectionClass::None);
        QVERIFY(setUpdated(store(), normalOld, now.addDays(-31)));
        QVERIFY(setUpdated(store(), normalRecent, now.addDays(-29)));
        QVERIFY(setUpdated(store(), highOld, now.addDays(-8)));
        QVERIFY(setUpdated(store(), noneAncient, now.addDays(-3650)));

        RetentionPolicy policy;
        policy.normalDays = 30;
        policy.highDays = 7; // none stays 0: kept forever
        const auto purged = store().purgeExpired(now, policy);
        QVERIFY(purged);
        QCOMPARE(*purged, 2);
        QCOMPARE(store().conversation(normalOld).error().code, ErrorCode::NotFound);
        QCOMPARE(store().conversation(highOld).error().code, ErrorCode::NotFound);
        QVERIFY(store().conversation(normalRecent));
        QVERIFY(store().conversation(noneAncient));
        QCOMPARE(*store().purgeExpired(now, policy), 0);
        QCOMPARE(*store().purgeExpired(now, RetentionPolicy{}), 0); // all zero: keep everything
        QCOMPARE(store().conversations()->size(), 2);
    }

    void reopen_keepsEverything()
    {
        const QString id = chat(u"Bleibt das gespeichert?"_s, u"Ja."_s);
        m_store.reset();
        auto reopened = ConversationStore::open(m_dir->filePath(ConversationStore::fileName()));
        QVERIFY(reopened);
        m_store = std::move(*reopened);
        QCOMPARE(contents(*store().activePath(id)), QStringList({u"Bleibt das gespeichert?"_s, u"Ja."_s}));
    }
};

QTEST_GUILESS_MAIN(TestConversationStore)
#include "tst_conversationstore.moc"
