#include "ui/datamanagerpage.h"

#include "core/models/curation.h"
#include "core/models/documentfilterproxy.h"
#include "core/models/documentlabels.h"
#include "core/services/sharedstoreservice.h"
#include "ui/assignmentcommand.h"
#include "ui/collectiondialog.h"
#include "ui/documentdelegates.h"
#include "ui/documentdrop.h"
#include "ui/pageheading.h"
#include "ui/viewid.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace genius::ui {

using index::DocumentStatus;
using models::CollectionListModel;
using models::DocumentFilterProxy;
using models::DocumentTableModel;

namespace {

/// Joins the problems of an action into one message: "a.pdf: reason; b.pdf: reason".
QString problemText(const QList<models::Curation::Problem>& problems)
{
    QStringList parts;
    for (const auto& problem : problems)
        parts.append(problem.subject + QStringLiteral(": ") + problem.error.detail);
    return parts.join(QStringLiteral("; "));
}

DocumentStatus statusOf(const QModelIndex& index)
{
    return static_cast<DocumentStatus>(index.data(DocumentTableModel::StatusRole).toInt());
}

bool canRetry(DocumentStatus status)
{
    return status == DocumentStatus::Failed || status == DocumentStatus::Cancelled;
}

} // namespace

DataManagerPage::DataManagerPage(models::Curation& curation, bool canManage, QWidget* parent)
    : QWidget(parent)
    , m_curation(curation)
    , m_canManage(canManage)
    , m_undo(new QUndoStack(this))
{
    auto* heading = createPageHeading(viewTitle(ViewId::DataManager), this);

    auto* intro = new QLabel(
        canManage ? tr("Import documents, set their protection class and assign them to collections by "
                       "dragging them onto a collection or with the buttons. Ctrl+Z undoes an assignment.")
                  : tr("Your role is staff: you see the published collections and their documents. "
                       "Data managers look after them."),
        this);
    intro->setObjectName(QStringLiteral("roleNote"));
    intro->setWordWrap(true);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("dataManagerMessage"));
    m_message->setAccessibleName(tr("Result of the last action"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* panes = new QSplitter(Qt::Horizontal, this);
    panes->setObjectName(QStringLiteral("dataManagerPanes"));
    panes->addWidget(createCollectionsPane());
    if (canManage)
        panes->addWidget(createDocumentsPane());
    panes->addWidget(createAssignmentPane());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 12);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    if (canManage) {
        auto* tables = new QSplitter(Qt::Horizontal, this);
        tables->addWidget(createOpenAssignmentsTable());
        tables->addWidget(createStatusTable());
        tables->setStretchFactor(0, 2);
        tables->setStretchFactor(1, 3);
        auto* vertical = new QSplitter(Qt::Vertical, this);
        vertical->setObjectName(QStringLiteral("dataManagerSplitter"));
        vertical->addWidget(panes);
        vertical->addWidget(tables);
        layout->addWidget(vertical, 1);

        auto* undo = m_undo->createUndoAction(this, tr("Undo"));
        undo->setShortcut(QKeySequence::Undo);
        undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(undo);
        auto* redo = m_undo->createRedoAction(this, tr("Redo"));
        redo->setShortcut(QKeySequence::Redo);
        redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(redo);
    } else {
        layout->addWidget(panes, 1);
    }
    auto* reloadAction = new QAction(tr("Reload"), this);
    reloadAction->setShortcut(QKeySequence::Refresh);
    reloadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(reloadAction, &QAction::triggered, this, &DataManagerPage::reload);
    addAction(reloadAction);

    reload();
    if (m_collectionProxy->rowCount() > 0)
        m_collectionList->setCurrentIndex(m_collectionProxy->index(0, 0));
    updateCollectionState();
    updateDocumentButtons();
}

DataManagerPage::~DataManagerPage() = default;

QPushButton* DataManagerPage::createButton(const QString& text, const QString& objectName, const QString& description)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    QString plain = text;
    button->setAccessibleName(plain.remove(QLatin1Char('&')).remove(QStringLiteral("…")).trimmed());
    button->setAccessibleDescription(description);
    button->setToolTip(description);
    return button;
}

