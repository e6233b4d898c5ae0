#include "postgrescluster.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace genius::tests {

namespace {

#ifndef GENIUS_POSTGRES_BINDIR
#define GENIUS_POSTGRES_BINDIR "/usr/lib/postgresql/15/bin"
#endif

/// A port nobody listens on right now (the server binds it a moment later; start() retries
/// when another process was quicker).
int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString tail(const QByteArray& log)
{
    return QString::fromUtf8(log.right(2000));
}

} // namespace

PostgresCluster::PostgresCluster()
    : m_binDir(qEnvironmentVariable("GENIUS_POSTGRES_BINDIR", QStringLiteral(GENIUS_POSTGRES_BINDIR)))
    , m_superuserPassword(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_asNobody(::geteuid() == 0)
{ }

PostgresCluster::~PostgresCluster()
{
    stop();
}

QStringList PostgresCluster::asServerUser(const QString& binary, const QStringList& arguments) const
{
    const QString program = m_binDir + QLatin1Char('/') + binary;
    if (!m_asNobody)
        return QStringList { program } + arguments;
    // setpriv execs the binary itself, so the process id QProcess sees is the server's.
    return QStringList { QStringLiteral("setpriv"), QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
        QStringLiteral("--clear-groups"), program }
    + arguments;
}

bool PostgresCluster::start()
{
    for (const char* binary : { "initdb", "postgres" }) {
        if (!QFileInfo(m_binDir + QLatin1Char('/') + QLatin1String(binary)).isExecutable()) {
            m_error
                = QStringLiteral("The PostgreSQL 15 server binaries are missing (%1/%2): install the Debian package "
                                 "postgresql-15 (scripts/debian-packages.txt) or set GENIUS_POSTGRES_BINDIR.")
                      .arg(m_binDir, QLatin1String(binary));
            return false;
        }
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        m_error = QStringLiteral("Qt's PostgreSQL driver is missing: install the Debian package libqt6sql6-psql.");
        return false;
    }
    if (!initialise())
        return false;
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (launch() && waitUntilReady())
            return true;
        stop();
    }
    return false;
}

bool PostgresCluster::initialise()
{
    // nobody must be able to reach the directory: under root, /tmp rather than a TMPDIR that
    // may sit in root's home.
    const QString base = m_asNobody ? QStringLiteral("/tmp") : QDir::tempPath();
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/genius-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("Cannot create a temporary directory for the cluster.");
        return false;
    }
    const QString passwordFile = m_dir->filePath(QStringLiteral("superuser-password"));
    QFile file(passwordFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_superuserPassword.toUtf8() + '\n') <= 0) {
        m_error = QStringLiteral("Cannot write the superuser's password file.");
        return false;
    }
    file.close();
    if (m_asNobody) {
        const passwd* nobody = ::getpwnam("nobody");
        const group* nogroup = ::getgrnam("nogroup");
        if (!nobody) {
            m_error = QStringLiteral("Running as root, but there is no user nobody to run PostgreSQL as.");
            return false;
        }
        const gid_t gid = nogroup ? nogroup->gr_gid : nobody->pw_gid;
        for (const QString& path : { m_dir->path(), passwordFile }) {
            if (::chown(QFile::encodeName(path).constData(), nobody->pw_uid, gid) != 0) {
                m_error = QStringLiteral("Cannot hand %1 to the user nobody.").arg(path);
                return false;
            }
        }
    }
    const QStringList command = asServerUser(QStringLiteral("initdb"),
        { QStringLiteral("--pgdata=") + m_dir->filePath(QStringLiteral("data")), QStringLiteral("--username=postgres"),
            QStringLiteral("--pwfile=") + passwordFile, QStringLiteral("--auth-host=scram-sha-256"),
            QStringLiteral("--auth-local=scram-sha-256"), QStringLiteral("--encoding=UTF8"),
            QStringLiteral("--locale=C.UTF-8"), QStringLiteral("--no-sync") });
    QProcess initdb;
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    initdb.setWorkingDirectory(m_dir->path());
    initdb.start(command.first(), command.mid(1));
    if (!initdb.waitForFinished(120000) || initdb.exitStatus() != QProcess::NormalExit || initdb.exitCode() != 0) {
        m_error = QStringLiteral("initdb failed: %1").arg(tail(initdb.readAll()));
        return false;
    }
    return true;
}

