#pragma once

#include <QFile>
#include <QString>
#include <QStringList>

#include <optional>

namespace genius::sim {

/// What the log records about one gateway request; never the key itself.
struct LogEntry {
    QString method;
    QString path;
    int status = 0; ///< 0: no response was sent (silent, closed)
    QString model;
    QString protectionClass;
    QString auth = QStringLiteral("none"); ///< bearer | api-key | none
    QString keyId;
    QString requestId;
    QString userAgent;
    std::optional<bool> stream;
    QString fault;
    QStringList schemaErrors;
    qint64 bodyBytes = 0;
    QByteArray body; ///< written only with --log-bodies
};

/// Appends one JSON object per request to a file (JSONL), flushed at once so that tests can
/// read it while the simulator runs. Without a path it does nothing.
class RequestLog final
{
public:
    RequestLog(const QString& path, bool logBodies);

    /// Opens the file for appending; false (with a reason) if that fails.
    bool open(QString* error);
    void write(const LogEntry& entry);

private:
    QFile m_file;
    bool m_logBodies;
};

} // namespace genius::sim
