#include "ui/datamanagerpage.h"

// The collections pane's actions of the data-manager view: creating, editing, deleting and
// publishing collections, and what the pane shows of the selected one. A copy of a shared
// collection changes in the store (through the store bar's service) when the store is at hand.

#include "core/models/collectionlistmodel.h"
#include "core/models/curation.h"
#include "core/models/documentfilterproxy.h"
#include "core/services/sharedstoreservice.h"
#include "ui/collectiondialog.h"
#include "ui/sharedstorebar.h"

#include <QLabel>
#include <QLayout>
#include <QListView>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QUndoStack>

namespace genius::ui {

using models::CollectionListModel;

void DataManagerPage::setSharedStore(services::SharedStoreService& store)
{
    if (m_storeBar)
        return;
    m_store = &store;
    m_storeBar = new SharedStoreBar(store, m_canManage, m_collectionsPane);
    m_collectionsPane->layout()->addWidget(m_storeBar);
    connect(m_storeBar, &SharedStoreBar::finished, this, [this](const QString& message, bool changed) {
        if (changed)
            reload();
        showMessage(message);
    });
    updateCollectionState();
}

bool DataManagerPage::currentIsShared() const
{
    return m_collectionList->currentIndex().data(CollectionListModel::SharedRole).toBool();
}

bool DataManagerPage::changesGoToStore(const QString& collection) const
{
    const auto& collections = m_curation.collections();
    const int row = collections.rowOfName(collection);
    return m_store && row >= 0 && collections.collection(row).shared;
}

void DataManagerPage::createCollection()
{
    CollectionDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto created
        = m_curation.createCollection(dialog.name(), dialog.protectionClass(), dialog.description(), dialog.tenant());
    if (!created) {
        showMessage(created.error().detail);
        return;
    }
    selectCollection(created->name);
    showMessage(tr("Collection \"%1\" created.").arg(created->name));
}

void DataManagerPage::editCollection()
{
    const QModelIndex current = m_collectionList->currentIndex();
    if (!current.isValid())
        return;
    const QString name = current.data(CollectionListModel::NameRole).toString();
    const QString description = current.data(CollectionListModel::DescriptionRole).toString();
    const QString tenant = current.data(CollectionListModel::TenantRole).toString();
    CollectionDialog dialog(this);
    dialog.setWindowTitle(tr("Edit collection"));
    dialog.setName(name);
    dialog.setDescription(description);
    dialog.setTenant(tenant);
    const auto& collections = m_curation.collections();
    dialog.setProtectionClass(collections.collection(collections.rowOfName(name)).protectionClass);
    dialog.setClassEditable(false); // the class caps assigned documents: fixed once created
    const bool inStore = changesGoToStore(name);
    if (inStore) {
        dialog.setWindowTitle(tr("Edit shared collection"));
        dialog.setTenantEditable(false); // the store user's tenant
    }
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (inStore) { // the store's outcome arrives through the store bar
        if (dialog.name() != name || dialog.description() != description)
            m_store->editCollection(name, dialog.name(), dialog.description());
        return;
    }
    QString target = name;
    if (dialog.name() != name) {
        if (auto renamed = m_curation.renameCollection(name, dialog.name()); !renamed) {
            showMessage(renamed.error().detail);
            return;
        }
        target = dialog.name();
        m_undo->clear(); // the steps name the old collection
    }
    if (dialog.description() != description) {
        if (auto described = m_curation.describeCollection(target, dialog.description()); !described) {
            showMessage(described.error().detail);
            return;
        }
    }
    if (dialog.tenant() != tenant) {
        if (auto changed = m_curation.setTenant(target, dialog.tenant()); !changed) {
            showMessage(changed.error().detail);
            return;
        }
    }
    selectCollection(target);
    showMessage(tr("Collection \"%1\" saved.").arg(target));
}

void DataManagerPage::deleteCollection()
{
    const QString name = currentCollection();
    if (name.isEmpty())
        return;
    if (!confirm(tr("Delete collection"),
                 tr("Delete the collection \"%1\"? Its documents stay imported and can be assigned again.")
                     .arg(name)))
        return;
    if (changesGoToStore(name)) {
        m_store->deleteCollection(name);
        return;
    }
    if (auto removed = m_curation.removeCollection(name); !removed) {
        showMessage(removed.error().detail);
        return;
    }
    m_undo->clear(); // the steps name a collection that no longer exists
    showMessage(tr("Collection \"%1\" deleted.").arg(name));
    updateCollectionState();
}

void DataManagerPage::togglePublished()
{
    const QModelIndex current = m_collectionList->currentIndex();
    if (!current.isValid())
        return;
    const QString name = current.data(CollectionListModel::NameRole).toString();
    const bool publish = !current.data(CollectionListModel::PublishedRole).toBool();
    if (changesGoToStore(name)) {
        m_store->setPublished(name, publish);
        return;
    }
    if (auto changed = m_curation.setPublished(name, publish); !changed) {
        showMessage(changed.error().detail);
        return;
    }
    showMessage(publish ? tr("Collection \"%1\" is published for research.").arg(name)
                        : tr("Collection \"%1\" is no longer published.").arg(name));
    updateCollectionState();
}

void DataManagerPage::updateCollectionState()
{
    const QModelIndex current = m_collectionList->currentIndex();
    const QString name = current.data(CollectionListModel::NameRole).toString();
    m_assignedProxy->setShowsNothing(name.isEmpty());
    m_assignedProxy->setCollectionFilter(name);
    if (name.isEmpty()) {
        m_assignedTitle->setText(m_collectionProxy->rowCount() == 0
                                     ? (m_canManage ? tr("No collection yet: create one with New.")
                                                    : tr("No collection is published yet."))
                                     : tr("Select a collection to see its documents."));
        m_collectionInfo->clear();
    } else {
        const bool published = current.data(CollectionListModel::PublishedRole).toBool();
        m_assignedTitle->setText(tr("Documents in \"%1\"").arg(name));
        QString info = tr("Class: %1 · %2").arg(current.data(CollectionListModel::ClassTextRole).toString(),
                                                published ? tr("published") : tr("not published"));
        if (currentIsShared())
            info += QStringLiteral(" · ")
                  + (m_store && m_canManage ? tr("copy from the shared store; changes go to the store")
                                            : tr("copy from the shared store, read-only here"));
        const QString tenant = current.data(CollectionListModel::TenantRole).toString();
        if (!tenant.isEmpty())
            info += QStringLiteral(" · ") + tenant;
        const QString description = current.data(CollectionListModel::DescriptionRole).toString();
        if (!description.isEmpty())
            info += QLatin1Char('\n') + description;
        m_collectionInfo->setText(info);
        if (m_publish)
            m_publish->setText(published ? tr("Un&publish") : tr("&Publish"));
    }
    if (m_canManage) {
        for (QPushButton* button : {m_editCollection, m_deleteCollection, m_publish})
            button->setEnabled(!name.isEmpty() && (!currentIsShared() || m_store));
    }
    if (m_storeBar)
        m_storeBar->setCollection(name, currentIsShared());
    updateDocumentButtons();
}

} // namespace genius::ui
