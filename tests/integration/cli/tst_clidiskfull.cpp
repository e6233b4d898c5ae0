// A full disk during an import: the profile lies on a 1.2 MB tmpfs (mounted in a private user and
// mount namespace, `unshare -rm`; skipped where that is not allowed). The document that does not
// fit fails with one sentence saying the disk is full, the one imported before stays ready, the
// index passes SQLite's integrity check, and once there is room the same file imports. A chat on a
// full disk says the same, and the conversations stored before it stay intact.
#include "fixture/simulatorprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

const QString kCli = QStringLiteral(GENIUS_CLI_PATH);

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProcess(const QString& program, const QStringList& arguments, const QString& home)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    environment.insert(u"GENIUS_API_KEY"_s, genius::sim::SimulatorProcess::defaultKey());
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    process.closeWriteChannel();
    Run result;
    if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// About 1.1 MB of statute-like Markdown: more than the small disk holds once indexed.
QByteArray bigStatute()
{
    const QList<QByteArray> words{"Verwaltung", "Behörde", "Antrag", "Bescheid", "Frist",
                                  "Gemeinde", "Satzung", "Gebühr", "Verfahren", "Zuständigkeit"};
    QByteArray text = "# Große Satzung\n\n";
    for (int section = 1; section <= 600; ++section) {
        text += "## § " + QByteArray::number(section) + " Regelung\n\n";
        for (int i = 0; i < 200; ++i)
            text += words.at((section * 7 + i * 3) % words.size()) + (i % 17 == 16 ? ". " : " ");
        text += ".\n\n";
    }
    return text;
}

bool mayMountTmpfs(const QString& directory, const QString& home)
{
    const QString probe = u"mount -t tmpfs -o size=64k tmpfs \"$1\""_s;
    return runProcess(u"unshare"_s, {u"-rm"_s, u"sh"_s, u"-c"_s, probe, u"sh"_s, directory}, home).exitCode == 0;
}

QString integrityOf(const QString& path)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
        db.setDatabaseName(path);
        QSqlQuery check(db);
        if (db.open() && check.exec(u"PRAGMA integrity_check"_s) && check.next())
            result = check.value(0).toString();
        check = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"check"_s);
    return result;
}

QString readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
}

} // namespace

