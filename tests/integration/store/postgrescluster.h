#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace genius::tests {

/// A throwaway PostgreSQL 15 cluster for one test executable: initdb in a temporary directory,
/// postgres on 127.0.0.1 at a free port with its socket in that directory, SCRAM password
/// authentication, fsync off. postgres refuses to run as root, so under root (CI) initdb and
/// postgres run as the user nobody and the directory is handed to it. Stopped (fast shutdown)
/// and removed by stop() or the destructor. Every statement is logged (log_statement = all), so
/// tests can check what reached the server.
class PostgresCluster final
{
public:
    PostgresCluster();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    /// Creates and starts the cluster; false with error() when the binaries are missing (the
    /// Debian package postgresql-15) or the server does not come up.
    bool start();
    void stop();
    /// Starts the stopped server again on its data and port (the store back after an outage).
    bool restart();
    QString error() const { return m_error; }

    int port() const { return m_port; }
    static QString superuser() { return QStringLiteral("postgres"); }
    QString superuserPassword() const { return m_superuserPassword; }
    /// postgresql://user:password@127.0.0.1:port/database (the password percent-encoded).
    QString url(const QString& user, const QString& password, const QString& database) const;
    /// The same without the password.
    QString urlWithoutPassword(const QString& user, const QString& database) const;
    /// Runs statements as the superuser on `database`; false with error() on the first failure.
    bool superuserExec(const QStringList& statements, const QString& database = QStringLiteral("postgres"));
    /// The server's log (stderr of postgres) so far.
    QByteArray serverLog() const;

private:
    bool initialise();
    /// Starts postgres on a free port, or on the last one with `samePort`.
    bool launch(bool samePort = false);
    bool waitUntilReady();
    /// The command that runs a server binary, as nobody when this process is root.
    QStringList asServerUser(const QString& binary, const QStringList& arguments) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_server;
    QString m_binDir;
    QString m_superuserPassword;
    QString m_error;
    int m_port = 0;
    bool m_asNobody = false;
};

} // namespace genius::tests
