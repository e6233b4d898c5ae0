// genius-cli's stored conversations against the gateway simulator: chat creates and continues
// conversations (the earlier turns go along, the class never goes down), list/search/show,
// export to Markdown, DOCX, ODT and PDF, delete, retention, and what a stopped or cut stream keeps.
#include "fixture/simulatorprocess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;

    QJsonValue json() const
    {
        const QJsonDocument document = QJsonDocument::fromJson(out.toUtf8());
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
};

// Output::error prefixes every stderr line with "genius-cli: ".
const QRegularExpression kConversationLine(u"^genius-cli: Conversation: ([0-9a-f-]{36})$"_s,
                                          QRegularExpression::MultilineOption);

QByteArray zipEntry(const QString& archive, const QString& name)
{
    QuaZip zip(archive);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray fileHead(const QString& path, qint64 bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

} // namespace

class TestCliConversations final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<genius::sim::SimulatorProcess> m_sim;
    std::unique_ptr<QTemporaryDir> m_home; // one per test case: its own profile
    int m_logStart = 0;                     // the simulator's log lines before the test case

    QString profile() const { return m_home->filePath(u"profile"_s); }

    QProcess* startCli(const QStringList& arguments)
    {
        auto* process = new QProcess(this);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home->path());
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"GENIUS_API_KEY"_s, genius::sim::SimulatorProcess::defaultKey());
        // The CLI must not depend on the test's own platform choice.
        environment.remove(u"QT_QPA_PLATFORM"_s);
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral(GENIUS_CLI_PATH),
                       QStringList{u"--profile"_s, profile(), u"--endpoint"_s, m_sim->baseUrl().toString()} + arguments);
        process->closeWriteChannel();
        return process;
    }

    Run run(const QStringList& arguments)
    {
        QProcess* process = startCli(arguments);
        Run result;
        if (process->waitForFinished(60000) && process->exitStatus() == QProcess::NormalExit)
            result.exitCode = process->exitCode();
        result.out = QString::fromUtf8(process->readAllStandardOutput());
        result.err = QString::fromUtf8(process->readAllStandardError());
        delete process;
        return result;
    }

    /// Runs a chat and returns the new conversation's id from stderr (empty on failure).
    QString chat(const QStringList& arguments)
    {
        const Run result = run(QStringList{u"chat"_s} + arguments);
        const auto match = kConversationLine.match(result.err);
        if (result.exitCode != 0 || !match.hasMatch())
            qWarning("chat failed (%d): %s", result.exitCode, qPrintable(result.err));
        return match.captured(1);
    }

    QJsonObject show(const QString& id)
    {
        return run({u"--json"_s, u"conversations"_s, u"show"_s, id}).json().toObject();
    }

    QJsonArray list() { return run({u"--json"_s, u"conversations"_s, u"list"_s}).json().toArray(); }

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

    /// Runs SQL on the profile's conversations.sqlite (what the test cannot do through the CLI).
    bool sql(const QString& statement, const QVariantList& values)
    {
        const QString name = QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(QDir(profile()).filePath(u"conversations.sqlite"_s));
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(statement);
                for (const QVariant& value : values)
                    query.addBindValue(value);
                ok = query.exec() && query.numRowsAffected() > 0;
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<genius::sim::SimulatorProcess>(QStringList{u"--log-bodies"_s});
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
    }

    void init()
    {
        m_sim->reset();
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_logStart = m_sim->logLineCount();
    }

    void cleanup() { m_home.reset(); }

    void chat_storesANewConversationAndNamesIt()
    {
        const Run result = run({u"chat"_s, u"Wie beantrage ich Wohngeld?"_s});
        QCOMPARE(result.exitCode, 0);
        const auto match = kConversationLine.match(result.err);
        QVERIFY2(match.hasMatch(), qPrintable(result.err));
        QCOMPARE(result.err.count(u'\n'), 1); // the id line is all that goes to stderr
        QVERIFY(result.out.contains(u"🙂"_s));
        const QString id = match.captured(1);

        const QJsonArray conversations = list();
        QCOMPARE(conversations.size(), 1);
        const QJsonObject entry = conversations.at(0).toObject();
        QCOMPARE(entry.value(u"id"_s).toString(), id);
        QCOMPARE(entry.value(u"title"_s).toString(), u"Wie beantrage ich Wohngeld?"_s);
        QCOMPARE(entry.value(u"class"_s).toString(), u"normal"_s);
        QCOMPARE(entry.value(u"function"_s).toString(), u"chat"_s);
        QCOMPARE(entry.value(u"model"_s).toString(), u"sim-sovereign"_s);
        QCOMPARE(entry.value(u"messages"_s).toInt(), 2);

        const QJsonArray path = show(id).value(u"path"_s).toArray();
        QCOMPARE(path.size(), 2);
        const QJsonObject question = path.at(0).toObject();
        const QJsonObject answer = path.at(1).toObject();
        QCOMPARE(question.value(u"role"_s).toString(), u"user"_s);
        QCOMPARE(question.value(u"content"_s).toString(), u"Wie beantrage ich Wohngeld?"_s);
        QVERIFY(question.value(u"parent"_s).isNull());
        QCOMPARE(answer.value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(answer.value(u"parent"_s).toString(), question.value(u"id"_s).toString());
        QCOMPARE(answer.value(u"state"_s).toString(), u"complete"_s);
        QCOMPARE(answer.value(u"content"_s).toString() + u'\n', result.out); // what was streamed is what is kept
        QVERIFY(answer.value(u"prompt_tokens"_s).toInt() > 0);
        QVERIFY(answer.value(u"completion_tokens"_s).toInt() > 0);
    }

    void chatJson_addsTheConversationField()
    {
        const Run result = run({u"--json"_s, u"chat"_s, u"--class"_s, u"none"_s, u"Hallo"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
        const QJsonObject answer = result.json().toObject();
        for (const QString& field : {u"answer"_s, u"model"_s, u"finish_reason"_s, u"usage"_s, u"conversation"_s})
            QVERIFY2(answer.contains(field), qPrintable(field));
        QCOMPARE(answer.value(u"model"_s).toString(), u"sim-public"_s);
        const QString id = answer.value(u"conversation"_s).toString();
        QCOMPARE(id.size(), 36);
        QCOMPARE(show(id).value(u"class"_s).toString(), u"none"_s);
    }

    void continuedChat_sendsTheEarlierTurns()
    {
        const QString id = chat({u"Wie hoch ist die Hundesteuer?"_s});
        QVERIFY(!id.isEmpty());
        const QString firstAnswer = show(id).value(u"path"_s).toArray().at(1).toObject().value(u"content"_s).toString();
        QVERIFY(!firstAnswer.isEmpty());

        const Run second = run({u"--json"_s, u"chat"_s, u"--conversation"_s, id, u"Und für zwei Hunde?"_s});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.json().toObject().value(u"conversation"_s).toString(), id);

        const QList<QJsonObject> requests = chatRequests();
        QCOMPARE(requests.size(), 2);
        const QJsonArray messages = requests.last().value(u"body"_s).toObject().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Wie hoch ist die Hundesteuer?"_s);
        QCOMPARE(messages.at(1).toObject().value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(messages.at(1).toObject().value(u"content"_s).toString(), firstAnswer);
        QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"Und für zwei Hunde?"_s);
        // The simulator quotes the question it answered: the new one, not the first.
        QVERIFY(second.json().toObject().value(u"answer"_s).toString().contains(u"zwei Hunde"_s));

        const QJsonObject conversation = show(id);
        QCOMPARE(conversation.value(u"messages"_s).toInt(), 4);
        QCOMPARE(conversation.value(u"path"_s).toArray().size(), 4);
        QCOMPARE(list().size(), 1);
    }

    void regenerate_answersTheSameQuestionAgainBesideTheOldAnswer()
    {
        const QString id = chat({u"Wie hoch ist die Hundesteuer?"_s});
        QVERIFY(!id.isEmpty());
        const QString oldAnswerId = show(id).value(u"path"_s).toArray().at(1).toObject().value(u"id"_s).toString();
        const Run again = run({u"--json"_s, u"chat"_s, u"--conversation"_s, id, u"--regenerate"_s});
        QCOMPARE(again.exitCode, 0);
        // The request is the same question once, without the earlier answer.
        const QJsonArray messages = chatRequests().last().value(u"body"_s).toObject().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).toObject().value(u"content"_s).toString(), u"Wie hoch ist die Hundesteuer?"_s);
        const QJsonArray path = show(id).value(u"path"_s).toArray();
        QCOMPARE(path.size(), 2);
        QVERIFY(path.at(1).toObject().value(u"id"_s).toString() != oldAnswerId);
        QCOMPARE(path.at(1).toObject().value(u"branch"_s).toInt(), 2);
        QCOMPARE(path.at(1).toObject().value(u"branches"_s).toInt(), 2);
        QCOMPARE(show(id).value(u"messages"_s).toInt(), 3);
        QCOMPARE(run({u"chat"_s, u"--conversation"_s, id, u"--regenerate"_s, u"Frage"_s}).exitCode, 1);
        QCOMPARE(run({u"chat"_s, u"--regenerate"_s}).exitCode, 1);
    }

    void edit_asksTheNewQuestionOnANewBranch()
    {
        const QString id = chat({u"Wie hoch ist die Hundesteuer?"_s});
        QVERIFY(!id.isEmpty());
        QCOMPARE(run({u"chat"_s, u"--conversation"_s, id, u"Und für zwei Hunde?"_s}).exitCode, 0);
        const QString second = show(id).value(u"path"_s).toArray().at(2).toObject().value(u"id"_s).toString();
        const Run edited = run({u"--json"_s, u"chat"_s, u"--conversation"_s, id, u"--edit"_s, second, u"Und für drei Katzen?"_s});
        QCOMPARE(edited.exitCode, 0);
        const QJsonArray messages = chatRequests().last().value(u"body"_s).toObject().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 3); // the first turn, then the new question instead of the old one
        QCOMPARE(messages.at(2).toObject().value(u"content"_s).toString(), u"Und für drei Katzen?"_s);
        const QJsonArray path = show(id).value(u"path"_s).toArray();
        QCOMPARE(path.size(), 4);
        QCOMPARE(path.at(2).toObject().value(u"content"_s).toString(), u"Und für drei Katzen?"_s);
        QCOMPARE(path.at(2).toObject().value(u"branches"_s).toInt(), 2);
        // Only questions of the current branch can be edited.
        QCOMPARE(run({u"chat"_s, u"--conversation"_s, id, u"--edit"_s, second, u"Nochmal"_s}).exitCode, 2);
    }

    void continuedChat_neverLowersTheClass()
    {
        const QString id = chat({u"--class"_s, u"high"_s, u"Akte Meier, Bescheid vom Mai"_s});
        QVERIFY(!id.isEmpty());
        QCOMPARE(chat({u"--class"_s, u"none"_s, u"--conversation"_s, id, u"Bitte kürzer"_s}), id);
        const QList<QJsonObject> requests = chatRequests();
        QCOMPARE(requests.size(), 2);
        for (const QJsonObject& request : requests) {
            QCOMPARE(request.value(u"protection_class"_s).toString(), u"high"_s);
            QCOMPARE(request.value(u"model"_s).toString(), u"sim-onprem"_s);
        }
        QCOMPARE(show(id).value(u"class"_s).toString(), u"high"_s);
    }

    void longHistory_isTrimmedToTheContextBudget()
    {
        // About 9,000 tokens: alone it is sent (the question always goes), as history it no longer fits.
        const QString longQuestion = QString(u"Verwaltungsvorschrift "_s).repeated(1400) + u"Was gilt?"_s;
        const QString id = chat({longQuestion});
        QVERIFY(!id.isEmpty());
        QCOMPARE(chat({u"--conversation"_s, id, u"Kurz zusammengefasst?"_s}), id);
        const QJsonArray messages =
            chatRequests().last().value(u"body"_s).toObject().value(u"messages"_s).toArray();
        QVERIFY(!messages.isEmpty());
        QCOMPARE(messages.last().toObject().value(u"content"_s).toString(), u"Kurz zusammengefasst?"_s);
        for (const QJsonValue& message : messages)
            QVERIFY(message.toObject().value(u"content"_s).toString() != longQuestion);
        QCOMPARE(show(id).value(u"messages"_s).toInt(), 4); // trimming only shortens what is sent
    }

    void veryHighConversation_isRefusedAndNothingIsSent()
    {
        const QString id = chat({u"Vorgang 4711"_s});
        QVERIFY(!id.isEmpty());
        QVERIFY(sql(u"UPDATE conversations SET class = 'very-high' WHERE id = ?"_s, {id}));
        const int logLines = m_sim->logLineCount();
        const Run refused = run({u"chat"_s, u"--conversation"_s, id, u"Weiter bitte"_s});
        QCOMPARE(refused.exitCode, 3);
        QCOMPARE(refused.err.count(u'\n'), 1);
        QCOMPARE(m_sim->logLineCount(), logLines);
        QCOMPARE(show(id).value(u"messages"_s).toInt(), 2);

        const Run direct = run({u"chat"_s, u"--class"_s, u"very-high"_s, u"Geheim"_s});
        QCOMPARE(direct.exitCode, 3);
        QCOMPARE(m_sim->logLineCount(), logLines);
        QCOMPARE(list().size(), 1); // a refused first question leaves no conversation
    }

    void guardRefusal_leavesNoTrace()
    {
        const Run refused = run({u"--model"_s, u"sim-public"_s, u"chat"_s, u"--class"_s, u"high"_s, u"x"_s});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY(!kConversationLine.match(refused.err).hasMatch());
        QCOMPARE(list().size(), 0);

        const QString id = chat({u"Erste Frage"_s});
        const Run again = run({u"--model"_s, u"sim-public"_s, u"chat"_s, u"--conversation"_s, id, u"Zweite Frage"_s});
        QCOMPARE(again.exitCode, 3);
        QCOMPARE(show(id).value(u"messages"_s).toInt(), 2); // the refused question was not kept
    }

    void unknownConversation_isBadInput()
    {
        const int logLines = m_sim->logLineCount();
        const Run chatRun = run({u"chat"_s, u"--conversation"_s, u"0f1e2d3c-0000-0000-0000-000000000000"_s, u"Hallo"_s});
        QCOMPARE(chatRun.exitCode, 2);
        QCOMPARE(chatRun.err.count(u'\n'), 1);
        QCOMPARE(m_sim->logLineCount(), logLines);
        for (const QStringList& arguments : {QStringList{u"show"_s, u"nope"_s}, QStringList{u"delete"_s, u"nope"_s},
                                             QStringList{u"export"_s, u"nope"_s, u"--format"_s, u"md"_s, u"--output"_s,
                                                         m_home->filePath(u"x.md"_s)}}) {
            const Run result = run(QStringList{u"conversations"_s} + arguments);
            QCOMPARE(result.exitCode, 2);
            QVERIFY(!result.err.isEmpty());
        }
        QVERIFY(!QFile::exists(m_home->filePath(u"x.md"_s)));
    }

    void search_findsTheMessage()
    {
        const QString tax = chat({u"Wie hoch ist die Grundsteuer in Köln?"_s});
        const QString other = chat({u"Öffnungszeiten des Bürgeramts"_s});
        QVERIFY(!tax.isEmpty() && !other.isEmpty());
        const Run found = run({u"--json"_s, u"conversations"_s, u"list"_s, u"--search"_s, u"grundsteuer koln"_s});
        QCOMPARE(found.exitCode, 0);
        const QJsonArray hits = found.json().toArray();
        QVERIFY2(!hits.isEmpty(), qPrintable(found.out));
        for (const QJsonValue& hit : hits) {
            QCOMPARE(hit.toObject().value(u"conversation"_s).toString(), tax);
            QCOMPARE(hit.toObject().value(u"title"_s).toString(), u"Wie hoch ist die Grundsteuer in Köln?"_s);
            QVERIFY(!hit.toObject().value(u"message"_s).toString().isEmpty());
        }
        QVERIFY(hits.at(0).toObject().value(u"snippet"_s).toString().contains(u"[Grundsteuer]"_s));
        const Run text = run({u"conversations"_s, u"list"_s, u"--search"_s, u"Bürgeramt"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.startsWith(other));
        const Run none = run({u"--json"_s, u"conversations"_s, u"list"_s, u"--search"_s, u"Hundesteuer"_s});
        QCOMPARE(none.json().toArray().size(), 0);
    }

    void export_writesEveryFormatWithCleanStderr()
    {
        const QString id = chat({u"Welche Unterlagen braucht der Bauantrag?"_s});
        QVERIFY(!id.isEmpty());
        const QString answer = show(id).value(u"path"_s).toArray().at(1).toObject().value(u"content"_s).toString();
        QVERIFY(!answer.isEmpty());
        const QString stem = m_home->filePath(u"export."_s);
        for (const QString& format : {u"md"_s, u"docx"_s, u"odt"_s, u"pdf"_s}) {
            const Run result = run({u"--json"_s, u"conversations"_s, u"export"_s, id, u"--format"_s, format,
                                    u"--output"_s, stem + format});
            QCOMPARE(result.exitCode, 0);
            QVERIFY2(result.err.isEmpty(), qPrintable(format + u": "_s + result.err));
            QCOMPARE(result.json().toObject().value(u"format"_s).toString(), format);
            QVERIFY(result.json().toObject().value(u"bytes"_s).toInt() > 0);
        }
        QFile markdown(stem + u"md"_s);
        QVERIFY(markdown.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(markdown.readAll());
        QVERIFY(text.startsWith(u"# Welche Unterlagen braucht der Bauantrag?\n"_s));
        QVERIFY(text.contains(u"**Protection class:** normal"_s));
        QVERIFY(text.contains(answer.section(u' ', 0, 5)));

        const QString document = QString::fromUtf8(zipEntry(stem + u"docx"_s, u"word/document.xml"_s));
        QVERIFY(document.contains(u"Welche Unterlagen braucht der Bauantrag?"_s));
        QVERIFY(!zipEntry(stem + u"docx"_s, u"[Content_Types].xml"_s).isEmpty());
        QVERIFY(QString::fromUtf8(zipEntry(stem + u"odt"_s, u"content.xml"_s)).contains(u"Bauantrag"_s));
        QCOMPARE(fileHead(stem + u"pdf"_s, 5), QByteArray("%PDF-"));
    }

    void exportUsage_isCheckedBeforeAnythingIsWritten()
    {
        const QString id = chat({u"Frage"_s});
        QCOMPARE(run({u"conversations"_s, u"export"_s, id, u"--format"_s, u"md"_s}).exitCode, 1);
        QCOMPARE(run({u"conversations"_s, u"export"_s, id, u"--format"_s, u"rtf"_s, u"--output"_s,
                      m_home->filePath(u"a.rtf"_s)})
                     .exitCode,
                 1);
        QCOMPARE(run({u"conversations"_s, u"frobnicate"_s}).exitCode, 1);
        QCOMPARE(run({u"conversations"_s, u"list"_s, u"--format"_s, u"md"_s}).exitCode, 1);
        QVERIFY(!QFile::exists(m_home->filePath(u"a.rtf"_s)));
    }

    void delete_removesTheConversation()
    {
        const QString keep = chat({u"Bleibt"_s});
        const QString drop = chat({u"Geht"_s});
        const Run result = run({u"--json"_s, u"conversations"_s, u"delete"_s, drop});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().toObject().value(u"deleted"_s).toString(), drop);
        const QJsonArray remaining = list();
        QCOMPARE(remaining.size(), 1);
        QCOMPARE(remaining.at(0).toObject().value(u"id"_s).toString(), keep);
        QCOMPARE(run({u"--json"_s, u"conversations"_s, u"list"_s, u"--search"_s, u"Geht"_s}).json().toArray().size(), 0);
    }

    void retention_purgesAnOldConversation()
    {
        const QString old = chat({u"Alte Anfrage"_s});
        const QString recent = chat({u"Neue Anfrage"_s});
        QVERIFY(!old.isEmpty() && !recent.isEmpty());
        const QString longAgo = QDateTime::currentDateTimeUtc().addDays(-40).toString(Qt::ISODateWithMs);
        QVERIFY(sql(u"UPDATE conversations SET updated_at = ? WHERE id = ?"_s, {longAgo, old}));
        QCOMPARE(list().size(), 2); // the default 0 keeps conversations forever

        QCOMPARE(run({u"settings"_s, u"set"_s, u"retention/highDays"_s, u"30"_s}).exitCode, 0);
        QCOMPARE(list().size(), 2); // another class's retention does not apply
        QCOMPARE(run({u"settings"_s, u"set"_s, u"retention/normalDays"_s, u"30"_s}).exitCode, 0);
        const QJsonArray remaining = list();
        QCOMPARE(remaining.size(), 1);
        QCOMPARE(remaining.at(0).toObject().value(u"id"_s).toString(), recent);
        QCOMPARE(run({u"conversations"_s, u"show"_s, old}).exitCode, 2);
    }

    void interrupt_keepsThePartialAnswerAsCancelled()
    {
        QVERIFY(m_sim->setFault(u"slow-chunks"_s, 1, {{u"gap_ms"_s, 300}}));
        QProcess* process = startCli({u"chat"_s, u"Wie lange dauert eine Baugenehmigung?"_s});
        QTRY_VERIFY_WITH_TIMEOUT(process->bytesAvailable() > 0 || process->state() == QProcess::NotRunning, 10000);
        QCOMPARE(process->state(), QProcess::Running);
        ::kill(static_cast<pid_t>(process->processId()), SIGINT);
        QVERIFY(process->waitForFinished(5000));
        QCOMPARE(process->exitCode(), 7);
        const QString partial = QString::fromUtf8(process->readAllStandardOutput()).trimmed();
        const auto match = kConversationLine.match(QString::fromUtf8(process->readAllStandardError()));
        delete process;
        QVERIFY(match.hasMatch());
        const QJsonObject answer = show(match.captured(1)).value(u"path"_s).toArray().at(1).toObject();
        QCOMPARE(answer.value(u"state"_s).toString(), u"cancelled"_s);
        QVERIFY(!answer.value(u"content"_s).toString().isEmpty());
        QCOMPARE(answer.value(u"content"_s).toString().trimmed(), partial);
    }

    void cutStream_keepsThePartialAnswerAsCut()
    {
        QVERIFY(m_sim->setFault(u"reset-mid-stream"_s, 5));
        const Run result = run({u"chat"_s, u"Welche Frist gilt für den Widerspruch?"_s});
        QCOMPARE(result.exitCode, 5);
        const auto match = kConversationLine.match(result.err);
        QVERIFY2(match.hasMatch(), qPrintable(result.err));
        const QJsonObject answer = show(match.captured(1)).value(u"path"_s).toArray().at(1).toObject();
        QCOMPARE(answer.value(u"state"_s).toString(), u"cut"_s);
        QVERIFY(!answer.value(u"content"_s).toString().isEmpty());
        QVERIFY(result.out.startsWith(answer.value(u"content"_s).toString()));
    }

    void showText_marksBranchesAndState()
    {
        const QString id = chat({u"Frage"_s});
        QVERIFY(!id.isEmpty());
        const Run text = run({u"conversations"_s, u"show"_s, id});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.startsWith(u"Frage\n"_s + id));
        QVERIFY(text.out.contains(u"\nUser · "_s));
        QVERIFY(text.out.contains(u"\nAssistant · "_s));
    }
};

QTEST_GUILESS_MAIN(TestCliConversations)
#include "tst_cliconversations.moc"
