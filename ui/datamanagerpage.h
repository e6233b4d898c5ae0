#pragma once

#include <QWidget>

class QAbstractItemView;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QUndoStack;

namespace genius::models {
class Curation;
class DocumentFilterProxy;
}
namespace genius::services {
class SharedStoreService;
}

namespace genius::ui {

class SharedStoreBar;

/// The data-manager view: three panes (collections, documents, the assignment area with
/// drag and drop, multi-select and undo) above the "Offene Zuordnung" table and the
/// "Status Upload & Pre-Processing" table with live progress and retry / cancel / remove.
/// Staff (`canManage` false) see the published collections and their documents read-only,
/// and none of the actions.
class DataManagerPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataManagerPage)

public:
    /// `curation` must outlive the page.
    DataManagerPage(models::Curation& curation, bool canManage, QWidget* parent = nullptr);
    ~DataManagerPage() override;

    bool canManage() const { return m_canManage; }
    /// The collection selected in the collections pane, or an empty name.
    QString currentCollection() const;
    /// Selects a collection by name; false when there is none (for staff: none published).
    bool selectCollection(const QString& name);
    QUndoStack& undoStack() { return *m_undo; }

    /// Imports files with the class chosen beside the import button.
    void importFiles(const QStringList& paths);
    /// Assigns documents to a collection (one undo step); reports refusals in the message line.
    void assignDocuments(const QList<qint64>& ids, const QString& collection);
    /// Takes documents out of a collection (one undo step).
    void unassignDocuments(const QList<qint64>& ids, const QString& collection);
    /// Reads the index again (e.g. after the command line changed it).
    void reload();
    /// Offers syncing with the shared store and, for data managers, publishing the selected
    /// collection into it; `store` must outlive the page. Changes of a shared collection's copy
    /// (rename, publish, delete, assignments) then go to the store, which decides; without the
    /// store such copies are read-only.
    void setSharedStore(services::SharedStoreService& store);

    /// The last message shown under the heading (what an action did or why it could not).
    QString message() const;

private:
    QWidget* createCollectionsPane();
    QWidget* createDocumentsPane();
    QWidget* createAssignmentPane();
    QWidget* createOpenAssignmentsTable();
    QWidget* createStatusTable();
    QTableView* createDocumentTable(const QString& objectName, const QString& accessibleName,
                                    QSortFilterProxyModel& proxy, const QList<int>& columns);
    QPushButton* createButton(const QString& text, const QString& objectName, const QString& description);

    void chooseFiles();
    void createCollection();
    void editCollection();
    void deleteCollection();
    void togglePublished();
    void assignSelected(QAbstractItemView* from);
    void unassignSelected();
    void retrySelected();
    void cancelSelected();
    void removeSelected();
    void updateCollectionState();
    void updateDocumentButtons();
    /// The selected collection is a copy of the shared store's (read-only without the store).
    bool currentIsShared() const;
    /// `collection` is a copy of the shared store's and the store is at hand: changes go there.
    bool changesGoToStore(const QString& collection) const;
    void showMessage(const QString& text);

    QList<qint64> selectedIds(const QAbstractItemView* view) const;
    bool confirm(const QString& title, const QString& question);

    models::Curation& m_curation;
    bool m_canManage = false;
    QUndoStack* m_undo = nullptr;
    QLabel* m_message = nullptr;

    QSortFilterProxyModel* m_collectionProxy = nullptr;
    QListView* m_collectionList = nullptr;
    QLabel* m_collectionInfo = nullptr;
    QWidget* m_collectionsPane = nullptr;
    SharedStoreBar* m_storeBar = nullptr;
    services::SharedStoreService* m_store = nullptr; ///< with setSharedStore() only
    QPushButton* m_newCollection = nullptr;
    QPushButton* m_editCollection = nullptr;
    QPushButton* m_deleteCollection = nullptr;
    QPushButton* m_publish = nullptr;

    models::DocumentFilterProxy* m_allProxy = nullptr;
    QTableView* m_documentTable = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_importClass = nullptr;
    QPushButton* m_import = nullptr;

    models::DocumentFilterProxy* m_assignedProxy = nullptr;
    QTableView* m_assignedTable = nullptr;
    QLabel* m_assignedTitle = nullptr;
    QPushButton* m_assign = nullptr;
    QPushButton* m_unassign = nullptr;
    QPushButton* m_undoButton = nullptr;
    QPushButton* m_redoButton = nullptr;

    models::DocumentFilterProxy* m_openProxy = nullptr;
    QTableView* m_openTable = nullptr;
    QPushButton* m_assignOpen = nullptr;

    models::DocumentFilterProxy* m_statusProxy = nullptr;
    QTableView* m_statusTable = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace genius::ui
