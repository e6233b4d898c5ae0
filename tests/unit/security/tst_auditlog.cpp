#include "core/security/auditlog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace genius::security;

class TestAuditLog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir* m_dir = nullptr;
    QString path() const { return m_dir->filePath(QStringLiteral("audit.jsonl")); }

    void writeEntries(AuditLog& log, int requests)
    {
        for (int i = 0; i < requests; ++i) {
            auto sequence = log.begin({QStringLiteral("/chat/completions"), QStringLiteral("sim-sovereign"),
                                       QStringLiteral("normal"), {QStringLiteral("doc-%1").arg(i)},
                                       QStringLiteral("req-%1").arg(i)});
            QVERIFY(sequence.has_value());
            AuditCompletion completion;
            completion.sequence = *sequence;
            completion.outcome = QStringLiteral("completed");
            completion.promptTokens = 10 + i;
            QVERIFY(log.complete(completion).has_value());
        }
    }

    QList<QByteArray> lines() const
    {
        QFile file(path());
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().split('\n') : QList<QByteArray>();
    }

    void rewrite(const QList<QByteArray>& content) const
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        for (const QByteArray& line : content)
            file.write(line + '\n');
    }

private Q_SLOTS:
    void init() { m_dir = new QTemporaryDir; }
    void cleanup()
    {
        delete m_dir;
        m_dir = nullptr;
    }

    void entries_chainAndVerify()
    {
        AuditLog log(path(), QStringLiteral("tester"));
        QVERIFY(log.verify().intact); // an empty log is intact
        writeEntries(log, 3);
        const AuditVerification result = log.verify();
        QVERIFY2(result.intact, qPrintable(result.reason));
        QCOMPARE(result.entries, 6);
        const QJsonObject first = QJsonDocument::fromJson(lines().at(0)).object();
        QCOMPARE(first.value(QStringLiteral("user")).toString(), QStringLiteral("tester"));
        QCOMPARE(first.value(QStringLiteral("model")).toString(), QStringLiteral("sim-sovereign"));
        QCOMPARE(first.value(QStringLiteral("prev")).toString(), QString(64, QLatin1Char('0')));
        const QJsonObject second = QJsonDocument::fromJson(lines().at(1)).object();
        QCOMPARE(second.value(QStringLiteral("refers_to")).toInt(), 1);
        QVERIFY(second.value(QStringLiteral("completion_tokens")).isNull()); // unknown stays unknown
        QCOMPARE(second.value(QStringLiteral("prompt_tokens")).toInt(), 10);
    }

    void editedEntry_breaksAtItsLine()
    {
        AuditLog log(path());
        writeEntries(log, 3);
        QList<QByteArray> content = lines();
        content[2].replace("sim-sovereign", "sim-public");
        rewrite(content);
        const AuditVerification result = log.verify();
        QVERIFY(!result.intact);
        QCOMPARE(result.brokenAtLine, 3);
    }

    void deletedEntry_breaksWhereItWas()
    {
        AuditLog log(path());
        writeEntries(log, 3);
        QList<QByteArray> content = lines();
        content.removeAt(1);
        rewrite(content);
        const AuditVerification result = log.verify();
        QVERIFY(!result.intact);
        QCOMPARE(result.brokenAtLine, 2);
    }

    void reorderedEntries_break()
    {
        AuditLog log(path());
        writeEntries(log, 2);
        QList<QByteArray> content = lines();
        content.swapItemsAt(1, 2);
        rewrite(content);
        QCOMPARE(log.verify().brokenAtLine, 2);
    }

    void removedTail_isNoticed()
    {
        AuditLog log(path());
        writeEntries(log, 2);
        QList<QByteArray> content = lines();
        content.removeLast();
        rewrite(content);
        const AuditVerification result = log.verify();
        QVERIFY(!result.intact);
        QCOMPARE(result.brokenAtLine, 4);
    }

    void appendAfterReopen_continuesTheChain()
    {
        {
            AuditLog log(path());
            writeEntries(log, 1);
        }
        AuditLog reopened(path());
        writeEntries(reopened, 1);
        QVERIFY(reopened.verify().intact);
        QCOMPARE(QJsonDocument::fromJson(lines().at(3)).object().value(QStringLiteral("seq")).toInt(), 4);
    }

    void export_isAJsonArrayOfAllEntries()
    {
        AuditLog log(path());
        writeEntries(log, 2);
        const auto exported = log.exportJson();
        QVERIFY(exported.has_value());
        const QJsonArray array = QJsonDocument::fromJson(*exported).array();
        QCOMPARE(array.size(), 4);
        QCOMPARE(array.at(3).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("completion"));
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
