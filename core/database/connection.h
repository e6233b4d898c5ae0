#pragma once

#include "core/common/error.h"

#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace genius::database {

/// One connection to an SQLite file, set up the way every store of the application uses
/// SQLite: its own uniquely named Qt connection, a busy timeout (the desktop app and
/// genius-cli may share the file and wait for a writer instead of failing), WAL,
/// synchronous NORMAL and foreign keys. Removed from Qt's registry when destroyed, so every
/// copy of db() must be gone by then.
class Connection final
{
public:
    /// Runs on the open handle before the pragmas (e.g. to register an FTS5 tokenizer).
    using Prepare = std::function<common::Result<void>(QSqlDatabase&)>;

    /// `label` names the file in errors ("index database"), `prefix` the Qt connection.
    static common::Result<std::unique_ptr<Connection>> open(const QString& path, const QString& label,
                                                            const QString& prefix, const Prepare& prepare = {});
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    QSqlDatabase db() const { return m_db; }
    /// Runs one statement; the error names the file and the statement's first words.
    common::Result<void> exec(const QString& sql) const;

private:
    Connection(QSqlDatabase db, QString label);

    QSqlDatabase m_db;
    QString m_label;
};

} // namespace genius::database