QTableView* DataManagerPage::createDocumentTable(
    const QString& objectName, const QString& accessibleName, QSortFilterProxyModel& proxy, const QList<int>& columns)
{
    proxy.setSourceModel(&m_curation.documents());
    proxy.setSortRole(Qt::DisplayRole);
    auto* table = new QTableView(this);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setModel(&proxy);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSortingEnabled(true);
    table->sortByColumn(DocumentTableModel::AddedColumn, Qt::DescendingOrder);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    // The name takes the room the other columns leave; they are as wide as their content.
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(DocumentTableModel::NameColumn, QHeaderView::Stretch);
    table->horizontalHeader()->setMinimumSectionSize(60);
    for (int column = 0; column < DocumentTableModel::ColumnCount; ++column)
        table->setColumnHidden(column, !columns.contains(column));
    table->setTabKeyNavigation(false); // Tab leaves the table, arrows move inside
    table->horizontalHeader()->setAccessibleName(tr("Columns of %1").arg(accessibleName));
    table->verticalHeader()->setAccessibleName(tr("Rows of %1").arg(accessibleName));
    if (auto* corner = table->findChild<QAbstractButton*>())
        corner->setAccessibleName(tr("Select all rows"));
    return table;
}

QWidget* DataManagerPage::createCollectionsPane()
{
    auto* box = new QGroupBox(tr("Collections"), this);
    box->setObjectName(QStringLiteral("collectionsPane"));
    m_collectionsPane = box;
    m_collectionProxy = new QSortFilterProxyModel(this);
    m_collectionProxy->setSourceModel(&m_curation.collections());
    m_collectionProxy->setSortRole(CollectionListModel::NameRole);
    m_collectionProxy->setSortLocaleAware(true);
    m_collectionProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_collectionProxy->sort(0);
    if (!m_canManage) {
        // Staff see only what data managers published.
        m_collectionProxy->setFilterRole(CollectionListModel::PublishedRole);
        m_collectionProxy->setFilterFixedString(QStringLiteral("true"));
    }
    m_collectionList = new QListView(box);
    m_collectionList->setObjectName(QStringLiteral("collectionList"));
    m_collectionList->setAccessibleName(tr("Collections"));
    m_collectionList->setAccessibleDescription(
        m_canManage ? tr("Drop documents on a collection to assign them to it.") : QString());
    m_collectionList->setModel(m_collectionProxy);
    m_collectionList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_collectionList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DataManagerPage::updateCollectionState);
    connect(m_collectionProxy, &QAbstractItemModel::dataChanged, this, &DataManagerPage::updateCollectionState);

    m_collectionInfo = new QLabel(box);
    m_collectionInfo->setObjectName(QStringLiteral("collectionInfo"));
    m_collectionInfo->setWordWrap(true);
    m_collectionInfo->setTextFormat(Qt::PlainText);

    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_collectionList, 1);
    layout->addWidget(m_collectionInfo);
    if (!m_canManage)
        return box;

    new DocumentDrop(*m_collectionList, [this](const QList<qint64>& ids, const QModelIndex& target) {
        if (!target.isValid())
            return false;
        assignDocuments(ids, target.data(CollectionListModel::NameRole).toString());
        return true;
    });
    m_newCollection = createButton(tr("&New…"), QStringLiteral("newCollectionButton"),
                                   tr("Creates a collection with a name, a protection class and a description."));
    m_editCollection = createButton(tr("&Edit…"), QStringLiteral("editCollectionButton"),
                                    tr("Renames the selected collection or changes its description and tenant."));
    m_deleteCollection = createButton(tr("De&lete"), QStringLiteral("deleteCollectionButton"),
                                      tr("Deletes the selected collection; its documents stay."));
    m_publish = createButton(tr("&Publish"), QStringLiteral("publishButton"),
                             tr("Makes the selected collection available to staff for research, or takes it back."));
    connect(m_newCollection, &QPushButton::clicked, this, &DataManagerPage::createCollection);
    connect(m_editCollection, &QPushButton::clicked, this, &DataManagerPage::editCollection);
    connect(m_deleteCollection, &QPushButton::clicked, this, &DataManagerPage::deleteCollection);
    connect(m_publish, &QPushButton::clicked, this, &DataManagerPage::togglePublished);
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_newCollection, 0, 0);
    buttons->addWidget(m_editCollection, 0, 1);
    buttons->addWidget(m_deleteCollection, 1, 0);
    buttons->addWidget(m_publish, 1, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget* DataManagerPage::createDocumentsPane()
{
    auto* box = new QGroupBox(tr("Documents"), this);
    box->setObjectName(QStringLiteral("documentsPane"));
    m_search = new QLineEdit(box);
    m_search->setObjectName(QStringLiteral("documentSearch"));
    m_search->setAccessibleName(tr("Search documents by name"));
    m_search->setPlaceholderText(tr("Search by name"));
    m_search->setClearButtonEnabled(true);
    if (auto* clear = m_search->findChild<QToolButton*>())
        clear->setAccessibleName(tr("Clear the search"));

    m_allProxy = new DocumentFilterProxy(this);
    m_documentTable = createDocumentTable(
        QStringLiteral("documentTable"), tr("All documents"), *m_allProxy,
        {DocumentTableModel::NameColumn, DocumentTableModel::ClassColumn, DocumentTableModel::StatusColumn,
         DocumentTableModel::CollectionsColumn});
    m_documentTable->setAccessibleDescription(tr("Drag documents onto a collection to assign them. Drop files "
                                                 "here to import them."));
    m_documentTable->setDragEnabled(true);
    m_documentTable->setDragDropMode(QAbstractItemView::DragOnly);
    m_documentTable->setDefaultDropAction(Qt::LinkAction);
    connect(m_search, &QLineEdit::textChanged, m_allProxy, &DocumentFilterProxy::setNameFilter);
    new DocumentDrop(
        *m_documentTable, [](const QList<qint64>&, const QModelIndex&) { return false; },
        [this](const QStringList& paths) { importFiles(paths); });

    m_importClass = new QComboBox(box);
    m_importClass->setObjectName(QStringLiteral("importClass"));
    m_importClass->setAccessibleName(tr("Protection class of imported files"));
    fillProtectionClasses(*m_importClass, domain::ProtectionClass::Normal);
    m_import = createButton(tr("&Import files…"), QStringLiteral("importButton"),
                            tr("Imports and preprocesses files with the protection class chosen beside it."));
    connect(m_import, &QPushButton::clicked, this, &DataManagerPage::chooseFiles);

    auto* importRow = new QHBoxLayout;
    auto* classLabel = new QLabel(tr("&Class:"), box);
    classLabel->setBuddy(m_importClass);
    importRow->addWidget(classLabel);
    importRow->addWidget(m_importClass);
    importRow->addWidget(m_import, 1);

    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_search);
    layout->addWidget(m_documentTable, 1);
    layout->addLayout(importRow);
    connect(m_documentTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DataManagerPage::updateDocumentButtons);
    return box;
}

