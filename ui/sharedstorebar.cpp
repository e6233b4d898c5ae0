#include "ui/sharedstorebar.h"

#include "core/services/sharedstoreservice.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace genius::ui {

SharedStoreBar::SharedStoreBar(services::SharedStoreService& store, bool canManage, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("sharedStoreBar"));
    m_sync = new QPushButton(tr("S&ync shared collections"), this);
    m_sync->setObjectName(QStringLiteral("syncStoreButton"));
    m_sync->setAccessibleName(tr("Sync shared collections"));
    m_sync->setToolTip(tr("Copies the published collections of your authority from the shared store; search "
                          "then works on the copy, also offline."));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_sync);
    connect(m_sync, &QPushButton::clicked, &m_store, &services::SharedStoreService::sync);
    if (canManage) {
        m_publish = new QPushButton(tr("Publish to &shared store"), this);
        m_publish->setObjectName(QStringLiteral("publishToStoreButton"));
        m_publish->setAccessibleName(tr("Publish to shared store"));
        m_publish->setToolTip(tr("Publishes the ready documents of the selected collection into the shared store, "
                                 "for the staff of your authority."));
        layout->addWidget(m_publish);
        connect(m_publish, &QPushButton::clicked, this, [this] { m_store.publish(m_collection); });
    }
    layout->addStretch();
    connect(&m_store, &services::SharedStoreService::busyChanged, this, &SharedStoreBar::updateButtons);
    connect(&m_store, &services::SharedStoreService::finished, this,
            [this](const services::SharedStoreService::Outcome& outcome) {
                Q_EMIT finished(outcome.message, outcome.ok || outcome.published > 0 || outcome.sync.added > 0
                                                     || outcome.sync.removed > 0 || outcome.sync.updated > 0);
            });
    updateButtons();
}

void SharedStoreBar::setCollection(const QString& name, bool shared)
{
    m_collection = name;
    m_shared = shared;
    updateButtons();
}

void SharedStoreBar::updateButtons()
{
    m_sync->setEnabled(!m_store.busy());
    if (m_publish)
        m_publish->setEnabled(!m_store.busy() && !m_collection.isEmpty() && !m_shared);
}

} // namespace genius::ui
