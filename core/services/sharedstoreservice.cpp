#include "core/services/sharedstoreservice.h"

#include "core/index/indexdatabase.h"
#include "core/security/storepasswordsource.h"
#include "core/services/serviceslogging.h"
#include "core/settings/settings.h"
#include "core/sharedstore/storeaddress.h"
#include "core/sharedstore/storeadmin.h"
#include "core/sharedstore/storecollectionchanges.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storepublisher.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

#include <utility>

namespace genius::services {

namespace {

QString syncMessage(const sharedstore::SyncReport& report)
{
    if (report.upToDate)
        return QCoreApplication::translate("SharedStoreService", "The shared collections are up to date.");
    return QCoreApplication::translate(
        "SharedStoreService", "Shared collections synced: %1 added, %2 updated, %3 removed.")
        .arg(report.added)
        .arg(report.updated)
        .arg(report.removed);
}

/// Publishes the local collection's ready documents, then syncs.
SharedStoreService::Outcome publishCollection(const sharedstore::StoreConnection& connection,
    index::IndexDatabase& database, const QString& name, const QString& originals)
{
    SharedStoreService::Outcome outcome;
    const auto status = sharedstore::storeStatus(connection);
    if (!status) {
        outcome.message = status.error().detail;
        return outcome;
    }
    if (status->role != sharedstore::StoreRole::DataManager) {
        outcome.message = QCoreApplication::translate(
            "SharedStoreService", "Only data managers of the shared store may publish; %1 is not one.")
                              .arg(status->user);
        return outcome;
    }
    const auto collection = database.collection(name);
    const auto documents = database.documents({ name, false });
    if (!collection || !documents) {
        outcome.message = (!collection ? collection.error() : documents.error()).detail;
        return outcome;
    }
    const sharedstore::PublishTarget target { collection->name, collection->protectionClass };
    for (const index::DocumentRecord& document : *documents) {
        if (document.status != index::DocumentStatus::Ready || document.shared)
            continue;
        const auto published = sharedstore::publishDocument(connection, database, document.id, target);
        if (!published)
            outcome.problems.append(published.error().detail);
        else if (published->document == sharedstore::PublishOutcome::Document::Unchanged)
            ++outcome.unchanged;
        else
            ++outcome.published;
    }
    if (auto synced = sharedstore::syncStore(connection, database, originals); synced)
        outcome.sync = *synced;
    else
        outcome.problems.append(synced.error().detail);
    outcome.ok = outcome.problems.isEmpty();
    outcome.message = outcome.unchanged == 0
        ? QCoreApplication::translate(
            "SharedStoreService", "%n document(s) of \"%1\" published to the shared store.", nullptr, outcome.published)
              .arg(name)
        : QCoreApplication::translate("SharedStoreService",
            "%n document(s) of \"%1\" published to the shared store; %2 were there already.", nullptr,
            outcome.published)
              .arg(name)
              .arg(outcome.unchanged);
    if (!outcome.problems.isEmpty())
        outcome.message += QLatin1Char(' ') + outcome.problems.join(QLatin1Char(' '));
    return outcome;
}

/// After a change of the store: the sync that brings it here, and the outcome's sentence.
SharedStoreService::Outcome afterChange(const sharedstore::StoreConnection& connection, index::IndexDatabase& database,
    const QString& originals, const QStringList& problems, const QString& done)
{
    SharedStoreService::Outcome outcome;
    outcome.problems = problems;
    if (auto synced = sharedstore::syncStore(connection, database, originals); synced)
        outcome.sync = *synced;
    else
        outcome.problems.append(synced.error().detail);
    outcome.ok = outcome.problems.isEmpty();
    outcome.message = outcome.ok ? done : outcome.problems.join(QLatin1Char(' '));
    return outcome;
}

/// The problem of a failed change, or nothing.
template <typename T>
QStringList problemOf(const common::Result<T>& result)
{
    return result ? QStringList() : QStringList { result.error().detail };
}

} // namespace

SharedStoreService::SharedStoreService(settings::Settings& settings, security::SecretStore& secrets, QString indexPath,
    QString originalsDirectory, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_indexPath(std::move(indexPath))
    , m_originals(std::move(originalsDirectory))
{
    connect(&m_syncTimer, &QTimer::timeout, this, [this] {
        if (!m_busy && configured())
            sync();
    });
}

void SharedStoreService::setSyncInterval(std::chrono::milliseconds interval)
{
    if (interval <= std::chrono::milliseconds::zero()) {
        m_syncTimer.stop();
        return;
    }
    m_syncTimer.start(interval);
}

std::chrono::milliseconds SharedStoreService::syncInterval() const
{
    return m_syncTimer.isActive() ? m_syncTimer.intervalAsDuration() : std::chrono::milliseconds::zero();
}

void SharedStoreService::followSyncSetting()
{
    const auto apply
        = [this] { setSyncInterval(std::chrono::minutes(m_settings.integer(settings::keys::StoreSyncMinutes))); };
    apply();
    if (std::exchange(m_followsSyncSetting, true))
        return;
    connect(&m_settings, &settings::Settings::changed, this, [apply](const QString& key) {
        if (key == settings::keys::StoreSyncMinutes)
            apply();
    });
}

SharedStoreService::~SharedStoreService()
{
    if (m_worker)
        m_worker->wait(); // its connections close on it; the outcome is dropped with this object
}

bool SharedStoreService::configured() const
{
    return !m_settings.text(settings::keys::StoreUrl).isEmpty();
}

void SharedStoreService::sync()
{
    const QString originals = m_originals;
    start([originals](const sharedstore::StoreConnection& connection, index::IndexDatabase& database) {
        Outcome outcome;
        auto synced = sharedstore::syncStore(connection, database, originals);
        if (!synced) {
            outcome.message
                = QCoreApplication::translate("SharedStoreService", "The shared collections could not be synced: %1")
                      .arg(synced.error().detail);
            return outcome;
        }
        outcome.ok = true;
        outcome.sync = *synced;
        outcome.message = syncMessage(*synced);
        return outcome;
    });
}

void SharedStoreService::publish(const QString& collection)
{
    const QString originals = m_originals;
    start([collection, originals](const sharedstore::StoreConnection& connection, index::IndexDatabase& database) {
        return publishCollection(connection, database, collection, originals);
    });
}

void SharedStoreService::editCollection(const QString& name, const QString& newName, const QString& description)
{
    const QString originals = m_originals;
    start([=](const sharedstore::StoreConnection& connection, index::IndexDatabase& database) {
        // The description first, under the name the store knows now; then the name.
        auto changed = sharedstore::describeStoreCollection(connection, name, description);
        const bool renaming = changed && changed->name != newName.trimmed();
        if (renaming)
            changed = sharedstore::renameStoreCollection(connection, name, newName);
        const QString done = renaming
            ? QCoreApplication::translate("SharedStoreService", "The shared collection \"%1\" is now \"%2\".")
                  .arg(name, newName.trimmed())
            : QCoreApplication::translate("SharedStoreService", "The shared collection \"%1\" was saved.").arg(name);
        return afterChange(connection, database, originals, problemOf(changed), done);
    });
}

void SharedStoreService::setPublished(const QString& name, bool published)
{
    const QString originals = m_originals;
    start([=](const sharedstore::StoreConnection& connection, index::IndexDatabase& database) {
        const auto changed = sharedstore::publishStoreCollection(connection, name, published);
        return afterChange(connection, database, originals, problemOf(changed),
            published
                ? QCoreApplication::translate("SharedStoreService", "The shared collection \"%1\" is published.")
                      .arg(name)
                : QCoreApplication::translate(
                    "SharedStoreService", "The shared collection \"%1\" is no longer published.")
                      .arg(name));
    });
}

void SharedStoreService::deleteCollection(const QString& name)
{
    const QString originals = m_originals;
    start([=](const sharedstore::StoreConnection& connection, index::IndexDatabase& database) {
        const auto deleted = sharedstore::deleteStoreCollection(connection, name);
        return afterChange(connection, database, originals, problemOf(deleted),
            QCoreApplication::translate(
                "SharedStoreService", "The shared collection \"%1\" is deleted; its documents stay in the store.")
                .arg(name));
    });
}

void SharedStoreService::assign(const QList<qint64>& documentIds, const QString& collection)
{
    const QString originals = m_originals;
    start([=](const sharedstore::StoreConnection& connection, index::IndexDatabase& database) {
        QStringList problems;
        const auto target = sharedstore::storeCollection(connection, collection);
        if (!target)
            return afterChange(connection, database, originals, problemOf(target), QString());
        for (const qint64 id : documentIds) {
            const auto record = database.document(id);
            if (!record) {
                problems.append(record.error().detail);
            } else if (record->originId > 0) {
                problems.append(
                    problemOf(sharedstore::assignStoreDocument(connection, record->originId, target->name)));
            } else {
                problems.append(problemOf(sharedstore::publishDocument(
                    connection, database, id, { target->name, target->protectionClass })));
            }
        }
        const int count = static_cast<int>(documentIds.size());
        return afterChange(connection, database, originals, problems,
            QCoreApplication::translate(
                "SharedStoreService", "%n document(s) put into the shared collection \"%1\".", nullptr, count)
                .arg(collection));
    });
}

void SharedStoreService::unassign(const QList<qint64>& documentIds, const QString& collection)
{
    const QString originals = m_originals;
    start([=](const sharedstore::StoreConnection& connection, index::IndexDatabase& database) {
        QStringList problems;
        for (const qint64 id : documentIds) {
            const auto record = database.document(id);
            if (!record)
                problems.append(record.error().detail);
            else if (record->originId > 0)
                problems.append(
                    problemOf(sharedstore::unassignStoreDocument(connection, record->originId, collection)));
        }
        const int count = static_cast<int>(documentIds.size());
        return afterChange(connection, database, originals, problems,
            QCoreApplication::translate(
                "SharedStoreService", "%n document(s) taken out of the shared collection \"%1\".", nullptr, count)
                .arg(collection));
    });
}

void SharedStoreService::withdraw(const QList<qint64>& documentIds)
{
    const QString originals = m_originals;
    start([=](const sharedstore::StoreConnection& connection, index::IndexDatabase& database) {
        QStringList problems;
        int withdrawn = 0;
        for (const qint64 id : documentIds) {
            const auto record = database.document(id);
            if (!record) {
                problems.append(record.error().detail);
                continue;
            }
            if (record->originId <= 0)
                continue; // only here: nothing to withdraw
            const auto done = sharedstore::withdrawStoreDocument(connection, record->originId);
            if (done)
                ++withdrawn;
            else
                problems.append(done.error().detail);
        }
        return afterChange(connection, database, originals, problems,
            QCoreApplication::translate(
                "SharedStoreService", "%n document(s) withdrawn from the shared store.", nullptr, withdrawn));
    });
}

void SharedStoreService::start(Job job)
{
    if (m_busy) { // one exchange at a time: this one is refused, the running one goes on
        Outcome refused;
        refused.message = QCoreApplication::translate(
            "SharedStoreService", "The shared store is still busy with the last action; try again when it is done.");
        Q_EMIT finished(refused);
        return;
    }
    auto address = sharedstore::parseStoreUrl(m_settings.text(settings::keys::StoreUrl));
    if (!address) {
        Outcome outcome;
        outcome.message = configured()
            ? address.error().detail
            : QCoreApplication::translate("SharedStoreService", "No shared store is configured.");
        Q_EMIT finished(outcome);
        return;
    }
    address->caCertificateFiles = m_settings.list(settings::keys::NetworkCaCertificates);
    m_busy = true;
    Q_EMIT busyChanged(true);
    if (!address->password.isEmpty())
        return runOnWorker(*address, std::move(job));
    // The keychain's password for the account (`store login`), else libpq's own sources.
    const QString account = sharedstore::storeAccount(*address);
    security::StorePasswordSource(m_secrets).read(
        account, this, [this, address = *address, job = std::move(job)](common::Result<QString> password) mutable {
            if (password)
                address.password = *password;
            else if (password.error().code != common::ErrorCode::NotFound)
                qCDebug(lcServices) << "no keychain for the store password:" << password.error().detail;
            runOnWorker(std::move(address), std::move(job));
        });
}

void SharedStoreService::runOnWorker(sharedstore::StoreAddress address, Job job)
{
    QPointer<SharedStoreService> self(this); // checked on the GUI thread only
    const QString indexPath = m_indexPath;
    QThread* thread
        = QThread::create([service = this, self, address = std::move(address), job = std::move(job), indexPath] {
              Outcome outcome;
              {
                  auto connection = sharedstore::StoreConnection::open(address);
                  auto database = index::IndexDatabase::open(indexPath);
                  if (!connection)
                      outcome.message
                          = QCoreApplication::translate("SharedStoreService", "The shared store cannot be reached: %1")
                                .arg(connection.error().detail);
                  else if (!database)
                      outcome.message = database.error().detail;
                  else
                      outcome = job(**connection, **database);
              } // both connections close on this thread, which opened them
              // The destructor waits for this thread, so the service is still there to post to.
              QMetaObject::invokeMethod(
                  service,
                  [self, outcome] {
                      if (self)
                          self->deliver(outcome);
                  },
                  Qt::QueuedConnection);
          });
    m_worker = thread;
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void SharedStoreService::deliver(const Outcome& outcome)
{
    m_worker = nullptr;
    m_busy = false;
    Q_EMIT busyChanged(false);
    Q_EMIT finished(outcome);
}

} // namespace genius::services
