// Drives the real genius-cli binary as a user or a script would: exit codes, one-sentence
// errors on stderr, JSON on stdout, the profile, and the German translation.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir* m_home = nullptr;

    QString profile() const { return m_home->filePath(QStringLiteral("profile")); }

    Run run(const QStringList& arguments, const QProcessEnvironment& extra = {}, const QByteArray& input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home->path());
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
        environment.remove(QStringLiteral("GENIUS_API_KEY"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("LANGUAGE"), QString());
        for (const QString& key : extra.keys())
            environment.insert(key, extra.value(key));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GENIUS_CLI_PATH), arguments);
        if (!process.waitForStarted(10000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000)) {
            process.kill();
            return {};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    static QProcessEnvironment env(std::initializer_list<std::pair<const char*, const char*>> pairs)
    {
        QProcessEnvironment environment;
        for (const auto& [key, value] : pairs)
            environment.insert(QString::fromLatin1(key), QString::fromLatin1(value));
        return environment;
    }

    static void verifyOneSentence(const Run& result)
    {
        QVERIFY2(result.err.endsWith(QLatin1Char('\n')), qPrintable(result.err));
        QCOMPARE(result.err.count(QLatin1Char('\n')), 1);
        QVERIFY(result.err.startsWith(QStringLiteral("genius-cli: ")));
    }

private Q_SLOTS:
    void init() { m_home = new QTemporaryDir; }
    void cleanup()
    {
        delete m_home;
        m_home = nullptr;
    }

    void help_listsCommandsAndExitCodes()
    {
        const Run result = run({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("--profile DIR")));
        QVERIFY(result.out.contains(QStringLiteral("settings")));
        QVERIFY(result.out.contains(QStringLiteral("7 cancelled")));
        QVERIFY(result.err.isEmpty());
    }

    void version_printsTheVersion()
    {
        const Run result = run({QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QStringLiteral("genius-cli 0.")));
    }

    void usageErrors_exitOneWithOneSentence_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown global option") << QStringList{QStringLiteral("--colour"), QStringLiteral("settings")};
        QTest::newRow("unknown command option") << QStringList{QStringLiteral("settings"), QStringLiteral("--bogus")};
        QTest::newRow("missing option value") << QStringList{QStringLiteral("settings"), QStringLiteral("--profile")};
        QTest::newRow("flag with value") << QStringList{QStringLiteral("--json=yes"), QStringLiteral("settings")};
        QTest::newRow("unknown action") << QStringList{QStringLiteral("settings"), QStringLiteral("explode")};
        QTest::newRow("wrong arity") << QStringList{QStringLiteral("settings"), QStringLiteral("get")};
        QTest::newRow("key without action") << QStringList{QStringLiteral("key")};
    }

    void usageErrors_exitOneWithOneSentence()
    {
        QFETCH(QStringList, arguments);
        const Run result = run(QStringList{QStringLiteral("--profile"), profile()} + arguments);
        QCOMPARE(result.exitCode, 1);
        verifyOneSentence(result);
        QVERIFY(result.out.isEmpty());
    }

    void settingsJson_describesEveryKey()
    {
        const Run result = run({QStringLiteral("--profile"), profile(), QStringLiteral("settings"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error{};
        const QJsonArray array = QJsonDocument::fromJson(result.out.toUtf8(), &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(array.size() >= 15);
        for (const QJsonValue& entry : array) {
            const QJsonObject object = entry.toObject();
            for (const char* field : {"key", "value", "default", "source", "scope", "locked", "lock", "description"})
                QVERIFY2(object.contains(QLatin1String(field)), field);
        }
        const auto find = [&](const QString& key) {
            for (const QJsonValue& entry : array) {
                if (entry.toObject().value(QStringLiteral("key")).toString() == key)
                    return entry.toObject();
            }
            return QJsonObject();
        };
        QCOMPARE(find(QStringLiteral("protection/defaultClass")).value(QStringLiteral("value")).toString(), QStringLiteral("normal"));
        QCOMPARE(find(QStringLiteral("gateway/allowedModels")).value(QStringLiteral("lock")).toString(), QStringLiteral("administrator"));
    }

    void settingsSet_persistsInTheProfile()
    {
        Run result = run({QStringLiteral("--profile"), profile(), QStringLiteral("settings"), QStringLiteral("set"),
                          QStringLiteral("gateway/url"), QStringLiteral("https://gw.example/v1/")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed(), QStringLiteral("https://gw.example/v1"));
        QVERIFY(QFile::exists(QDir(profile()).filePath(QStringLiteral("settings.json"))));
        result = run({QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("gateway/url"),
                      QStringLiteral("--profile"), profile(), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("source")).toString(), QStringLiteral("user"));
        QCOMPARE(object.value(QStringLiteral("value")).toString(), QStringLiteral("https://gw.example/v1"));
    }

    void badValues_exitTwoAndChangeNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("invalid url") << QStringList{QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("gateway/url"), QStringLiteral("nope")};
        QTest::newRow("unknown key") << QStringList{QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("gateway/nope")};
        QTest::newRow("administrator key") << QStringList{QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("gateway/allowedModels"), QStringLiteral("x")};
        QTest::newRow("invalid endpoint") << QStringList{QStringLiteral("--endpoint"), QStringLiteral("ftp://x"), QStringLiteral("settings")};
        QTest::newRow("key without gateway") << QStringList{QStringLiteral("key"), QStringLiteral("status")};
        QTest::newRow("profile is a file") << QStringList{QStringLiteral("--profile"), QStringLiteral(GENIUS_CLI_PATH), QStringLiteral("settings")};
    }

    void badValues_exitTwoAndChangeNothing()
    {
        QFETCH(QStringList, arguments);
        const Run result = run(QStringList{QStringLiteral("--profile"), profile()} + arguments);
        QCOMPARE(result.exitCode, 2);
        verifyOneSentence(result);
        QVERIFY(!QFile::exists(QDir(profile()).filePath(QStringLiteral("settings.json"))));
    }

    void keyStatus_reportsTheEnvironmentWithoutRevealingIt()
    {
        const Run result = run({QStringLiteral("--profile"), profile(), QStringLiteral("--endpoint"),
                                QStringLiteral("https://gw.example/v1"), QStringLiteral("--json"), QStringLiteral("key"),
                                QStringLiteral("status")},
                               env({{"GENIUS_API_KEY", "sk-very-secret-123"}}));
        QCOMPARE(result.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("origin")).toString(), QStringLiteral("environment"));
        QVERIFY(!result.out.contains(QStringLiteral("sk-very-secret")));
        QVERIFY(!result.err.contains(QStringLiteral("sk-very-secret")));
    }

    void keySet_withoutKeychain_failsWithExitEight()
    {
        const Run result = run({QStringLiteral("--profile"), profile(), QStringLiteral("--endpoint"),
                                QStringLiteral("https://gw.example/v1"), QStringLiteral("key"), QStringLiteral("set")},
                               env({{"DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus"}, {"DISPLAY", ""}}),
                               "sk-never-stored\n");
        QCOMPARE(result.exitCode, 8);
        verifyOneSentence(result);
        QVERIFY(!result.err.contains(QStringLiteral("sk-never-stored")));
        // Never a plaintext fallback: the key is in no file of the profile.
        const QStringList files = QDir(profile()).entryList(QDir::Files | QDir::Hidden);
        for (const QString& name : files) {
            QFile file(QDir(profile()).filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("sk-never-stored"));
        }
    }

    void keySet_emptyInput_isBadInput()
    {
        const Run result = run({QStringLiteral("--profile"), profile(), QStringLiteral("--endpoint"),
                                QStringLiteral("https://gw.example/v1"), QStringLiteral("key"), QStringLiteral("set")},
                               {}, "\n");
        QCOMPARE(result.exitCode, 2);
        verifyOneSentence(result);
    }

    void germanLocale_speaksGerman()
    {
        const Run result = run({QStringLiteral("--profile"), profile(), QStringLiteral("frobnicate")},
                               env({{"LC_ALL", "de_DE.UTF-8"}, {"LANG", "de_DE.UTF-8"}}));
        QCOMPARE(result.exitCode, 1);
        verifyOneSentence(result);
        QVERIFY2(result.err.contains(QStringLiteral("Unbekannter Befehl")), qPrintable(result.err));
        const Run english = run({QStringLiteral("--profile"), profile(), QStringLiteral("frobnicate")});
        QVERIFY(english.err.contains(QStringLiteral("Unknown command")));
    }

    void languageSetting_overridesTheLocale()
    {
        QCOMPARE(run({QStringLiteral("--profile"), profile(), QStringLiteral("settings"), QStringLiteral("set"),
                      QStringLiteral("ui/language"), QStringLiteral("de")})
                     .exitCode,
                 0);
        const Run result = run({QStringLiteral("--profile"), profile(), QStringLiteral("frobnicate")});
        QVERIFY2(result.err.contains(QStringLiteral("Unbekannter Befehl")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
