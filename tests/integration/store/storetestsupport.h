#pragma once

// What the shared-store integration tests share: genius-cli run in a controlled environment, and
// a store set up with its administrator and users on a PostgresCluster (postgrescluster.h).

#include "core/common/error.h"
#include "core/sharedstore/storeconnection.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

namespace genius::tests {

class PostgresCluster;

/// What one genius-cli run printed and how it ended.
struct CliRun {
    int exitCode = -1; ///< -1 when it did not finish in time or crashed
    QString out;
    QString err;

    QJsonObject object() const;
    QJsonArray array() const;
    /// True when `secret` is in either output.
    bool shows(const QString& secret) const;
    /// For failure messages: the exit code and what was printed.
    QByteArray why() const;
};

/// How the store tests start genius-cli: the binary (the test target's GENIUS_CLI_PATH), HOME
/// (the test's temporary directory) and the environment around it. LC_ALL is C.UTF-8; PGPASSWORD
/// is `pgPassword`, or not set at all when that is empty. Every member has an initialiser, so a
/// test names only the ones it needs: `{ GENIUS_CLI_PATH, home, password }`.
struct CliSetup {
    QString program {};
    QString home {};
    QString pgPassword {};
    /// Taken out of the system environment: no gateway key, no Secret Service, unless a test wants them.
    QStringList removed = { QStringLiteral("GENIUS_API_KEY"), QStringLiteral("DBUS_SESSION_BUS_ADDRESS") };
    /// Set last, over everything else.
    QProcessEnvironment extra {};
};

/// Starts genius-cli with `arguments`, writes `input` to its standard input and closes it; for
/// tests that run two at once. finishCli() waits for it.
std::unique_ptr<QProcess> startCli(const CliSetup& setup, const QStringList& arguments, const QByteArray& input = {});
/// Waits (two minutes at most) for a started genius-cli and collects what it printed.
CliRun finishCli(QProcess& process);
/// startCli() and finishCli() in one.
CliRun runCli(const CliSetup& setup, const QStringList& arguments, const QByteArray& input = {});

/// A user `store grant` creates or changes.
struct StoreGrant {
    QString user;
    QString tenant;
    QString role; ///< as genius-cli spells it: data-manager, staff
};

/// The passwords of the store most tests set up: its administrator's, and the one every user of
/// aachenAndBorken() is granted with. Tests about passwords themselves choose their own.
inline const QString AdminPassword = QStringLiteral("Verwaltung-Geheim-42");
inline const QString UserPassword = QStringLiteral("Datenpflege-2026");

/// The users most store tests work with: anna (data manager) and sven (staff) of "Stadt Aachen",
/// and bert (data manager) of "Kreis Borken".
QList<StoreGrant> aachenAndBorken();

/// Starts `cluster` and sets up the store's server as the README does: the role store_admin
/// (`adminPassword`, may create roles) and the database genius it owns. false with cluster.error().
bool startStoreServer(PostgresCluster& cluster, const QString& adminPassword);
/// postgresql://store_admin:adminPassword@…/genius of `cluster`.
QString storeAdminUrl(const PostgresCluster& cluster, const QString& adminPassword);
/// A store as the README sets one up, for one test executable: startStoreServer(), then as the
/// administrator `genius-cli --profile ADMIN-PROFILE --store ADMIN-URL store init` and `store
/// grant` of each of `grants` with `userPassword` (on standard input). The administrator's
/// connection, or what failed (the command with its exit code and output).
common::Result<std::unique_ptr<sharedstore::StoreConnection>> setUpStore(PostgresCluster& cluster,
    const CliSetup& setup, const QString& adminProfile, const QString& adminPassword, const QList<StoreGrant>& grants,
    const QString& userPassword);
/// A connection to the store at `url` (with its password), for checking what reached the server.
common::Result<std::unique_ptr<sharedstore::StoreConnection>> openStore(const QString& url);

/// Writes `content` to `path`, replacing it; false when that fails.
bool writeFile(const QString& path, const QByteArray& content);
/// The hex SHA-256 of a file's content, empty when it cannot be read.
QString sha256OfFile(const QString& path);

} // namespace genius::tests
