#include "core/import/importtasks.h"
#include "core/index/indexdatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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

private:
    struct Outcome {
        int exitCode;
        QProcess::ExitStatus status;
        QByteArray out;
        QByteArray err;
    };
    Outcome run(const QStringList& arguments);
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

void TestGeniusApp::interruptedImport_resumesWhenTheAppStarts()
{
    // A profile whose index holds a document that a killed process left queued.
    const QString profile = m_home->filePath(QStringLiteral("profile"));
    QVERIFY(QDir().mkpath(profile));
    const QString source = m_home->filePath(QStringLiteral("gesetz.md"));
    {
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# Gesetz\n\n## § 1 Zweck\n\nDieses Gesetz regelt das Verfahren.\n");
    }
    const auto digest = genius::import::fileDigest(source, {});
    QVERIFY(digest);
    const QString indexFile = QDir(profile).filePath(genius::index::IndexDatabase::fileName());
    qint64 id = 0;
    {
        auto database = genius::index::IndexDatabase::open(indexFile);
        QVERIFY(database);
        const auto added = (*database)->addDocument(
            {QStringLiteral("gesetz.md"), source, digest->sha256, digest->size, genius::domain::ProtectionClass::Normal});
        QVERIFY(added);
        id = added->id;
    }

    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(GENIUS_APP_PATH), {QStringLiteral("--profile"), profile, QStringLiteral("--view"),
                                                   QStringLiteral("datamanager")});
    QVERIFY(process.waitForStarted(10000));
    auto database = genius::index::IndexDatabase::open(indexFile);
    QVERIFY(database);
    bool ready = false;
    for (int attempt = 0; attempt < 300 && !ready && process.state() == QProcess::Running; ++attempt) {
        QTest::qWait(100);
        const auto record = (*database)->document(id);
        ready = record && record->status == genius::index::DocumentStatus::Ready;
    }
    const QByteArray err = process.readAllStandardError();
    process.kill();
    process.waitForFinished();
    QVERIFY2(ready, err.constData());
    QVERIFY((*database)->document(id)->chunks >= 1);
}

QTEST_GUILESS_MAIN(TestGeniusApp)
#include "tst_geniusapp.moc"
