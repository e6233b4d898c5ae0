// genius-cli's gateway commands against the simulator, as an administrator's script uses
// them: models, chat, audit, and the exit codes 3, 4, 5, 6 and 7.
#include "fixture/simulatorprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliGateway final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<genius::sim::SimulatorProcess> m_sim;
    QTemporaryDir m_home;

    QString profile() const { return m_home.filePath(QStringLiteral("profile")); }

    QProcess* startCli(const QStringList& arguments, const QString& key = QStringLiteral("sim-demo-key"),
                       const QString& endpoint = {})
    {
        auto* process = new QProcess(this);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("GENIUS_API_KEY"), key);
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral(GENIUS_CLI_PATH),
                       QStringList{QStringLiteral("--profile"), profile(), QStringLiteral("--endpoint"),
                                   endpoint.isEmpty() ? m_sim->baseUrl().toString() : endpoint}
                           + arguments);
        process->closeWriteChannel();
        return process;
    }

    Run run(const QStringList& arguments, const QString& key = QStringLiteral("sim-demo-key"), const QString& endpoint = {})
    {
        QProcess* process = startCli(arguments, key, endpoint);
        Run result;
        if (process->waitForFinished(60000) && process->exitStatus() == QProcess::NormalExit)
            result.exitCode = process->exitCode();
        result.out = QString::fromUtf8(process->readAllStandardOutput());
        result.err = QString::fromUtf8(process->readAllStandardError());
        delete process;
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<genius::sim::SimulatorProcess>();
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
    }

    void init() { m_sim->reset(); }

    void models_listsClearanceAndLocation()
    {
        const Run result = run({QStringLiteral("--json"), QStringLiteral("models")});
        QCOMPARE(result.exitCode, 0);
        const QJsonArray models = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QCOMPARE(models.size(), 4);
        const QJsonObject onprem = models.at(2).toObject();
        QCOMPARE(onprem.value(QStringLiteral("name")).toString(), QStringLiteral("sim-onprem"));
        QCOMPARE(onprem.value(QStringLiteral("kind")).toString(), QStringLiteral("chat"));
        QCOMPARE(onprem.value(QStringLiteral("clearance")).toString(), QStringLiteral("high"));
        QCOMPARE(onprem.value(QStringLiteral("location")).toString(), QStringLiteral("on-prem"));
        const Run text = run({QStringLiteral("models")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.count(QLatin1Char('\n')), 4);
    }

    void chat_streamsAGermanAnswerWithEmojiIntact()
    {
        m_sim->setFault(QStringLiteral("split-bytes"));
        const Run result = run({QStringLiteral("chat"), QStringLiteral("Wie beantrage ich einen Parkausweis?")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("🙂")), qPrintable(result.out));
        QVERIFY(!result.out.contains(QChar(0xFFFD)));
        // The only line on stderr names the stored conversation (for `chat --conversation ID`).
        QVERIFY2(result.err.startsWith(QStringLiteral("genius-cli: Conversation: ")) && result.err.count(QLatin1Char('\n')) == 1,
                 qPrintable(result.err));
    }

    void chatJson_reportsModelAndUsage()
    {
        const Run result = run({QStringLiteral("--json"), QStringLiteral("chat"), QStringLiteral("--class"),
                                QStringLiteral("none"), QStringLiteral("Hallo")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject answer = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(answer.value(QStringLiteral("model")).toString(), QStringLiteral("sim-public"));
        QVERIFY(!answer.value(QStringLiteral("answer")).toString().isEmpty());
        QVERIFY(answer.value(QStringLiteral("usage")).toObject().value(QStringLiteral("total_tokens")).toInt() > 0);
    }

    void guardRefusals_exitThreeAndSendNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("very-high") << QStringList{QStringLiteral("chat"), QStringLiteral("--class"), QStringLiteral("very-high"), QStringLiteral("x")};
        QTest::newRow("model below class") << QStringList{QStringLiteral("--model"), QStringLiteral("sim-public"), QStringLiteral("chat"),
                                                          QStringLiteral("--class"), QStringLiteral("high"), QStringLiteral("x")};
        QTest::newRow("unknown model is none") << QStringList{QStringLiteral("--model"), QStringLiteral("unlisted-model"),
                                                              QStringLiteral("chat"), QStringLiteral("x")};
    }

    void guardRefusals_exitThreeAndSendNothing()
    {
        QFETCH(QStringList, arguments);
        run({QStringLiteral("models")}); // the catalogue request itself is allowed; count after it
        const qsizetype before = m_sim->logLineCount();
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
        const QList<QJsonObject> entries = m_sim->logEntries();
        for (qsizetype i = before; i < entries.size(); ++i)
            QVERIFY2(!entries.at(i).value(QStringLiteral("path")).toString().contains(QStringLiteral("chat")),
                     "a refused request reached the gateway");
    }

    void gatewayRefusals_mapToExitCodes_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("wrong key") << QString() << QStringLiteral("not-a-key") << 4;
        QTest::newRow("forbidden") << QStringLiteral("403") << QStringLiteral("sim-demo-key") << 4;
        QTest::newRow("budget") << QStringLiteral("budget-400") << QStringLiteral("sim-demo-key") << 6;
        QTest::newRow("cut stream") << QStringLiteral("reset-mid-stream") << QStringLiteral("sim-demo-key") << 5;
    }

    void gatewayRefusals_mapToExitCodes()
    {
        QFETCH(QString, fault);
        QFETCH(QString, key);
        QFETCH(int, exitCode);
        if (!fault.isEmpty())
            m_sim->setFault(fault, 5);
        const Run result = run({QStringLiteral("chat"), QStringLiteral("Hallo")}, key);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY(!result.err.trimmed().isEmpty());
        QVERIFY(!result.err.contains(key) || key == QStringLiteral("sim-demo-key"));
    }

    void unreachableGateway_exitsFive()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QString endpoint = QStringLiteral("http://127.0.0.1:%1/v1").arg(closed.serverPort());
        closed.close();
        const Run result = run({QStringLiteral("--model"), QStringLiteral("sim-public"), QStringLiteral("chat"),
                                QStringLiteral("--class"), QStringLiteral("none"), QStringLiteral("Hallo")},
                               QStringLiteral("sim-demo-key"), endpoint);
        QCOMPARE(result.exitCode, 5);
    }

    void interrupt_cancelsWithExitSeven()
    {
        m_sim->setFault(QStringLiteral("slow-chunks"), 1, {{QStringLiteral("gap_ms"), 300}});
        QProcess* process = startCli({QStringLiteral("chat"), QStringLiteral("Hallo")});
        QTRY_VERIFY_WITH_TIMEOUT(process->bytesAvailable() > 0 || process->state() == QProcess::NotRunning, 10000);
        QCOMPARE(process->state(), QProcess::Running);
        ::kill(static_cast<pid_t>(process->processId()), SIGINT);
        QVERIFY(process->waitForFinished(5000));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 7);
        delete process;
    }

    // A crash in the middle of a chat: the process may write no core file (its memory holds the
    // API key), and what it printed carries no key.
    void crash_writesNoCoreFileAndNoKey()
    {
        // Allow cores in the test process, so the CLI would inherit a limit above zero.
        rlimit limit {};
        QVERIFY(::getrlimit(RLIMIT_CORE, &limit) == 0);
        if (limit.rlim_max == 0)
            QSKIP("core files are disabled for this test run already (hard limit 0)");
        limit.rlim_cur = limit.rlim_max;
        QVERIFY(::setrlimit(RLIMIT_CORE, &limit) == 0);

        m_sim->setFault(QStringLiteral("slow-chunks"), 1, {{QStringLiteral("gap_ms"), 300}});
        QProcess* process = startCli({QStringLiteral("chat"), QStringLiteral("Hallo")});
        QTRY_VERIFY_WITH_TIMEOUT(process->bytesAvailable() > 0 || process->state() == QProcess::NotRunning, 10000);
        QCOMPARE(process->state(), QProcess::Running);
        QFile limits(QStringLiteral("/proc/%1/limits").arg(process->processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        QString coreLine;
        for (const QByteArray& line : limits.readAll().split('\n')) {
            if (line.startsWith("Max core file size"))
                coreLine = QString::fromLatin1(line).simplified();
        }
        // "Max core file size <soft> <hard> bytes"
        QCOMPARE(coreLine.section(QLatin1Char(' '), 4, 4), QStringLiteral("0"));
        ::kill(static_cast<pid_t>(process->processId()), SIGSEGV);
        QVERIFY(process->waitForFinished(5000));
        QCOMPARE(process->exitStatus(), QProcess::CrashExit);
        const QByteArray printed = process->readAllStandardOutput() + process->readAllStandardError();
        QVERIFY(!printed.contains("sim-demo-key"));
        delete process;
    }

    void budget_reportsSpendAfterAChat()
    {
        QCOMPARE(run({QStringLiteral("chat"), QStringLiteral("Hallo")}).exitCode, 0);
        const Run result = run({QStringLiteral("--json"), QStringLiteral("budget")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject budget = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QVERIFY(budget.value(QStringLiteral("spend")).toDouble() > 0);
        QVERIFY(budget.contains(QStringLiteral("max_budget")));
    }

    void audit_verifiesAndDetectsTampering()
    {
        QCOMPARE(run({QStringLiteral("chat"), QStringLiteral("Hallo")}).exitCode, 0);
        Run verify = run({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(verify.out.toUtf8()).object().value(QStringLiteral("intact")).toBool());
        const Run exported = run({QStringLiteral("audit"), QStringLiteral("export")});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(exported.out.toUtf8()).array().size() >= 2);
        QVERIFY(!exported.out.contains(QStringLiteral("Hallo"))); // no content by default

        QFile file(QDir(profile()).filePath(QStringLiteral("audit.jsonl")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QByteArray content = file.readAll();
        content.replace("\"class\":\"normal\"", "\"class\":\"none\"");
        file.seek(0);
        file.write(content);
        file.close();
        verify = run({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 2);
        QVERIFY2(verify.err.contains(QStringLiteral("line 1")), qPrintable(verify.err));
    }
};

QTEST_GUILESS_MAIN(TestCliGateway)
#include "tst_cligateway.moc"
