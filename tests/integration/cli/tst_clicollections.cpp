// genius-cli collections as a data manager's script uses them: create with a class cap, assign
// in bulk (a document above the cap is refused, the rest assigned), unassign, rename, publish,
// delete (documents stay), and the open assignments of `documents --unassigned`.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

} // namespace

class TestCliCollections final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_profile;
    QList<qint64> m_normal; ///< three normal documents
    qint64 m_high = 0;      ///< one document of class high

    Run run(const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.path());
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(GENIUS_CLI_PATH), QStringList{u"--profile"_s, m_profile} + arguments);
        process.closeWriteChannel();
        Run result;
        if (process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit)
            result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    qint64 import(const QString& name, const QString& text, const QString& cls)
    {
        const QString path = m_home.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
            return 0;
        file.close();
        const Run imported = run({u"import"_s, u"--class"_s, cls, path});
        return imported.exitCode == 0 ? imported.out.trimmed().toLongLong() : 0;
    }

    QJsonObject collection(const QString& name)
    {
        for (const QJsonValue& value : run({u"--json"_s, u"collections"_s, u"list"_s}).json().array()) {
            if (value[u"name"_s].toString() == name)
                return value.toObject();
        }
        return {};
    }

    QList<qint64> unassigned()
    {
        QList<qint64> ids;
        for (const QJsonValue& value : run({u"--json"_s, u"documents"_s, u"--unassigned"_s}).json().array())
            ids.append(value[u"id"_s].toInteger());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_profile = m_home.filePath(u"profile"_s);
        for (int i = 1; i <= 3; ++i) {
            const qint64 id = import(u"satzung-%1.txt"_s.arg(i), u"Satzung Nummer %1 der Gemeinde über Gebühren."_s.arg(i), u"normal"_s);
            QVERIFY(id > 0);
            m_normal.append(id);
        }
        m_high = import(u"personal.txt"_s, u"Personalakte mit Beurteilung."_s, u"high"_s);
        QVERIFY(m_high > 0);
    }

    void create_listsTheCollectionWithItsCap()
    {
        const Run created = run({u"--json"_s, u"collections"_s, u"create"_s, u"Satzungen"_s, u"--description"_s,
                                 u"Ortsrecht der Gemeinde"_s});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(created.json().object()[u"class"_s].toString(), u"normal"_s); // the default cap
        QCOMPARE(created.json().object()[u"description"_s].toString(), u"Ortsrecht der Gemeinde"_s);
        const QJsonObject listed = collection(u"Satzungen"_s);
        QCOMPARE(listed[u"documents"_s].toInt(), 0);
        QCOMPARE(listed[u"published"_s].toBool(), false);
        QCOMPARE(run({u"collections"_s, u"create"_s, u"Satzungen"_s}).exitCode, 2); // exists
        QCOMPARE(run({u"collections"_s, u"create"_s, u"X"_s, u"--class"_s, u"secret"_s}).exitCode, 1);
        QCOMPARE(run({u"collections"_s, u"frobnicate"_s}).exitCode, 1);
        QCOMPARE(run({u"collections"_s, u"assign"_s, u"1"_s}).exitCode, 1);
    }

    void assignInBulk_refusesTheDocumentAboveTheCapAndAssignsTheRest()
    {
        QVERIFY(unassigned().contains(m_high));
        const QString batch = u"%1,%2,%3,%4"_s.arg(m_normal.at(0)).arg(m_high).arg(m_normal.at(1)).arg(m_normal.at(2));
        const Run assigned = run({u"--json"_s, u"collections"_s, u"assign"_s, batch, u"Satzungen"_s});
        QCOMPARE(assigned.exitCode, 3); // refused by the class cap
        QVERIFY(assigned.err.contains(u"above the class normal"_s));
        const QJsonArray results = assigned.json().array();
        QCOMPARE(results.size(), 4);
        QCOMPARE(results.at(1)[u"assigned"_s].toBool(), false);
        QCOMPARE(results.at(0)[u"assigned"_s].toBool(), true);
        QCOMPARE(collection(u"Satzungen"_s)[u"documents"_s].toInt(), 3);
        QCOMPARE(unassigned(), QList<qint64>{m_high});
        QCOMPARE(run({u"collections"_s, u"assign"_s, u"999"_s, u"Satzungen"_s}).exitCode, 2);
        QCOMPARE(run({u"collections"_s, u"assign"_s, QString::number(m_high), u"Unbekannt"_s}).exitCode, 2);
        // A collection capped at high takes it.
        QCOMPARE(run({u"collections"_s, u"create"_s, u"Personal"_s, u"--class"_s, u"high"_s}).exitCode, 0);
        QCOMPARE(run({u"collections"_s, u"assign"_s, QString::number(m_high), u"Personal"_s}).exitCode, 0);
        QVERIFY(unassigned().isEmpty());
    }

    void unassign_renamePublish_andDeleteKeepTheDocuments()
    {
        const Run out = run({u"collections"_s, u"unassign"_s, QString::number(m_normal.at(2)), u"Satzungen"_s});
        QCOMPARE(out.exitCode, 0);
        QCOMPARE(unassigned(), QList<qint64>{m_normal.at(2)});
        const Run again = run({u"--json"_s, u"collections"_s, u"unassign"_s, QString::number(m_normal.at(2)), u"Satzungen"_s});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.json().array().first()[u"unassigned"_s].toBool(), false);

        QCOMPARE(run({u"collections"_s, u"rename"_s, u"Satzungen"_s, u"Ortsrecht"_s}).exitCode, 0);
        QVERIFY(collection(u"Satzungen"_s).isEmpty());
        QCOMPARE(collection(u"Ortsrecht"_s)[u"documents"_s].toInt(), 2);
        QCOMPARE(run({u"collections"_s, u"rename"_s, u"Ortsrecht"_s, u"Personal"_s}).exitCode, 2); // taken

        QCOMPARE(run({u"collections"_s, u"publish"_s, u"Ortsrecht"_s}).exitCode, 0);
        QCOMPARE(collection(u"Ortsrecht"_s)[u"published"_s].toBool(), true);
        QCOMPARE(run({u"collections"_s, u"unpublish"_s, u"Ortsrecht"_s}).exitCode, 0);
        QCOMPARE(collection(u"Ortsrecht"_s)[u"published"_s].toBool(), false);

        const Run deleted = run({u"collections"_s, u"delete"_s, u"Ortsrecht"_s});
        QCOMPARE(deleted.exitCode, 0);
        QVERIFY(collection(u"Ortsrecht"_s).isEmpty());
        const QList<qint64> open = unassigned();
        for (const qint64 id : m_normal)
            QVERIFY2(open.contains(id), "a deleted collection's documents stay, now unassigned");
        QCOMPARE(run({u"collections"_s, u"delete"_s, u"Ortsrecht"_s}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliCollections)
#include "tst_clicollections.moc"
