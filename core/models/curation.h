#pragma once

#include "core/common/error.h"
#include "core/domain/protectionclass.h"
#include "core/index/documentrecord.h"
#include "core/models/collectionlistmodel.h"
#include "core/models/documenttablemodel.h"

#include <QObject>
#include <QStringList>

#include <memory>

namespace genius::import {
class ImportQueue;
}

namespace genius::index {
class IndexDatabase;
}

namespace genius::models {

class ImportProgressBinding;

/// The data manager's work on one index: the document and collection models a view shows,
/// kept current (live import progress included), and every action on them. Each action
/// changes the database first and the models after, so the models never show a state the
/// database does not hold. Lives on the GUI thread, like the queue.
class Curation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Curation)

public:
    /// A file or document an action could not handle, with the reason.
    struct Problem {
        QString subject; ///< the file path or the document's name
        common::Error error;
    };
    struct ImportOutcome {
        QList<qint64> ids; ///< documents queued (or found known), in the order of the files
        QList<Problem> problems;
    };
    struct AssignOutcome {
        QList<qint64> changed; ///< documents whose assignment changed
        QList<Problem> problems; ///< e.g. a document above the collection's class
    };

    Curation(index::IndexDatabase& database, import::ImportQueue& queue, QObject* parent = nullptr);
    ~Curation() override;

    DocumentTableModel& documents() { return m_documents; }
    CollectionListModel& collections() { return m_collections; }

    /// Reads documents and collections again, e.g. after the command line changed them.
    common::Result<void> reload();

    /// Queues files for import with one protection class.
    ImportOutcome importFiles(const QStringList& paths, domain::ProtectionClass cls);
    common::Result<void> retry(qint64 documentId);
    void cancel(qint64 documentId);
    /// Cancels a running import and deletes the document with its pages, passages and
    /// assignments (the source file stays where it is).
    common::Result<void> remove(qint64 documentId);

    common::Result<index::CollectionRecord> createCollection(
        const QString& name, domain::ProtectionClass cls, const QString& description = {}, const QString& tenant = {});
    common::Result<void> renameCollection(const QString& name, const QString& newName);
    common::Result<void> describeCollection(const QString& name, const QString& description);
    /// Sets the tenant (Mandant: the authority or office) of a collection.
    common::Result<void> setTenant(const QString& name, const QString& tenant);
    /// Deletes a collection; its documents stay.
    common::Result<void> removeCollection(const QString& name);
    common::Result<void> setPublished(const QString& name, bool published);

    /// Assigns documents to a collection; a document above the collection's class is refused
    /// alone (ErrorCode::Refused) while the others are assigned.
    AssignOutcome assign(const QList<qint64>& documentIds, const QString& collection);
    AssignOutcome unassign(const QList<qint64>& documentIds, const QString& collection);

private:
    void refreshDocument(qint64 id);
    void refreshCollections();
    QString nameOf(qint64 documentId) const;

    index::IndexDatabase& m_database;
    import::ImportQueue& m_queue;
    DocumentTableModel m_documents;
    CollectionListModel m_collections;
    std::unique_ptr<ImportProgressBinding> m_binding;
};

} // namespace genius::models
