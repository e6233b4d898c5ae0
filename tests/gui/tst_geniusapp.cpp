#include "core/import/importtasks.h"
#include "core/index/indexdatabase.h"
#include "fixture/simulatorprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Runs the real `genius` executable offscreen and checks its command line and what its
// composition root starts (imports left unfinished resume).
class TestGeniusApp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();

    void unknownView_exitsWithUsageErrorAndOneLine();
    void unopenableProfile_exitsWithTwoAndOneLine();
    void help_listsOptionsAndExitsZero();
    void knownView_startsAndKeepsRunning();
    void interruptedImport_resumesWhenTheAppStarts();
    void withAGateway_importsEmbedThroughIt();

private:
    struct Outcome {
        int exitCode;
        QProcess::ExitStatus status;
        QByteArray out;
        QByteArray err;
    };
    Outcome run(const QStringList& arguments);
    /// A profile whose index holds one queued Markdown law, as a killed import leaves it.
    qint64 profileWithAQueuedDocument(const QString& profile);
    /// Runs the app on `profile` until the document is ready (at most 30 s); false if not.
    bool runUntilReady(const QString& profile, qint64 id, const QProcessEnvironment& environment);
    QProcessEnvironment environment() const;

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestGeniusApp::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    // A desktop session has a private runtime folder; without one Qt prints a warning.
    QVERIFY(QDir(m_home->path()).mkdir(QStringLiteral("runtime")));
    QVERIFY(QFile::setPermissions(m_home->filePath(QStringLiteral("runtime")),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

QProcessEnvironment TestGeniusApp::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home->filePath(QStringLiteral("runtime")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QString());
    return env;
}

TestGeniusApp::Outcome TestGeniusApp::run(const QStringList& arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(GENIUS_APP_PATH), arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QProcess::CrashExit, {}, "did not finish"};
    }
    return {process.exitCode(), process.exitStatus(), process.readAllStandardOutput(),
            process.readAllStandardError()};
}

void TestGeniusApp::unknownView_exitsWithUsageErrorAndOneLine()
{
    const QString profile = m_home->filePath(QStringLiteral("profile"));
    const Outcome outcome = run({QStringLiteral("--profile"), profile, QStringLiteral("--view"),
                                 QStringLiteral("nonsense")});
    QCOMPARE(outcome.status, QProcess::NormalExit);
    QCOMPARE(outcome.exitCode, 1);
    const QList<QByteArray> lines = outcome.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.constFirst().contains("nonsense"), outcome.err.constData());
    QVERIFY2(lines.constFirst().contains("settings"), outcome.err.constData()); // names the valid views
    QVERIFY(!QFileInfo::exists(profile)); // a usage error changes nothing on disk
}

void TestGeniusApp::unopenableProfile_exitsWithTwoAndOneLine()
{
    const QString file = m_home->filePath(QStringLiteral("a-file"));
    QFile blocker(file);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Outcome outcome = run({QStringLiteral("--profile"), file, QStringLiteral("--view"), QStringLiteral("chat")});
    QCOMPARE(outcome.status, QProcess::NormalExit);
    QCOMPARE(outcome.exitCode, 2);
    const QList<QByteArray> lines = outcome.err.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.constFirst().contains("a-file"), outcome.err.constData());
}

void TestGeniusApp::help_listsOptionsAndExitsZero()
{
    const Outcome outcome = run({QStringLiteral("--help")});
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(outcome.out.contains("--profile <dir>"), outcome.out.constData());
    QVERIFY2(outcome.out.contains("--view <name>"), outcome.out.constData());
    QVERIFY2(outcome.out.contains("datamanager"), outcome.out.constData());
}

void TestGeniusApp::knownView_startsAndKeepsRunning()
{
    const QString profile = m_home->filePath(QStringLiteral("profile"));
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(GENIUS_APP_PATH), {QStringLiteral("--profile"), profile, QStringLiteral("--view"),
                                                   QStringLiteral("settings")});
    QVERIFY(process.waitForStarted(10000));
    // Still running after two seconds: the composition root built the window and entered
    // the event loop; a crash or an early exit ends the process.
    const bool ended = process.waitForFinished(2000);
    const QByteArray err = process.readAllStandardError();
    process.kill();
    process.waitForFinished();
    QVERIFY2(!ended, err.constData());
    QVERIFY(QFileInfo(profile).isDir());
}