bool PostgresCluster::launch(bool samePort)
{
    if (!samePort || m_port == 0)
        m_port = freePort();
    const QStringList command = asServerUser(QStringLiteral("postgres"),
        { QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-p"), QString::number(m_port),
            QStringLiteral("-k"), m_dir->path(), QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
            QStringLiteral("-c"), QStringLiteral("fsync=off"), QStringLiteral("-c"),
            QStringLiteral("full_page_writes=off"), QStringLiteral("-c"), QStringLiteral("synchronous_commit=off"),
            QStringLiteral("-c"), QStringLiteral("log_statement=all"), QStringLiteral("-c"),
            QStringLiteral("logging_collector=off") });
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.setStandardOutputFile(m_dir->filePath(QStringLiteral("server.log")), QIODevice::Append);
    m_server.setWorkingDirectory(m_dir->path());
    m_server.start(command.first(), command.mid(1));
    if (!m_server.waitForStarted(10000)) {
        m_error = QStringLiteral("postgres did not start: %1").arg(m_server.errorString());
        return false;
    }
    return true;
}

bool PostgresCluster::waitUntilReady()
{
    const QString name = QStringLiteral("postgres-cluster-probe");
    bool ready = false;
    QString lastError;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setDatabaseName(QStringLiteral("postgres"));
        db.setUserName(superuser());
        db.setPassword(m_superuserPassword);
        db.setConnectOptions(QStringLiteral("connect_timeout=2"));
        const QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && m_server.state() == QProcess::Running) {
            if (db.open()) {
                ready = true;
                db.close();
                break;
            }
            lastError = db.lastError().text();
            QThread::msleep(100);
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!ready)
        m_error = QStringLiteral("The PostgreSQL server did not accept connections (%1). Its log: %2")
                      .arg(lastError, tail(serverLog()));
    return ready;
}

bool PostgresCluster::restart()
{
    if (!m_dir)
        return start();
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (launch(true) && waitUntilReady())
            return true;
        stop();
    }
    return false;
}

void PostgresCluster::stop()
{
    if (m_server.state() != QProcess::NotRunning) {
        // SIGINT: fast shutdown (disconnects clients, no waiting for them).
        ::kill(static_cast<pid_t>(m_server.processId()), SIGINT);
        if (!m_server.waitForFinished(30000)) {
            m_server.kill();
            m_server.waitForFinished(5000);
        }
    }
}

QString PostgresCluster::url(const QString& user, const QString& password, const QString& database) const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setUserName(user);
    url.setPassword(password);
    url.setPath(QLatin1Char('/') + database);
    return url.toString(QUrl::FullyEncoded);
}

QString PostgresCluster::urlWithoutPassword(const QString& user, const QString& database) const
{
    return url(user, QString(), database);
}

bool PostgresCluster::superuserExec(const QStringList& statements, const QString& database)
{
    const QString name = QStringLiteral("postgres-cluster-superuser");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(superuser());
        db.setPassword(m_superuserPassword);
        if (!db.open()) {
            m_error = db.lastError().text();
            ok = false;
        }
        for (const QString& statement : statements) {
            if (!ok)
                break;
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                m_error = QStringLiteral("%1: %2").arg(statement, query.lastError().text());
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QByteArray PostgresCluster::serverLog() const
{
    if (!m_dir)
        return {};
    QFile log(m_dir->filePath(QStringLiteral("server.log")));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

} // namespace genius::tests
