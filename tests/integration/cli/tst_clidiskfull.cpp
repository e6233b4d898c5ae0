// A full disk during an import: the profile lies on a 1.2 MB tmpfs (mounted in a private user and
// mount namespace, `unshare -rm`; skipped where that is not allowed). The document that does not
// fit fails with one sentence saying the disk is full, the one imported before stays ready, the
// index passes SQLite's integrity check, and once there is room the same file imports.
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

} // namespace

class TestCliDiskFull final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDisk_failsTheImportCleanly_andKeepsTheIndex()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString profile = home.filePath(u"profile"_s);
        const QString copy = home.filePath(u"copy"_s);
        QVERIFY(QDir().mkpath(profile) && QDir().mkpath(copy));
        const QString probe = u"mount -t tmpfs -o size=64k tmpfs \"$1\""_s;
        if (runProcess(u"unshare"_s, {u"-rm"_s, u"sh"_s, u"-c"_s, probe, u"sh"_s, profile}, home.path()).exitCode != 0)
            QSKIP("No private mount namespace here (unshare -rm with tmpfs is not allowed).");
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
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
            db.setDatabaseName(copy + u"/index.sqlite"_s);
            QVERIFY(db.open());
            QSqlQuery check(db);
            QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"check"_s);
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
