#pragma once

#include "core/sharedstore/storesync.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <chrono>
#include <functional>

namespace genius::settings {
class Settings;
}
namespace genius::security {
class SecretStore;
}
namespace genius::sharedstore {
class StoreConnection;
struct StoreAddress;
} // namespace genius::sharedstore
namespace genius::index {
class IndexDatabase;
}

namespace genius::services {

/// The desktop app's work with the shared collection store (setting store/url): syncing the
/// tenant's collections into the profile's index, publishing a local collection into it, and
/// the data manager's changes of the store's collections. Each job runs on a worker thread with its own connections to the store and the
/// index (the GUI's index connection stays free), one job at a time; the outcome comes back on
/// the GUI thread. The password is the keychain's for the URL's account (`store login`), else
/// libpq's PGPASSWORD or ~/.pgpass.
class SharedStoreService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharedStoreService)

public:
    struct Outcome {
        bool ok = false;
        QString message; ///< one sentence for the status line
        sharedstore::SyncReport sync;
        int published = 0; ///< documents published (inserted or replaced)
        int unchanged = 0; ///< documents the store had already
        QStringList problems; ///< one sentence per document that could not be published
    };

    SharedStoreService(settings::Settings& settings, security::SecretStore& secrets, QString indexPath,
        QString originalsDirectory, QObject* parent = nullptr);
    ~SharedStoreService() override;

    /// A store is configured (store/url).
    bool configured() const;
    bool busy() const { return m_busy; }

    /// Syncs in the background every `interval` as well (zero: never). A sync that falls due while
    /// another job runs is skipped, not refused: the next one comes at the next interval.
    void setSyncInterval(std::chrono::milliseconds interval);
    /// The interval of the periodic sync; zero when there is none.
    std::chrono::milliseconds syncInterval() const;
    /// Syncs every store/syncMinutes minutes, and follows the setting when it changes later
    /// (the settings view): the new interval counts from the change.
    void followSyncSetting();

    /// Brings the profile's copy of the shared collections up to date. Every job ends with
    /// finished(); one asked for while another runs ends at once, refused, with a sentence.
    void sync();
    /// Publishes the ready documents of the local collection `collection` into the store's
    /// collection of that name (created, published, with `collection`'s class when missing),
    /// then syncs. Only data managers of the store may; very-high documents never leave.
    void publish(const QString& collection);

    /// Changes of a collection of the store (a shared copy here), each followed by a sync; the
    /// server refuses them for staff. `name` is the store's name of the collection.
    /// Renames the store's collection and sets its description; what did not change is left alone.
    void editCollection(const QString& name, const QString& newName, const QString& description);
    void setPublished(const QString& name, bool published);
    /// Deletes the store's collection; its documents stay in the store.
    void deleteCollection(const QString& name);
    /// Puts local documents into the store's collection: one the store has already is assigned
    /// there, any other is published into it (ready ones; very-high ones never).
    void assign(const QList<qint64>& documentIds, const QString& collection);
    /// Takes documents (that are also in the store) out of the store's collection.
    void unassign(const QList<qint64>& documentIds, const QString& collection);
    /// Withdraws documents (local ids of documents that are also in the store) from the store and
    /// all its collections; the sync that follows removes the copies among them.
    void withdraw(const QList<qint64>& documentIds);

Q_SIGNALS:
    void busyChanged(bool busy);
    void finished(const genius::services::SharedStoreService::Outcome& outcome);

private:
    using Job = std::function<Outcome(const sharedstore::StoreConnection&, index::IndexDatabase&)>;
    /// Resolves the password, then runs `job` on a worker thread.
    void start(Job job);
    void runOnWorker(sharedstore::StoreAddress address, Job job);
    void deliver(const Outcome& outcome);

    settings::Settings& m_settings;
    security::SecretStore& m_secrets;
    QString m_indexPath;
    QString m_originals;
    bool m_busy = false;
    QPointer<QThread> m_worker; ///< the running job's thread
    QTimer m_syncTimer; ///< setSyncInterval()
    bool m_followsSyncSetting = false; ///< followSyncSetting()
};

} // namespace genius::services
