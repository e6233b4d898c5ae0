#pragma once

#include <QWidget>

class QPushButton;

namespace genius::services {
class SharedStoreService;
}

namespace genius::ui {

/// The shared store's actions in the data-manager view: sync the tenant's published collections
/// into the profile, and (for data managers) publish the selected local collection into the
/// store. Disabled while a job runs; a collection that is itself a copy cannot be published.
class SharedStoreBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharedStoreBar)

public:
    /// `store` must outlive the bar.
    SharedStoreBar(services::SharedStoreService& store, bool canManage, QWidget* parent = nullptr);

    /// The collection selected in the view (empty: none) and whether it is a shared copy.
    void setCollection(const QString& name, bool shared);

Q_SIGNALS:
    /// A job ended: `message` says how; `changed` when the index may hold new copies.
    void finished(const QString& message, bool changed);

private:
    void updateButtons();

    services::SharedStoreService& m_store;
    QPushButton* m_sync = nullptr;
    QPushButton* m_publish = nullptr;
    QString m_collection;
    bool m_shared = false;
};

} // namespace genius::ui
