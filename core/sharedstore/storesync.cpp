#include "core/sharedstore/storesync.h"

#include "core/index/sharedcopies.h"
#include "core/sharedstore/sharedstorelogging.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storeschema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlQuery>

namespace genius::sharedstore {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

/// A document as the store lists it (without its content).
struct Listed {
    qint64 id = 0;
    qint64 revision = 0;
    QString sha256;
    QString name;
    QString format;
    QString cls;
    int pages = 0;
    QJsonObject metadata;
};

QString sha256Of(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

class Sync
{
public:
    Sync(const StoreConnection& connection, index::IndexDatabase& database, QString originalsDirectory)
        : m_connection(connection)
        , m_copies(database)
        , m_originals(std::move(originalsDirectory))
    { }

    Result<SyncReport> run()
    {
        // One snapshot of the store: what is listed is what is fetched.
        if (auto snapshot
            = m_connection.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"),
                QStringLiteral("start reading the store"));
            !snapshot)
            return std::unexpected(snapshot.error());
        auto tenant = m_connection.query(QStringLiteral("SELECT name, revision FROM genius.tenants "
                                                        "WHERE id = genius.current_tenant()"),
            {}, QStringLiteral("read the tenant"));
        if (!tenant)
            return std::unexpected(tenant.error());
        if (!tenant->next())
            return fail(ErrorCode::Denied,
                QStringLiteral("%1 belongs to no tenant of the shared store; its administrator grants it with "
                               "'store grant'.")
                    .arg(m_connection.address().user));
        m_report.store = storeAccount(m_connection.address());
        m_report.tenant = tenant->value(0).toString();
        m_report.revision = tenant->value(1).toLongLong();
        const auto role = m_connection.value(
            QStringLiteral("SELECT role FROM genius.memberships WHERE member = current_user"), {},
            QStringLiteral("read the user's role"));
        if (!role)
            return std::unexpected(role.error());
        m_report.role = role->toString();

        const auto state = m_copies.syncState();
        if (!state)
            return std::unexpected(state.error());
        // A new grant changes what the user sees (staff: published collections only) without a
        // new revision: then everything is listed again.
        if (*state && (*state)->store == m_report.store && (*state)->tenant == m_report.tenant
            && (*state)->revision == m_report.revision && (*state)->role == m_report.role) {
            m_report.upToDate = true;
            if (auto recorded = m_copies.recordCheck(m_report.role, QDateTime::currentDateTimeUtc()); !recorded)
                return std::unexpected(recorded.error());
            return m_report;
        }
        if (*state && ((*state)->store != m_report.store || (*state)->tenant != m_report.tenant)) {
            // Ids of another store or tenant mean nothing here: start again from nothing.
            const auto forgotten = m_copies.forget();
            if (!forgotten)
                return std::unexpected(forgotten.error());
            m_report.removed += forgotten->removedDocuments;
        }
        if (auto listed = listCollections(); !listed)
            return std::unexpected(listed.error());
        auto documents = listDocuments();
        if (!documents)
            return std::unexpected(documents.error());
        auto origins = m_copies.documentOrigins();
        if (!origins)
            return std::unexpected(origins.error());

        QSet<qint64> visible;
        QHash<qint64, qint64> sameContent; // a document whose file another listed document has already
        QHash<QString, qint64> bySha;
        for (const Listed& document : std::as_const(*documents)) {
            if (const auto first = bySha.constFind(document.sha256); first != bySha.cend()) {
                sameContent.insert(document.id, *first);
                continue;
            }
            bySha.insert(document.sha256, document.id);
            visible.insert(document.id);
            if (auto copied = bringUpToDate(document, origins->value(document.id)); !copied)
                return std::unexpected(copied.error());
        }
        for (index::CopiedCollection& collection : m_collections)
            for (qint64& origin : collection.documentOrigins)
                origin = sameContent.value(origin, origin);

        const index::SyncState reached { m_report.store, m_report.tenant, m_report.revision,
            QDateTime::currentDateTimeUtc(), m_report.role };
        const auto mirrored = m_copies.finish(m_collections, visible, reached);
        if (!mirrored)
            return std::unexpected(mirrored.error());
        m_report.collections = mirrored->collections;
        m_report.removed += mirrored->removedDocuments;
        m_report.kept = mirrored->keptDocuments;
        m_report.removedCollections = mirrored->removedCollections;
        m_report.warnings.append(mirrored->warnings);
        for (const QString& file : mirrored->orphanedFiles)
            if (QFileInfo(file).absolutePath() == QDir(m_originals).absolutePath())
                QFile::remove(file); // only originals this sync fetched, never a user's file
        return m_report;
    }

private:
    Result<void> listCollections()
    {
        auto collections = m_connection.query(
            QStringLiteral("SELECT id, name, description, class, revision, published FROM genius.collections "
                           "WHERE tenant_id = genius.current_tenant() AND NOT deleted ORDER BY name, id"),
            {}, QStringLiteral("list the collections"));
        if (!collections)
            return std::unexpected(collections.error());
        QHash<qint64, qsizetype> position;
        while (collections->next()) {
            index::CopiedCollection collection;
            collection.originId = collections->value(0).toLongLong();
            collection.name = collections->value(1).toString();
            collection.description = collections->value(2).toString();
            collection.tenant = m_report.tenant;
            collection.protectionClass = domain::parseProtectionClass(collections->value(3).toString())
                                             .value_or(domain::ProtectionClass::VeryHigh);
            collection.originRevision = collections->value(4).toLongLong();
            collection.published = collections->value(5).toBool();
            position.insert(collection.originId, m_collections.size());
            m_collections.append(collection);
        }
        auto assignments = m_connection.query(
            QStringLiteral(
                "SELECT a.collection_id, a.document_id FROM genius.assignments a "
                "JOIN genius.collections c ON c.id = a.collection_id JOIN genius.documents d ON d.id = a.document_id "
                "WHERE a.tenant_id = genius.current_tenant() AND NOT a.deleted AND NOT c.deleted "
                "AND NOT d.deleted ORDER BY a.collection_id, a.document_id"),
            {}, QStringLiteral("list the assignments"));
        if (!assignments)
            return std::unexpected(assignments.error());
        while (assignments->next())
            if (const auto at = position.constFind(assignments->value(0).toLongLong()); at != position.cend())
                m_collections[*at].documentOrigins.append(assignments->value(1).toLongLong());
        return {};
    }

    Result<QList<Listed>> listDocuments()
    {
        auto documents = m_connection.query(
            QStringLiteral(
                "SELECT d.id, d.revision, d.original_sha256, d.name, d.format, d.class, d.pages, "
                "CAST(d.metadata AS text) FROM genius.documents d WHERE d.tenant_id = genius.current_tenant() "
                "AND NOT d.deleted AND EXISTS (SELECT 1 FROM genius.assignments a JOIN genius.collections c "
                "ON c.id = a.collection_id WHERE a.document_id = d.id AND NOT a.deleted "
                "AND NOT c.deleted) ORDER BY d.id"),
            {}, QStringLiteral("list the documents"));
        if (!documents)
            return std::unexpected(documents.error());
        QList<Listed> listed;
        while (documents->next())
            listed.append({ documents->value(0).toLongLong(), documents->value(1).toLongLong(),
                documents->value(2).toString(), documents->value(3).toString(), documents->value(4).toString(),
                documents->value(5).toString(), documents->value(6).toInt(),
                QJsonDocument::fromJson(documents->value(7).toString().toUtf8()).object() });
        return listed;
    }

    /// Copies, links or leaves one listed document.
    Result<void> bringUpToDate(const Listed& document, const index::DocumentOrigin& origin)
    {
        if (origin.localId != 0 && origin.originRevision == document.revision) {
            ++m_report.unchanged;
            return {};
        }
        if (origin.localId != 0 && !origin.shared) { // the local document is the store's: only the revision moves
            ++m_report.unchanged;
            return m_copies.link(origin.localId, document.id, document.revision);
        }
        if (origin.localId == 0) {
            const auto local = m_copies.documentWithContent(document.sha256);
            if (!local)
                return std::unexpected(local.error());
            if (*local && !(*local)->shared) {
                ++m_report.linked;
                return m_copies.link((*local)->id, document.id, document.revision);
            }
            if (*local) { // a copy of another store document of the same file (should not happen)
                m_report.warnings.append(QStringLiteral("\"%1\" has the same file as \"%2\"; it is kept once.")
                                             .arg(document.name, (*local)->name));
                return {};
            }
        }
        auto copy = fetch(document);
        if (!copy)
            return std::unexpected(copy.error());
        if (auto stored = m_copies.storeCopy(*copy); !stored)
            return std::unexpected(stored.error());
        ++(origin.localId == 0 ? m_report.added : m_report.updated);
        return {};
    }

    Result<index::CopiedDocument> fetch(const Listed& document)
    {
        index::CopiedDocument copy;
        copy.originId = document.id;
        copy.originRevision = document.revision;
        copy.name = document.name;
        copy.sha256 = document.sha256;
        copy.format = document.format;
        copy.protectionClass = domain::parseProtectionClass(document.cls).value_or(domain::ProtectionClass::VeryHigh);
        copy.paged = document.metadata.value(QStringLiteral("paged")).toBool(true);
        copy.pagesTotal = document.pages;
        copy.title = document.metadata.value(QStringLiteral("title")).toString();
        copy.author = document.metadata.value(QStringLiteral("author")).toString();

        auto pages = m_connection.query(
            QStringLiteral("SELECT number, text, words, width, height, ocr, confidence "
                           "FROM genius.pages WHERE document_id = ? AND NOT deleted ORDER BY number"),
            { document.id }, QStringLiteral("read the pages"));
        if (!pages)
            return std::unexpected(pages.error());
        while (pages->next()) {
            documents::PageText page;
            page.number = pages->value(0).toInt();
            page.text = pages->value(1).toString();
            page.words = documents::decodeWordBoxes(pages->value(2).toByteArray());
            page.size = QSizeF(pages->value(3).toDouble(), pages->value(4).toDouble());
            page.ocr = pages->value(5).toBool();
            page.confidence = pages->value(6).toDouble();
            copy.pages.append(page);
        }
        auto chunks = m_connection.query(
            QStringLiteral("SELECT ordinal, first_page, last_page, start_offset, end_offset, "
                           "heading, text FROM genius.chunks WHERE document_id = ? AND NOT deleted "
                           "ORDER BY ordinal"),
            { document.id }, QStringLiteral("read the passages"));
        if (!chunks)
            return std::unexpected(chunks.error());
        while (chunks->next())
            copy.chunks.append({ 0, chunks->value(0).toInt(), chunks->value(1).toInt(), chunks->value(2).toInt(),
                chunks->value(3).toInt(), chunks->value(4).toInt(), chunks->value(5).toString(),
                chunks->value(6).toString() });
        auto vectors = m_connection.query(
            QStringLiteral("SELECT c.ordinal, e.model, e.dimension, e.vector FROM genius.embeddings e "
                           "JOIN genius.chunks c ON c.id = e.chunk_id WHERE c.document_id = ? AND NOT c.deleted "
                           "AND NOT e.deleted ORDER BY e.model, c.ordinal"),
            { document.id }, QStringLiteral("read the vectors"));
        if (!vectors)
            return std::unexpected(vectors.error());
        while (vectors->next())
            copy.embeddings.append({ vectors->value(0).toLongLong(), vectors->value(1).toString(),
                vectors->value(2).toInt(), vectors->value(3).toByteArray() });
        auto original = fetchOriginal(document);
        if (!original)
            return std::unexpected(original.error());
        copy.sourcePath = original->first;
        copy.size = original->second;
        return copy;
    }

    /// The original into the profile: kept when a verified copy is there already.
    Result<std::pair<QString, qint64>> fetchOriginal(const Listed& document)
    {
        const QString suffix = QFileInfo(document.name).suffix().toLower();
        const QString path
            = QDir(m_originals)
                  .filePath(suffix.isEmpty() || suffix.size() > 8 ? document.sha256
                                                                  : document.sha256 + QLatin1Char('.') + suffix);
        if (QFile present(path); present.open(QIODevice::ReadOnly)) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            if (hash.addData(&present) && QString::fromLatin1(hash.result().toHex()) == document.sha256)
                return std::pair { path, present.size() };
        }
        auto content = m_connection.value(QStringLiteral("SELECT content FROM genius.originals "
                                                         "WHERE tenant_id = genius.current_tenant() AND sha256 = ?"),
            { document.sha256 }, QStringLiteral("read an original"));
        if (!content)
            return std::unexpected(content.error());
        const QByteArray bytes = content->toByteArray();
        if (content->isNull() || sha256Of(bytes) != document.sha256)
            return fail(ErrorCode::Corrupt,
                QStringLiteral("The store's original of \"%1\" is missing or damaged.").arg(document.name));
        if (!QDir().mkpath(m_originals))
            return fail(ErrorCode::Io, QStringLiteral("The folder for shared originals cannot be created."));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return fail(ErrorCode::Io,
                QStringLiteral("The original of \"%1\" cannot be saved: %2").arg(document.name, file.errorString()));
        m_report.originalBytes += bytes.size();
        return std::pair { path, static_cast<qint64>(bytes.size()) };
    }

