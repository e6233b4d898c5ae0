#include "core/security/auditlog.h"

#include "core/security/securitylogging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>

namespace genius::security {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

// Version history of the entry format:
// 1: {v, seq, time, user, kind: request|completion, ..., prev, hash}
constexpr int kFormatVersion = 1;
const QString kGenesis = QString(64, QLatin1Char('0'));

QByteArray canonical(const QJsonObject& entry)
{
    // QJsonObject keeps keys sorted, so the compact form is canonical.
    return QJsonDocument(entry).toJson(QJsonDocument::Compact);
}

QString chainHash(const QString& previous, const QJsonObject& entryWithoutHash)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previous.toLatin1());
    hash.addData(QByteArrayView("\n"));
    hash.addData(canonical(entryWithoutHash));
    return QString::fromLatin1(hash.result().toHex());
}

void putTokens(QJsonObject& entry, const char* name, const std::optional<qint64>& value)
{
    entry.insert(QLatin1String(name), value ? QJsonValue(static_cast<double>(*value)) : QJsonValue());
}

struct Tail {
    qint64 sequence = 0;
    QString hash = kGenesis;
};

// The last entry's sequence and hash; reads the file backwards only as far as needed.
Result<Tail> readTail(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return Tail{};
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, QStringLiteral("Cannot read the audit log %1: %2").arg(path, file.errorString()));
    const qint64 size = file.size();
    qint64 window = 4096;
    while (true) {
        const qint64 start = std::max<qint64>(0, size - window);
        file.seek(start);
        const QByteArray bytes = file.read(size - start);
        const QList<QByteArray> lines = bytes.trimmed().split('\n');
        if (lines.size() >= 2 || start == 0) {
            const QByteArray last = lines.last();
            if (last.isEmpty())
                return Tail{};
            const QJsonObject entry = QJsonDocument::fromJson(last).object();
            if (entry.isEmpty())
                return fail(ErrorCode::Corrupt,
                            QStringLiteral("The last entry of the audit log %1 is damaged; run 'genius-cli audit verify'.").arg(path));
            return Tail{static_cast<qint64>(entry.value(QLatin1String("seq")).toDouble()),
                        entry.value(QLatin1String("hash")).toString()};
        }
        window *= 4;
    }
}

} // namespace

AuditLog::AuditLog(QString path, QString user)
    : m_path(std::move(path))
    , m_user(std::move(user))
{
}

QString AuditLog::defaultUser()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

Result<qint64> AuditLog::begin(const AuditRecord& record)
{
    QJsonObject entry;
    entry.insert(QLatin1String("kind"), QStringLiteral("request"));
    entry.insert(QLatin1String("endpoint"), record.endpoint);
    entry.insert(QLatin1String("model"), record.model);
    entry.insert(QLatin1String("class"), record.protectionClass);
    entry.insert(QLatin1String("documents"), QJsonArray::fromStringList(record.documentIds));
    entry.insert(QLatin1String("request_id"), record.requestId);
    return append(entry);
}

Result<qint64> AuditLog::complete(const AuditCompletion& completion)
{
    QJsonObject entry;
    entry.insert(QLatin1String("kind"), QStringLiteral("completion"));
    entry.insert(QLatin1String("refers_to"), static_cast<double>(completion.sequence));
    entry.insert(QLatin1String("outcome"), completion.outcome);
    putTokens(entry, "prompt_tokens", completion.promptTokens);
    putTokens(entry, "completion_tokens", completion.completionTokens);
    entry.insert(QLatin1String("gateway_request_id"), completion.gatewayRequestId);
    return append(entry);
}

Result<qint64> AuditLog::append(QJsonObject entry)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(5000))
        return fail(ErrorCode::Unavailable, QStringLiteral("The audit log %1 is locked by another process.").arg(m_path));
    auto tail = readTail(m_path);
    if (!tail)
        return std::unexpected(tail.error());
    entry.insert(QLatin1String("v"), kFormatVersion);
    entry.insert(QLatin1String("seq"), static_cast<double>(tail->sequence + 1));
    entry.insert(QLatin1String("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    entry.insert(QLatin1String("user"), m_user);
    entry.insert(QLatin1String("prev"), tail->hash);
    entry.insert(QLatin1String("hash"), chainHash(tail->hash, entry));

    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the audit log %1: %2").arg(m_path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray line = canonical(entry) + '\n';
    if (file.write(line) != line.size() || !file.flush())
        return fail(ErrorCode::Io, QStringLiteral("Cannot write the audit log %1: %2").arg(m_path, file.errorString()));
    file.close();
    // The head file remembers the newest entry, so removing entries from the end shows too.
    QFile head(headPath());
    if (!head.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || head.write(QByteArray::number(tail->sequence + 1) + ' ' + entry.value(QLatin1String("hash")).toString().toLatin1())
            < 0)
        return fail(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(headPath(), head.errorString()));
    return tail->sequence + 1;
}

QString AuditLog::headPath() const
{
    return m_path + QStringLiteral(".head");
}

AuditVerification AuditLog::verify() const
{
    AuditVerification result;
    QFile file(m_path);
    if (!file.exists())
        return result;
    if (!file.open(QIODevice::ReadOnly)) {
        return {false, 0, 1, QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString())};
    }
    QString previous = kGenesis;
    qint64 line = 0;
    while (!file.atEnd()) {
        const QByteArray bytes = file.readLine();
        ++line;
        const auto broken = [&](const QString& reason) {
            return AuditVerification{false, result.entries, line, reason};
        };
        QJsonParseError error{};
        QJsonObject entry = QJsonDocument::fromJson(bytes, &error).object();
        if (error.error != QJsonParseError::NoError || entry.isEmpty())
            return broken(QStringLiteral("line %1 is not a valid entry").arg(line));
        const QString stored = entry.take(QLatin1String("hash")).toString();
        if (entry.value(QLatin1String("prev")).toString() != previous)
            return broken(QStringLiteral("line %1 does not follow the entry before it (deleted or reordered)").arg(line));
        if (static_cast<qint64>(entry.value(QLatin1String("seq")).toDouble()) != line)
            return broken(QStringLiteral("line %1 has sequence number %2").arg(line).arg(entry.value(QLatin1String("seq")).toDouble()));
        if (chainHash(previous, entry) != stored)
            return broken(QStringLiteral("line %1 was changed after it was written").arg(line));
        previous = stored;
        ++result.entries;
    }
    QFile head(headPath());
    if (head.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = head.readAll().trimmed().split(' ');
        const qint64 headSequence = parts.value(0).toLongLong();
        if (headSequence > result.entries)
            return {false, result.entries, result.entries + 1,
                    QStringLiteral("entries %1 to %2 were removed from the end").arg(result.entries + 1).arg(headSequence)};
        if (headSequence == result.entries && QString::fromLatin1(parts.value(1)) != previous)
            return {false, result.entries, result.entries,
                    QStringLiteral("line %1 is not the entry that was written last").arg(result.entries)};
    }
    return result;
}

Result<QByteArray> AuditLog::exportJson() const
{
    QFile file(m_path);
    QJsonArray entries;
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Io, QStringLiteral("Cannot read the audit log %1: %2").arg(m_path, file.errorString()));
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (!line.isEmpty())
                entries.append(QJsonDocument::fromJson(line).object());
        }
    }
    return QJsonDocument(entries).toJson(QJsonDocument::Indented);
}

} // namespace genius::security