QWidget* DataManagerPage::createAssignmentPane()
{
    auto* box = new QGroupBox(tr("Assignment"), this);
    box->setObjectName(QStringLiteral("assignmentPane"));
    m_assignedTitle = new QLabel(box);
    m_assignedTitle->setObjectName(QStringLiteral("assignedTitle"));
    m_assignedTitle->setWordWrap(true);
    m_assignedProxy = new DocumentFilterProxy(this);
    m_assignedProxy->setShowsNothing(true); // no collection selected yet
    m_assignedTable = createDocumentTable(
        QStringLiteral("assignedTable"), tr("Documents in the selected collection"), *m_assignedProxy,
        {DocumentTableModel::NameColumn, DocumentTableModel::ClassColumn, DocumentTableModel::StatusColumn});
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_assignedTitle);
    layout->addWidget(m_assignedTable, 1);
    if (!m_canManage)
        return box;

    new DocumentDrop(*m_assignedTable, [this](const QList<qint64>& ids, const QModelIndex&) {
        if (currentCollection().isEmpty())
            return false;
        assignDocuments(ids, currentCollection());
        return true;
    });
    m_assign = createButton(tr("&Assign selected"), QStringLiteral("assignButton"),
                            tr("Assigns the documents selected in the document list to the selected collection."));
    m_unassign = createButton(tr("&Remove from collection"), QStringLiteral("unassignButton"),
                              tr("Takes the documents selected here out of the collection; they stay imported."));
    m_undoButton = createButton(tr("&Undo"), QStringLiteral("undoButton"), tr("Undoes the last assignment change."));
    m_redoButton = createButton(tr("Re&do"), QStringLiteral("redoButton"), tr("Repeats the undone assignment change."));
    connect(m_assign, &QPushButton::clicked, this, [this] { assignSelected(m_documentTable); });
    connect(m_unassign, &QPushButton::clicked, this, &DataManagerPage::unassignSelected);
    connect(m_undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(m_redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canUndoChanged, m_undoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::canRedoChanged, m_redoButton, &QPushButton::setEnabled);
    connect(m_undo, &QUndoStack::undoTextChanged, m_undoButton, [this](const QString& text) {
        m_undoButton->setToolTip(text.isEmpty() ? QString() : tr("Undo: %1").arg(text));
    });
    m_undoButton->setEnabled(false);
    m_redoButton->setEnabled(false);
    connect(m_assignedTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DataManagerPage::updateDocumentButtons);

    auto* buttons = new QGridLayout;
    buttons->addWidget(m_assign, 0, 0);
    buttons->addWidget(m_unassign, 0, 1);
    buttons->addWidget(m_undoButton, 1, 0);
    buttons->addWidget(m_redoButton, 1, 1);
    layout->addLayout(buttons);
    return box;
}