    const StoreConnection& m_connection;
    index::SharedCopies m_copies;
    QString m_originals;
    SyncReport m_report;
    QList<index::CopiedCollection> m_collections;
};

} // namespace

Result<SyncReport> syncStore(
    const StoreConnection& connection, index::IndexDatabase& database, const QString& originalsDirectory)
{
    const auto version = storeSchemaVersion(connection);
    if (!version)
        return std::unexpected(version.error());
    if (*version != latestStoreVersion())
        return fail(ErrorCode::InvalidArgument,
            *version < latestStoreVersion()
                ? QStringLiteral("The shared store has schema version %1; its administrator updates it with "
                                 "'store init' before clients can sync.")
                      .arg(*version)
                : QStringLiteral("The shared store has schema version %1, newer than this version understands; "
                                 "update NRW.Genius.")
                      .arg(*version));
    Result<SyncReport> report = fail(ErrorCode::Unreachable, QString());
    const auto done = connection.transaction([&]() -> Result<void> {
        report = Sync(connection, database, originalsDirectory).run();
        if (!report)
            return std::unexpected(report.error());
        return {};
    });
    if (!done)
        return std::unexpected(done.error());
    qCDebug(lcSharedStore) << "synced" << report->store << "to revision" << report->revision << "added" << report->added
                           << "updated" << report->updated << "removed" << report->removed;
    return report;
}

} // namespace genius::sharedstore
