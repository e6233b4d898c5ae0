#include "integration/store/storetestsupport.h"

#include "core/sharedstore/storeaddress.h"
#include "integration/store/postgrescluster.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace genius::tests {

QJsonObject CliRun::object() const
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

QJsonArray CliRun::array() const
{
    return QJsonDocument::fromJson(out.toUtf8()).array();
}

bool CliRun::shows(const QString& secret) const
{
    return out.contains(secret) || err.contains(secret);
}

QByteArray CliRun::why() const
{
    return u"exit %1: %2%3"_s.arg(exitCode).arg(err, out).toUtf8();
}

std::unique_ptr<QProcess> startCli(const CliSetup& setup, const QStringList& arguments, const QByteArray& input)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, setup.home);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    // Only the test decides which password libpq sees.
    environment.remove(u"PGPASSWORD"_s);
    for (const QString& name : setup.removed)
        environment.remove(name);
    if (!setup.pgPassword.isEmpty())
        environment.insert(u"PGPASSWORD"_s, setup.pgPassword);
    for (const QString& name : setup.extra.keys())
        environment.insert(name, setup.extra.value(name));

    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment);
    process->start(setup.program, arguments);
    process->write(input);
    process->closeWriteChannel();
    return process;
}

CliRun finishCli(QProcess& process)
{
    CliRun result;
    if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

CliRun runCli(const CliSetup& setup, const QStringList& arguments, const QByteArray& input)
{
    return finishCli(*startCli(setup, arguments, input));
}

bool startStoreServer(PostgresCluster& cluster, const QString& adminPassword)
{
    return cluster.start()
        && cluster.superuserExec({ u"CREATE ROLE store_admin LOGIN CREATEROLE PASSWORD '%1'"_s.arg(adminPassword),
            u"CREATE DATABASE genius OWNER store_admin"_s });
}

QString storeAdminUrl(const PostgresCluster& cluster, const QString& adminPassword)
{
    return cluster.url(u"store_admin"_s, adminPassword, u"genius"_s);
}

QList<StoreGrant> aachenAndBorken()
{
    return {
        { QStringLiteral("anna"), QStringLiteral("Stadt Aachen"), QStringLiteral("data-manager") },
        { QStringLiteral("sven"), QStringLiteral("Stadt Aachen"), QStringLiteral("staff") },
        { QStringLiteral("bert"), QStringLiteral("Kreis Borken"), QStringLiteral("data-manager") },
    };
}

common::Result<std::unique_ptr<sharedstore::StoreConnection>> setUpStore(PostgresCluster& cluster,
    const CliSetup& setup, const QString& adminProfile, const QString& adminPassword, const QList<StoreGrant>& grants,
    const QString& userPassword)
{
    if (!startStoreServer(cluster, adminPassword))
        return common::fail(common::ErrorCode::Unavailable, cluster.error());
    const QString adminUrl = storeAdminUrl(cluster, adminPassword);
    const QStringList asAdmin { u"--profile"_s, adminProfile, u"--store"_s, adminUrl, u"store"_s };
    const CliRun init = runCli(setup, asAdmin + QStringList { u"init"_s });
    if (init.exitCode != 0)
        return common::fail(common::ErrorCode::Unavailable, u"store init: "_s + QString::fromUtf8(init.why()));
    for (const StoreGrant& grant : grants) {
        // The password on standard input, so that it is not in the process list either.
        const CliRun granted = runCli(setup,
            asAdmin
                + QStringList { u"grant"_s, grant.user, u"--tenant"_s, grant.tenant, u"--role"_s, grant.role,
                    u"--password"_s, u"-"_s },
            userPassword.toUtf8() + '\n');
        if (granted.exitCode != 0)
            return common::fail(common::ErrorCode::Unavailable,
                u"store grant %1: "_s.arg(grant.user) + QString::fromUtf8(granted.why()));
    }
    return openStore(adminUrl);
}

common::Result<std::unique_ptr<sharedstore::StoreConnection>> openStore(const QString& url)
{
    const auto address = sharedstore::parseStoreUrl(url);
    if (!address)
        return std::unexpected(address.error());
    return sharedstore::StoreConnection::open(*address);
}

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QString sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
}

} // namespace genius::tests