QWidget* DataManagerPage::createOpenAssignmentsTable()
{
    auto* box = new QGroupBox(tr("Open assignments").replace(QLatin1Char('&'), QStringLiteral("&&")), this);
    box->setObjectName(QStringLiteral("openAssignmentsPane"));
    m_openProxy = new DocumentFilterProxy(this);
    m_openProxy->setUnassignedOnly(true);
    m_openTable = createDocumentTable(
        QStringLiteral("openAssignmentsTable"), tr("Open assignments"), *m_openProxy,
        {DocumentTableModel::NameColumn, DocumentTableModel::ClassColumn, DocumentTableModel::AddedColumn,
         DocumentTableModel::ActionColumn});
    m_openTable->setAccessibleDescription(tr("Documents in no collection yet. Enter assigns the selected ones "
                                             "to the selected collection."));
    m_openTable->setDragEnabled(true);
    m_openTable->setDragDropMode(QAbstractItemView::DragOnly);
    auto* action = new ActionButtonDelegate([](const QModelIndex&) { return tr("Assign"); }, m_openTable);
    m_openTable->setItemDelegateForColumn(DocumentTableModel::ActionColumn, action);
    connect(action, &ActionButtonDelegate::triggered, this, [this](const QModelIndex& cell) {
        assignDocuments({cell.data(DocumentTableModel::IdRole).toLongLong()}, currentCollection());
    });
    connect(m_openTable, &QAbstractItemView::activated, this, [this] { assignSelected(m_openTable); });
    m_assignOpen = createButton(tr("Assign &to collection"), QStringLiteral("assignOpenButton"),
                                tr("Assigns the selected open documents to the selected collection."));
    connect(m_assignOpen, &QPushButton::clicked, this, [this] { assignSelected(m_openTable); });
    connect(m_openTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DataManagerPage::updateDocumentButtons);

    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_openTable, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_assignOpen);
    layout->addLayout(buttons);
    return box;
}

QWidget* DataManagerPage::createStatusTable()
{
    // A group box title takes '&' as a mnemonic; the German title has a real one.
    auto* box = new QGroupBox(tr("Upload and preprocessing status").replace(QLatin1Char('&'), QStringLiteral("&&")), this);
    box->setObjectName(QStringLiteral("statusPane"));
    m_statusProxy = new DocumentFilterProxy(this);
    m_statusTable = createDocumentTable(
        QStringLiteral("statusTable"), tr("Upload and preprocessing status"), *m_statusProxy,
        {DocumentTableModel::NameColumn, DocumentTableModel::ClassColumn, DocumentTableModel::StatusColumn,
         DocumentTableModel::ProgressColumn, DocumentTableModel::ProblemColumn, DocumentTableModel::ActionColumn});
    m_statusTable->setItemDelegateForColumn(DocumentTableModel::ProgressColumn, new ProgressBarDelegate(m_statusTable));
    m_statusTable->horizontalHeader()->setSectionResizeMode(DocumentTableModel::ProgressColumn, QHeaderView::Fixed);
    m_statusTable->setColumnWidth(DocumentTableModel::ProgressColumn, 150);
    auto* action = new ActionButtonDelegate(
        [](const QModelIndex& cell) {
            const DocumentStatus status = statusOf(cell);
            if (canRetry(status))
                return tr("Retry");
            return index::isUnfinished(status) ? tr("Cancel") : QString();
        },
        m_statusTable);
    m_statusTable->setItemDelegateForColumn(DocumentTableModel::ActionColumn, action);
    connect(action, &ActionButtonDelegate::triggered, this, [this](const QModelIndex& cell) {
        const qint64 id = cell.data(DocumentTableModel::IdRole).toLongLong();
        if (canRetry(statusOf(cell))) {
            if (auto retried = m_curation.retry(id); !retried)
                showMessage(retried.error().detail);
        } else {
            m_curation.cancel(id);
        }
    });

    m_statusFilter = new QComboBox(box);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setAccessibleName(tr("Show imports"));
    m_statusFilter->addItem(tr("All imports"));
    m_statusFilter->addItem(tr("In progress"));
    m_statusFilter->addItem(tr("Needs attention"));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_statusProxy->setStatusFilter(index == 1   ? DocumentFilterProxy::unfinishedStatuses()
                                       : index == 2 ? DocumentFilterProxy::failedStatuses()
                                                    : QList<DocumentStatus>());
    });
    m_retry = createButton(tr("Retr&y"), QStringLiteral("retryButton"),
                           tr("Imports the selected failed or cancelled documents again."));
    m_cancel = createButton(tr("&Cancel import"), QStringLiteral("cancelButton"),
                            tr("Stops the import of the selected documents; the pages read so far are kept."));
    m_remove = createButton(tr("Re&move…"), QStringLiteral("removeButton"),
                            tr("Deletes the selected documents from the index; the files stay where they are."));
    connect(m_retry, &QPushButton::clicked, this, &DataManagerPage::retrySelected);
    connect(m_cancel, &QPushButton::clicked, this, &DataManagerPage::cancelSelected);
    connect(m_remove, &QPushButton::clicked, this, &DataManagerPage::removeSelected);
    auto* removeKey = new QAction(m_statusTable);
    removeKey->setShortcut(QKeySequence::Delete);
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    connect(removeKey, &QAction::triggered, this, &DataManagerPage::removeSelected);
    m_statusTable->addAction(removeKey);
    connect(m_statusTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DataManagerPage::updateDocumentButtons);
    // A selected row's status changes while it imports: the buttons follow.
    connect(m_statusProxy, &QAbstractItemModel::dataChanged, this, &DataManagerPage::updateDocumentButtons);

    auto* filterRow = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("&Show:"), box);
    filterLabel->setBuddy(m_statusFilter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_statusFilter);
    filterRow->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_remove);
    auto* layout = new QVBoxLayout(box);
    layout->addLayout(filterRow);
    layout->addWidget(m_statusTable, 1);
    layout->addLayout(buttons);
    return box;
}