class TestCliDiskFull final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home; // one per test case

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        QVERIFY(QDir().mkpath(m_home->filePath(u"profile"_s)) && QDir().mkpath(m_home->filePath(u"copy"_s)));
        if (!mayMountTmpfs(m_home->filePath(u"profile"_s), m_home->path()))
            QSKIP("No private mount namespace here (unshare -rm with tmpfs is not allowed).");
    }

    void fullDisk_failsTheChatCleanly_andKeepsTheConversations()
    {
        QTemporaryDir& home = *m_home;
        const QString profile = home.filePath(u"profile"_s); // the small disk is mounted here
        const QString copy = home.filePath(u"copy"_s);       // what was on it, on the ordinary disk
        genius::sim::SimulatorProcess simulator;
        QVERIFY2(simulator.isRunning(), qPrintable(simulator.errorString()));

        // One chat with room, then the disk filled to the last block, then a second chat.
        const QString script = uR"(mount -t tmpfs -o size=1200k tmpfs "$1" || exit 90
"$3" --profile "$1" --endpoint "$4" chat "Wie hoch ist die Hundesteuer?" >/dev/null 2>&1 || exit 91
dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null
"$3" --profile "$1" --endpoint "$4" chat "Und für zwei Hunde?" >/dev/null 2>"$2/chat.err"; echo $? > "$2/chat.rc"
rm "$1/filler"
cp -a "$1/." "$2/")"_s;
        const Run run = runProcess(u"unshare"_s,
                                   {u"-rm"_s, u"sh"_s, u"-c"_s, script, u"sh"_s, profile, copy, kCli,
                                    simulator.baseUrl().toString()},
                                   home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(u"script ended with %1: %2"_s.arg(run.exitCode).arg(run.err)));
        QVERIFY(readAll(copy + u"/chat.rc"_s).toInt() != 0);
        const QString message = readAll(copy + u"/chat.err"_s);
        // One sentence, no driver text and no follow-up noise.
        QCOMPARE(message, u"genius-cli: The disk holding the profile is full; free some space and try again."_s);

        // The conversation database as the full disk left it: consistent, the first chat kept.
        QCOMPARE(integrityOf(copy + u"/conversations.sqlite"_s), u"ok"_s);
        const Run listed = runProcess(kCli, {u"--profile"_s, copy, u"--json"_s, u"conversations"_s, u"list"_s}, home.path());
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray conversations = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(conversations.size(), 1);
    }

    void fullDisk_failsTheImportCleanly_andKeepsTheIndex()
    {
        QTemporaryDir& home = *m_home;
        const QString profile = home.filePath(u"profile"_s); // the small disk is mounted here
        const QString copy = home.filePath(u"copy"_s);       // what was on it, on the ordinary disk
        const QString small = home.filePath(u"klein.md"_s);
        const QString big = home.filePath(u"gross.md"_s);
        QVERIFY(writeFile(small, "# Kleine Satzung\n\n## § 1 Zweck\n\nDie Satzung regelt die Gebühren der Gemeinde.\n"));
        QVERIFY(writeFile(big, bigStatute()));

        // In one namespace: mount the small disk, import both, keep what is on the disk afterwards.
        const QString script = uR"(mount -t tmpfs -o size=1200k tmpfs "$1" || exit 90
"$3" --profile "$1" import "$4" >/dev/null 2>&1 || exit 91
"$3" --profile "$1" import "$5" 2>"$2/big.err"; echo $? > "$2/big.rc"
cp -a "$1/." "$2/")"_s;
        const Run run = runProcess(u"unshare"_s,
                                   {u"-rm"_s, u"sh"_s, u"-c"_s, script, u"sh"_s, profile, copy, kCli, small, big},
                                   home.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        QFile rc(copy + u"/big.rc"_s);
        QVERIFY(rc.open(QIODevice::ReadOnly));
        QCOMPARE(rc.readAll().trimmed().toInt(), 2); // a file that failed
        QFile err(copy + u"/big.err"_s);
        QVERIFY(err.open(QIODevice::ReadOnly));
        const QString message = QString::fromUtf8(err.readAll());
        QVERIFY2(message.contains(u"gross.md: The disk holding the profile is full"_s), qPrintable(message));

        // The index as the full disk left it: consistent, the first document intact.
        QCOMPARE(integrityOf(copy + u"/index.sqlite"_s), u"ok"_s);
        const Run listed = runProcess(kCli, {u"--profile"_s, copy, u"--json"_s, u"documents"_s}, home.path());
        QCOMPARE(listed.exitCode, 0);
        QHash<QString, QJsonObject> documents;
        for (const QJsonValue& value : QJsonDocument::fromJson(listed.out.toUtf8()).array())
            documents.insert(value[u"name"_s].toString(), value.toObject());
        QCOMPARE(documents.value(u"klein.md"_s).value(u"status"_s).toString(), u"ready"_s);
        QCOMPARE(documents.value(u"gross.md"_s).value(u"status"_s).toString(), u"failed"_s);

        // With room (the copy lies on the ordinary disk) the same file imports and is found.
        const Run again = runProcess(kCli, {u"--profile"_s, copy, u"import"_s, big}, home.path());
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        const Run found = runProcess(kCli, {u"--profile"_s, copy, u"--json"_s, u"search"_s, u"Zuständigkeit"_s}, home.path());
        QCOMPARE(found.exitCode, 0);
        QVERIFY2(found.out.contains(u"gross.md"_s), qPrintable(found.out.left(500)));
    }
};

QTEST_GUILESS_MAIN(TestCliDiskFull)
#include "tst_clidiskfull.moc"
