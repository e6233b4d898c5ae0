#pragma once

#include "app/cli/command.h"
#include "core/domain/protectionclass.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

#include <memory>

namespace genius::import {
class ImportQueue;
}
namespace genius::sharedstore {
class StoreConnection;
}

namespace genius::cli {

class IndexSession;

/// `import [--collection NAME] [--class C] FILE...`: imports and preprocesses the files,
/// progress on stderr, one id per document on stdout. Ctrl+C cancels (exit 7); running the
/// same command again resumes an interrupted import. With a shared store configured and a
/// collection named, each imported document is then published into the store's collection of
/// the user's tenant (one transaction per document; sharedstore/storepublisher.h).
class ImportCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)

public:
    ImportCommand();
    ~ImportCommand() override;
    QString name() const override { return QStringLiteral("import"); }
    QString summary() const override;
    QString usage() const override;
    void run(CommandContext& context, const QStringList& arguments, Done done) override;

private:
    struct FileState {
        QString path;
        qint64 id = 0;
        QString error;
        ExitCode exit = ExitCode::Success;
        int lastReported = -1;
        bool published = false;
    };
    void start(CommandContext& context, Done done);
    void report(CommandContext& context, Done done);
    /// Publishes one ready document into the store; fills `object` for --json.
    void publish(const Output& output, FileState& file, QJsonObject& object);

    std::unique_ptr<IndexSession> m_session;
    std::unique_ptr<import::ImportQueue> m_queue;
    std::unique_ptr<sharedstore::StoreConnection> m_store; ///< set when publishing
    QList<FileState> m_files;
    QString m_collection;
    domain::ProtectionClass m_class = domain::ProtectionClass::Normal;
    bool m_cancelled = false;
    bool m_reported = false;
};

} // namespace genius::cli
