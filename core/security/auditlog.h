#pragma once

#include "core/common/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace genius::security {

/// What leaves the machine, as the audit log records it. Content is never part of it
/// unless the administrator sets audit/contentLevel=content.
struct AuditRecord {
    QString endpoint;        ///< e.g. "/chat/completions"
    QString model;
    QString protectionClass; ///< none, normal, high
    QStringList documentIds;
    QString requestId;       ///< our X-Request-ID
};

/// How a recorded request ended.
struct AuditCompletion {
    qint64 sequence = 0;     ///< the sequence number `begin` returned
    QString outcome;         ///< "completed", "failed:<kind>", "cancelled", "truncated"
    std::optional<qint64> promptTokens;     ///< unknown stays unknown
    std::optional<qint64> completionTokens;
    QString gatewayRequestId; ///< the gateway's own id, when it sent one
};

/// The result of `verify`: where the chain breaks, if it does.
struct AuditVerification {
    bool intact = true;
    qint64 entries = 0;
    qint64 brokenAtLine = 0; ///< 1-based line of the first bad entry; 0 when intact
    QString reason;
};

/// A hash-chained, append-only log of every outbound request (JSON lines). Each entry holds
/// the SHA-256 of the previous entry and its own, so editing, deleting or reordering an
/// entry breaks the chain at that line. Appends are serialised across processes with a
/// lock file; each line is flushed before the request is sent.
class AuditLog final
{
public:
    /// `user` is recorded in every entry (the operating-system account by default).
    explicit AuditLog(QString path, QString user = defaultUser());

    /// Records a request before its first byte leaves. Returns the entry's sequence number.
    common::Result<qint64> begin(const AuditRecord& record);
    /// Records how the request ended (tokens, gateway request id).
    common::Result<qint64> complete(const AuditCompletion& completion);

    AuditVerification verify() const;
    /// All entries as one JSON array (for `genius-cli audit export`).
    common::Result<QByteArray> exportJson() const;

    QString path() const { return m_path; }
    static QString defaultUser();

private:
    common::Result<qint64> append(QJsonObject entry);
    QString headPath() const;

    QString m_path;
    QString m_user;
};

} // namespace genius::security
