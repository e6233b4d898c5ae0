// genius-cli import, documents, text and search as an administrator's script uses them:
// real PDFs (text and scanned), a batch with bad files, collections, embeddings through the
// simulator with the protection-class guard, and an import killed with SIGKILL that resumes.
#include "fixture/simulatorprocess.h"

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

#include <csignal>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

QString corpus(const QString& relative)
{
    return QDir(QStringLiteral(GENIUS_CORPUS_DIR)).filePath(relative);
}

// SQLite's own check of the whole index file (WAL included), as `sqlite3 … "PRAGMA integrity_check"`.
QString integrityOf(const QString& profile)
{
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(QDir(profile).filePath(QStringLiteral("index.sqlite")));
        if (db.open()) {
            QSqlQuery check(db);
            if (check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next())
                verdict = check.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    return verdict;
}

int countEmbeddingRequests(const QList<QJsonObject>& log)
{
    int count = 0;
    for (const QJsonObject& entry : log)
        count += entry.value(QStringLiteral("path")).toString().endsWith(QLatin1String("/embeddings")) ? 1 : 0;
    return count;
}

} // namespace

class TestCliImport final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<genius::sim::SimulatorProcess> m_sim;
    int m_profileNumber = 0;
    QString m_profile;

    QProcess* startCli(const QStringList& arguments, bool withGateway)
    {
        auto* process = new QProcess(this);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_home.path());
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("GENIUS_API_KEY"), genius::sim::SimulatorProcess::defaultKey());
        environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        process->setProcessEnvironment(environment);
        QStringList all{QStringLiteral("--profile"), m_profile};
        if (withGateway)
            all << QStringLiteral("--endpoint") << m_sim->baseUrl().toString();
        process->start(QStringLiteral(GENIUS_CLI_PATH), all + arguments);
        process->closeWriteChannel();
        return process;
    }

    Run run(const QStringList& arguments, bool withGateway = false, int timeoutMs = 120000)
    {
        QProcess* process = startCli(arguments, withGateway);
        Run result;
        if (process->waitForFinished(timeoutMs) && process->exitStatus() == QProcess::NormalExit)
            result.exitCode = process->exitCode();
        result.out = QString::fromUtf8(process->readAllStandardOutput());
        result.err = QString::fromUtf8(process->readAllStandardError());
        delete process;
        return result;
    }

    QJsonObject documentById(qint64 id)
    {
        const Run listed = run({QStringLiteral("--json"), QStringLiteral("documents")});
        for (const QJsonValue& value : listed.json().array()) {
            if (value[QStringLiteral("id")].toInteger() == id)
                return value.toObject();
        }
        return {};
    }

    static void requireCorpus()
    {
        if (!QFile::exists(corpus(QStringLiteral("pdf/BauNVO_libreoffice.pdf"))))
            QSKIP("The shared corpus is not available (GENIUS_CORPUS_DIR).");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_sim = std::make_unique<genius::sim::SimulatorProcess>();
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
    }

    void init()
    {
        // A fresh profile per case: no case sees another's documents.
        m_profile = m_home.filePath(QStringLiteral("profile-%1").arg(++m_profileNumber));
        m_sim->reset();
    }

    void importTextPdf_indexesPagesAndFindsPassages()
    {
        requireCorpus();
        const Run imported = run({QStringLiteral("import"), corpus(QStringLiteral("pdf/BauNVO_libreoffice.pdf"))});
        QCOMPARE(imported.exitCode, 0);
        const qint64 id = imported.out.trimmed().toLongLong();
        QVERIFY2(id > 0, qPrintable(imported.out + imported.err));
        QVERIFY(imported.err.contains(QLatin1String("lexical search only")));

        const QJsonObject document = documentById(id);
        QCOMPARE(document[QStringLiteral("status")].toString(), QStringLiteral("ready"));
        QCOMPARE(document[QStringLiteral("pages")].toInt(), 20);
        QCOMPARE(document[QStringLiteral("class")].toString(), QStringLiteral("normal"));
        QVERIFY(document[QStringLiteral("chunks")].toInt() > 20);
        QCOMPARE(document[QStringLiteral("progress")].toDouble(), 1.0);

        const Run text = run({QStringLiteral("text"), QStringLiteral("--document"), QString::number(id)});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.count(QLatin1Char('\f')), 19); // 20 pages, separated by form feeds
        QVERIFY(text.out.contains(QStringLiteral("Baugebiete")));
        QVERIFY(text.out.contains(QStringLiteral("§")));
        const Run page = run({QStringLiteral("text"), QStringLiteral("--document"), QString::number(id), QStringLiteral("--page"), QStringLiteral("2")});
        QCOMPARE(page.exitCode, 0);
        QVERIFY(!page.out.contains(QLatin1Char('\f')));
        QVERIFY(text.out.contains(page.out.trimmed()));

        // "Gewerbegebieten" must meet "Gewerbegebiete" (stemming), and the answer is § 8.
        const Run search = run({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("--mode"), QStringLiteral("lexical"),
                                QStringLiteral("Welche Anlagen sind in Gewerbegebieten zulässig?")});
        QCOMPARE(search.exitCode, 0);
        const QJsonArray hits = search.json().array();
        QVERIFY(!hits.isEmpty());
        const QJsonObject first = hits.first().toObject();
        QCOMPARE(first.keys().contains(QStringLiteral("document")), true);
        for (const QString& key : {QStringLiteral("document"), QStringLiteral("name"), QStringLiteral("page"), QStringLiteral("score"),
                                   QStringLiteral("text")})
            QVERIFY2(first.contains(key), qPrintable(key));
        QCOMPARE(first[QStringLiteral("document")].toInteger(), id);
        QCOMPARE(first[QStringLiteral("name")].toString(), QStringLiteral("BauNVO_libreoffice.pdf"));
        QVERIFY(first[QStringLiteral("page")].toInt() >= 1);
        QVERIFY(first[QStringLiteral("text")].toString().contains(QStringLiteral("Gewerbegebiet")));
        // The page of the passage really holds its text.
        const Run pageText = run({QStringLiteral("text"), QStringLiteral("--document"), QString::number(id), QStringLiteral("--page"),
                                  QString::number(first[QStringLiteral("page")].toInt())});
        const QString firstWords = first[QStringLiteral("text")].toString().simplified().left(40);
        QVERIFY2(pageText.out.simplified().contains(firstWords), qPrintable(firstWords));
    }

    void importTwice_keepsOneDocument()
    {
        requireCorpus();
        const QString file = corpus(QStringLiteral("pdf/BauNVO_libreoffice.pdf"));
        const Run first = run({QStringLiteral("import"), file});
        const Run second = run({QStringLiteral("import"), file});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out, first.out);
        QCOMPARE(run({QStringLiteral("--json"), QStringLiteral("documents")}).json().array().size(), 1);
    }

    void importBatchWithBadFiles_importsTheGoodOnes()
    {
        requireCorpus();
        QTemporaryDir files;
        const QString empty = files.filePath(QStringLiteral("leer.pdf"));
        QFile(empty).open(QIODevice::WriteOnly);
        QFile source(corpus(QStringLiteral("pdf/FStrG_libreoffice.pdf")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        const QString cut = files.filePath(QStringLiteral("abgeschnitten.pdf"));
        QFile half(cut);
        QVERIFY(half.open(QIODevice::WriteOnly));
        half.write(bytes.left(bytes.size() / 3));
        half.close();
        const QString garbage = files.filePath(QStringLiteral("zufall.bin"));
        QFile binary(garbage);
        QVERIFY(binary.open(QIODevice::WriteOnly));
        binary.write(QByteArray(4096, '\x01') + QByteArray(4096, '\xfe'));
        binary.close();
        const QString good = corpus(QStringLiteral("pdf/BauNVO_libreoffice.pdf"));

        const Run imported = run({QStringLiteral("--json"), QStringLiteral("import"), empty, cut, good, garbage,
                                  files.filePath(QStringLiteral("fehlt.pdf"))});
        QCOMPARE(imported.exitCode, 2);
        const QJsonArray results = imported.json().array();
        QCOMPARE(results.size(), 5);
        QCOMPARE(results.at(2)[QStringLiteral("status")].toString(), QStringLiteral("ready"));
        QCOMPARE(results.at(2)[QStringLiteral("pages")].toInt(), 20);
        for (int i : {0, 1, 3, 4}) {
            QCOMPARE(results.at(i)[QStringLiteral("status")].toString(), QStringLiteral("failed"));
            QVERIFY(!results.at(i)[QStringLiteral("error")].toString().isEmpty());
        }
        // One sentence per bad file on stderr, none for the good one.
        QCOMPARE(imported.err.count(QStringLiteral("leer.pdf")), 1);
        QCOMPARE(imported.err.count(QStringLiteral("abgeschnitten.pdf")), 1);
        QCOMPARE(imported.err.count(QStringLiteral("zufall.bin")), 1);
        QCOMPARE(imported.err.count(QStringLiteral("fehlt.pdf")), 1);
        for (const QString& line : imported.err.split(QLatin1Char('\n'))) {
            if (line.contains(QStringLiteral("BauNVO_libreoffice.pdf")))
                QVERIFY2(line.contains(QStringLiteral(": page ")), qPrintable(line)); // progress only, no error
        }
    }

    void importWithCollection_capsTheClass()
    {
        requireCorpus();
        const Run first = run({QStringLiteral("import"), QStringLiteral("--collection"), QStringLiteral("Baurecht"),
                               QStringLiteral("--class"), QStringLiteral("normal"), corpus(QStringLiteral("pdf/BauNVO_libreoffice.pdf"))});
        QCOMPARE(first.exitCode, 0);
        const Run listed = run({QStringLiteral("--json"), QStringLiteral("documents"), QStringLiteral("--collection"), QStringLiteral("Baurecht")});
        QCOMPARE(listed.json().array().size(), 1);
        QCOMPARE(listed.json().array().first()[QStringLiteral("collections")].toArray().first().toString(), QStringLiteral("Baurecht"));

        // A high document does not fit a collection capped at normal: imported, not assigned.
        const Run high = run({QStringLiteral("import"), QStringLiteral("--collection"), QStringLiteral("Baurecht"), QStringLiteral("--class"),
                              QStringLiteral("high"), corpus(QStringLiteral("pdf/FStrG_libreoffice.pdf"))});
        QCOMPARE(high.exitCode, 3);
        QVERIFY(high.err.contains(QStringLiteral("Baurecht")));
        QCOMPARE(run({QStringLiteral("--json"), QStringLiteral("documents"), QStringLiteral("--collection"), QStringLiteral("Baurecht")})
                     .json().array().size(), 1);
        const QJsonArray open = run({QStringLiteral("--json"), QStringLiteral("documents"), QStringLiteral("--unassigned")}).json().array();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first()[QStringLiteral("class")].toString(), QStringLiteral("high"));

        // Search within the collection never returns the unassigned document.
        const Run search = run({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("--mode"), QStringLiteral("lexical"),
                                QStringLiteral("--collection"), QStringLiteral("Baurecht"), QStringLiteral("Bundesfernstraßen Baulast")});
        QCOMPARE(search.exitCode, 0);
        for (const QJsonValue& hit : search.json().array())
            QCOMPARE(hit[QStringLiteral("name")].toString(), QStringLiteral("BauNVO_libreoffice.pdf"));
        QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--collection"), QStringLiteral("Unbekannt"), QStringLiteral("x")}).exitCode, 2);
    }

    void importWithGateway_embedsOnlyWhatTheModelIsClearedFor()
    {
        requireCorpus();
        const int before = countEmbeddingRequests(m_sim->logEntries());
        const Run normal = run({QStringLiteral("import"), corpus(QStringLiteral("pdf/BauNVO_libreoffice.pdf"))}, true);
        QCOMPARE(normal.exitCode, 0);
        const int afterNormal = countEmbeddingRequests(m_sim->logEntries());
        QVERIFY(afterNormal > before);
        const qint64 id = normal.out.trimmed().toLongLong();
        QCOMPARE(documentById(id)[QStringLiteral("embedding")].toString(), QStringLiteral("done"));

        // very-high never leaves the machine: indexed lexically, no request at all.
        const Run secret = run({QStringLiteral("import"), QStringLiteral("--class"), QStringLiteral("very-high"),
                                corpus(QStringLiteral("pdf/FStrG_libreoffice.pdf"))}, true);
        QCOMPARE(secret.exitCode, 0);
        QCOMPARE(countEmbeddingRequests(m_sim->logEntries()), afterNormal);
        const qint64 secretId = secret.out.trimmed().toLongLong();
        QCOMPARE(documentById(secretId)[QStringLiteral("embedding")].toString(), QStringLiteral("skipped-class"));
        for (const QJsonObject& entry : m_sim->logEntries())
            QVERIFY(entry.value(QStringLiteral("protection_class")).toString() != QLatin1String("very-high"));

        const Run vector = run({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("--mode"), QStringLiteral("vector"),
                                QStringLiteral("Zulässigkeit von Anlagen im Gewerbegebiet")}, true);
        QCOMPARE(vector.exitCode, 0);
        const QJsonArray vectorHits = vector.json().array();
        QVERIFY(!vectorHits.isEmpty());
        for (const QJsonValue& hit : vectorHits)
            QCOMPARE(hit[QStringLiteral("document")].toInteger(), id); // only the embedded document has vectors
        const Run hybrid = run({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("Bundesfernstraßen")}, true);
        QCOMPARE(hybrid.exitCode, 0);
        QVERIFY(!hybrid.json().array().isEmpty());
        QCOMPARE(hybrid.json().array().first()[QStringLiteral("document")].toInteger(), secretId);
    }

    void killedImport_resumesWithoutDuplicates()
    {
        requireCorpus();
        const QString scan = corpus(QStringLiteral("scanned/scan_VwVfG_p2-9_300dpi_gray.pdf"));
        QProcess* process = startCli({QStringLiteral("import"), scan}, false);
        // Wait until some, not all, pages are stored, then kill without any chance to clean up.
        QString progress;
        const QRegularExpression storedPage(QStringLiteral("page [1-7] of 8"));
        QTRY_VERIFY_WITH_TIMEOUT((progress += QString::fromUtf8(process->readAllStandardError())).contains(storedPage)
                                     || process->state() == QProcess::NotRunning,
                                 120000);
        QVERIFY2(process->state() == QProcess::Running, "the import finished before it could be interrupted");
        // Searching and listing stay possible while the import writes.
        const Run during = run({QStringLiteral("--json"), QStringLiteral("documents")});
        QCOMPARE(during.exitCode, 0);
        QCOMPARE(during.json().array().first()[QStringLiteral("status")].toString(), QStringLiteral("reading"));
        QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--mode"), QStringLiteral("lexical"), QStringLiteral("Behörde")}).exitCode, 0);
        ::kill(static_cast<pid_t>(process->processId()), SIGKILL);
        QVERIFY(process->waitForFinished(10000));
        delete process;

        QCOMPARE(integrityOf(m_profile), QStringLiteral("ok")); // the kill left a consistent index
        const QJsonArray interrupted = run({QStringLiteral("--json"), QStringLiteral("documents")}).json().array();
        QCOMPARE(interrupted.size(), 1);
        const int storedBefore = qRound(interrupted.first()[QStringLiteral("progress")].toDouble() * 8);
        QVERIFY2(interrupted.first()[QStringLiteral("status")].toString() == QLatin1String("reading"),
                 qPrintable(interrupted.first()[QStringLiteral("status")].toString()));
        QVERIFY(storedBefore < 8);

        const Run resumed = run({QStringLiteral("--json"), QStringLiteral("import"), scan}, false, 300000);
        QCOMPARE(resumed.exitCode, 0);
        const QJsonObject document = resumed.json().array().first().toObject();
        QCOMPARE(document[QStringLiteral("status")].toString(), QStringLiteral("ready"));
        QCOMPARE(document[QStringLiteral("pages")].toInt(), 8);
        const qint64 id = document[QStringLiteral("id")].toInteger();
        const QString text = run({QStringLiteral("text"), QStringLiteral("--document"), QString::number(id)}).out;
        QCOMPARE(text.count(QLatin1Char('\f')), 7);
        QVERIFY(text.contains(QStringLiteral("Verwaltungs")));
        // The resumed import read only the missing pages: its progress starts where the kill left it.
        QVERIFY(storedBefore >= 1);
        QVERIFY2(resumed.err.contains(QStringLiteral("page %1 of 8").arg(storedBefore)), qPrintable(resumed.err));
        QVERIFY2(!resumed.err.contains(QStringLiteral("page 0 of 8")), qPrintable(resumed.err));
        QCOMPARE(run({QStringLiteral("--json"), QStringLiteral("documents")}).json().array().size(), 1);
        QCOMPARE(integrityOf(m_profile), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cliimport.moc"