QString DataManagerPage::currentCollection() const
{
    return m_collectionList->currentIndex().data(CollectionListModel::NameRole).toString();
}

bool DataManagerPage::selectCollection(const QString& name)
{
    for (int row = 0; row < m_collectionProxy->rowCount(); ++row) {
        const QModelIndex index = m_collectionProxy->index(row, 0);
        if (index.data(CollectionListModel::NameRole).toString() == name) {
            m_collectionList->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

QString DataManagerPage::message() const
{
    return m_message->text();
}

void DataManagerPage::showMessage(const QString& text)
{
    m_message->setText(text);
}

QList<qint64> DataManagerPage::selectedIds(const QAbstractItemView* view) const
{
    QList<qint64> ids;
    if (!view || !view->selectionModel())
        return ids;
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows)
        ids.append(row.data(DocumentTableModel::IdRole).toLongLong());
    return ids;
}

bool DataManagerPage::confirm(const QString& title, const QString& question)
{
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
           == QMessageBox::Yes;
}

void DataManagerPage::reload()
{
    if (auto loaded = m_curation.reload(); !loaded)
        showMessage(tr("The index cannot be read: %1").arg(loaded.error().detail));
    updateCollectionState();
}

void DataManagerPage::importFiles(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    const auto outcome = m_curation.importFiles(paths, selectedProtectionClass(*m_importClass));
    QString text = tr("%n file(s) queued for import.", nullptr, static_cast<int>(outcome.ids.size()));
    if (!outcome.problems.isEmpty())
        text += QLatin1Char(' ') + tr("Not imported: %1").arg(problemText(outcome.problems));
    showMessage(text);
}

void DataManagerPage::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Import files"), QString(),
        tr("Documents (*.pdf *.docx *.odt *.txt *.md *.html *.htm *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
    importFiles(paths);
}

void DataManagerPage::assignDocuments(const QList<qint64>& ids, const QString& collection)
{
    if (collection.isEmpty()) {
        showMessage(tr("Select a collection first."));
        return;
    }
    if (ids.isEmpty()) {
        showMessage(tr("Select the documents to assign first."));
        return;
    }
    if (changesGoToStore(collection)) { // the store's outcome arrives through the store bar
        m_store->assign(ids, collection);
        return;
    }
    const auto outcome = m_curation.assign(ids, collection);
    if (!outcome.changed.isEmpty())
        m_undo->push(new AssignmentCommand(m_curation, AssignmentCommand::Kind::Assign, outcome.changed, collection));
    QString text = tr("%n document(s) assigned to \"%1\".", nullptr, static_cast<int>(outcome.changed.size()))
                       .arg(collection);
    if (!outcome.problems.isEmpty())
        text += QLatin1Char(' ') + tr("Refused: %1").arg(problemText(outcome.problems));
    showMessage(text);
}

void DataManagerPage::unassignDocuments(const QList<qint64>& ids, const QString& collection)
{
    if (collection.isEmpty() || ids.isEmpty())
        return;
    if (changesGoToStore(collection)) {
        m_store->unassign(ids, collection);
        return;
    }
    const auto outcome = m_curation.unassign(ids, collection);
    if (!outcome.changed.isEmpty())
        m_undo->push(new AssignmentCommand(m_curation, AssignmentCommand::Kind::Unassign, outcome.changed, collection));
    QString text = tr("%n document(s) removed from \"%1\".", nullptr, static_cast<int>(outcome.changed.size()))
                       .arg(collection);
    if (!outcome.problems.isEmpty())
        text += QLatin1Char(' ') + problemText(outcome.problems);
    showMessage(text);
}

void DataManagerPage::assignSelected(QAbstractItemView* from)
{
    assignDocuments(selectedIds(from), currentCollection());
}

void DataManagerPage::unassignSelected()
{
    unassignDocuments(selectedIds(m_assignedTable), currentCollection());
}

void DataManagerPage::retrySelected()
{
    QStringList problems;
    for (const qint64 id : selectedIds(m_statusTable)) {
        if (auto retried = m_curation.retry(id); !retried)
            problems.append(retried.error().detail);
    }
    showMessage(problems.isEmpty() ? tr("Import started again.") : problems.join(QLatin1Char(' ')));
}

void DataManagerPage::cancelSelected()
{
    for (const qint64 id : selectedIds(m_statusTable))
        m_curation.cancel(id);
}

void DataManagerPage::removeSelected()
{
    QList<qint64> ids;
    QList<qint64> copies; // of the shared store: withdrawn there, never removed here only
    for (const QModelIndex& row : m_statusTable->selectionModel()->selectedRows()) {
        const qint64 id = row.data(DocumentTableModel::IdRole).toLongLong();
        (row.data(DocumentTableModel::SharedRole).toBool() ? copies : ids).append(id);
    }
    if (!copies.isEmpty()) {
        if (!m_store) {
            showMessage(tr("Documents from the shared store are removed there, by its data managers."));
            return;
        }
        if (!confirm(tr("Withdraw from the shared store"),
                tr("Withdraw %n document(s) from the shared store? They leave all its collections, and every "
                   "workstation of the authority drops its copy at its next sync.",
                    nullptr, static_cast<int>(copies.size()))))
            return;
        m_store->withdraw(copies); // the outcome arrives through the store bar
    }
    if (ids.isEmpty())
        return;
    if (!confirm(tr("Remove documents"),
                 tr("Remove %n document(s) from the index? Their passages leave every collection; the files "
                    "themselves stay where they are.",
                    nullptr, static_cast<int>(ids.size()))))
        return;
    QStringList problems;
    for (const qint64 id : ids) {
        if (auto removed = m_curation.remove(id); !removed)
            problems.append(removed.error().detail);
    }
    m_undo->clear(); // assignments of removed documents cannot come back
    showMessage(problems.isEmpty() ? tr("%n document(s) removed.", nullptr, static_cast<int>(ids.size()))
                                   : problems.join(QLatin1Char(' ')));
}

void DataManagerPage::updateDocumentButtons()
{
    if (!m_canManage)
        return;
    const bool hasCollection = !currentCollection().isEmpty() && (!currentIsShared() || m_store);
    m_assign->setEnabled(hasCollection && m_documentTable->selectionModel()->hasSelection());
    m_unassign->setEnabled(hasCollection && m_assignedTable->selectionModel()->hasSelection());
    m_assignOpen->setEnabled(hasCollection && m_openTable->selectionModel()->hasSelection());
    bool anyRetry = false;
    bool anyRunning = false;
    const QModelIndexList rows = m_statusTable->selectionModel()->selectedRows();
    for (const QModelIndex& row : rows) {
        anyRetry = anyRetry || canRetry(statusOf(row));
        anyRunning = anyRunning || index::isUnfinished(statusOf(row));
    }
    m_retry->setEnabled(anyRetry);
    m_cancel->setEnabled(anyRunning);
    m_remove->setEnabled(!rows.isEmpty());
}

} // namespace genius::ui