qint64 TestGeniusApp::profileWithAQueuedDocument(const QString& profile)
{
    if (!QDir().mkpath(profile))
        return 0;
    const QString source = m_home->filePath(QStringLiteral("gesetz.md"));
    QFile file(source);
    if (!file.open(QIODevice::WriteOnly))
        return 0;
    file.write("# Gesetz\n\n## § 1 Zweck\n\nDieses Gesetz regelt das Verfahren.\n");
    file.close();
    const auto digest = genius::import::fileDigest(source, {});
    auto database = genius::index::IndexDatabase::open(QDir(profile).filePath(genius::index::IndexDatabase::fileName()));
    if (!digest || !database)
        return 0;
    const auto added = (*database)->addDocument(
        {QStringLiteral("gesetz.md"), source, digest->sha256, digest->size, genius::domain::ProtectionClass::Normal});
    return added ? added->id : 0;
}

bool TestGeniusApp::runUntilReady(const QString& profile, qint64 id, const QProcessEnvironment& environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(GENIUS_APP_PATH), {QStringLiteral("--profile"), profile, QStringLiteral("--view"),
                                                   QStringLiteral("datamanager")});
    if (!process.waitForStarted(10000))
        return false;
    auto database = genius::index::IndexDatabase::open(QDir(profile).filePath(genius::index::IndexDatabase::fileName()));
    bool ready = false;
    for (int attempt = 0; attempt < 300 && database && !ready && process.state() == QProcess::Running; ++attempt) {
        QTest::qWait(100);
        const auto record = (*database)->document(id);
        ready = record && record->status == genius::index::DocumentStatus::Ready;
    }
    const QByteArray err = process.readAllStandardError();
    process.kill();
    process.waitForFinished();
    if (!ready)
        qWarning("%s", err.constData());
    return ready;
}

void TestGeniusApp::interruptedImport_resumesWhenTheAppStarts()
{
    const QString profile = m_home->filePath(QStringLiteral("profile"));
    const qint64 id = profileWithAQueuedDocument(profile);
    QVERIFY(id > 0);
    QVERIFY(runUntilReady(profile, id, environment()));
    auto database = genius::index::IndexDatabase::open(QDir(profile).filePath(genius::index::IndexDatabase::fileName()));
    QVERIFY(database);
    QVERIFY((*database)->document(id)->chunks >= 1);
    QCOMPARE((*database)->document(id)->embeddingState, QStringLiteral("none")); // no gateway configured
}

void TestGeniusApp::withAGateway_importsEmbedThroughIt()
{
    genius::sim::SimulatorProcess simulator;
    QVERIFY2(simulator.isRunning(), qPrintable(simulator.errorString()));
    const QString profile = m_home->filePath(QStringLiteral("profile"));
    const qint64 id = profileWithAQueuedDocument(profile);
    QVERIFY(id > 0);
    QFile settingsFile(QDir(profile).filePath(QStringLiteral("settings.json")));
    QVERIFY(settingsFile.open(QIODevice::WriteOnly));
    settingsFile.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), 1},
                                                 {QStringLiteral("values"),
                                                  QJsonObject{{QStringLiteral("gateway/url"),
                                                               simulator.baseUrl().toString()}}}})
                           .toJson());
    settingsFile.close();
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("GENIUS_API_KEY"), genius::sim::SimulatorProcess::defaultKey());
    QVERIFY(runUntilReady(profile, id, env));
    auto database = genius::index::IndexDatabase::open(QDir(profile).filePath(genius::index::IndexDatabase::fileName()));
    QVERIFY(database);
    QCOMPARE((*database)->document(id)->embeddingState, QStringLiteral("done"));
    bool embedded = false;
    for (const QJsonObject& entry : simulator.logEntries())
        embedded = embedded || entry.value(QStringLiteral("path")).toString().endsWith(QStringLiteral("/embeddings"));
    QVERIFY(embedded);
}

QTEST_GUILESS_MAIN(TestGeniusApp)
#include "tst_geniusapp.moc"
