// genius-bench store-publish: a data manager publishing statutes with vectors into the shared
// store (a throwaway PostgreSQL 15 cluster on loopback) and a staff member syncing them into an
// empty profile, each beside the floor of moving the same rows with PostgreSQL's COPY (psql
// \copy) in the same run: into plain tables of the same columns, and out of the store's tables;
// the sync also beside importing the same files locally (what a copy from the store replaces).
#include "benchcommands.h"
#include "benchcommon.h"
#include "legalcorpus.h"

#include "core/documents/pagetext.h"
#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/sharedstore/storeadmin.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storepublisher.h"
#include "core/sharedstore/storesync.h"
#include "integration/store/postgrescluster.h"
#include "integration/store/storetestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

namespace genius::bench {

using namespace Qt::StringLiterals;

namespace {

const QString kModel = u"bench-embedding"_s;
const QString kPassword = u"Bench-Kennwort-1"_s;

double secondsSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

/// Deterministic vectors (a linear congruential generator), so every run sends the same bytes.
QVector<float> pseudoVector(int dimension, quint32& state)
{
    QVector<float> vector(dimension);
    for (float& value : vector) {
        state = state * 1664525u + 1013904223u;
        value = static_cast<float>(state >> 8) / 16777216.0f - 0.5f;
    }
    return vector;
}

/// A CSV field as COPY reads it: quoted, quotes doubled.
QByteArray csv(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('"', "\"\"");
    return '"' + bytes + '"';
}

QByteArray csv(const QByteArray& bytea)
{
    return "\\x" + bytea.toHex();
}

/// The local side: the statutes imported into a fresh profile index, with vectors.
struct Profile {
    QTemporaryDir dir;
    std::unique_ptr<index::IndexDatabase> database;
    QList<qint64> documents;
    int pages = 0;
    int chunks = 0;
    double importSeconds = 0; ///< the import of the files and storing their vectors
};

QString prepareProfile(Profile& profile, const QStringList& files, int dimension)
{
    auto opened = index::IndexDatabase::open(profile.dir.filePath(u"index.sqlite"_s));
    if (!opened)
        return opened.error().detail;
    profile.database = std::move(*opened);
    QElapsedTimer timer;
    timer.start();
    {
        import::ImportQueue queue(*profile.database, {});
        QEventLoop loop;
        QObject::connect(&queue, &import::ImportQueue::idle, &loop, &QEventLoop::quit);
        for (const QString& file : files)
            profile.documents.append(queue.enqueue(file, domain::ProtectionClass::Normal).id);
        if (!queue.isIdle())
            loop.exec();
    }
    quint32 state = 20261207u;
    for (qint64 id : std::as_const(profile.documents)) {
        const auto record = profile.database->document(id);
        if (!record || record->status != index::DocumentStatus::Ready)
            return u"a statute could not be imported"_s;
        const auto chunks = profile.database->storedChunks(id);
        if (!chunks)
            return chunks.error().detail;
        QList<qint64> ids;
        QList<QVector<float>> vectors;
        for (const index::StoredChunk& chunk : *chunks) {
            ids << chunk.id;
            vectors << pseudoVector(dimension, state);
        }
        if (auto stored = profile.database->storeEmbeddings(kModel, ids, vectors); !stored)
            return stored.error().detail;
        profile.pages += record->pagesTotal;
        profile.chunks += static_cast<int>(chunks->size());
    }
    profile.importSeconds = secondsSince(timer);
    return {};
}

/// The rows publishing writes, as CSV files for COPY: pages, chunks, embeddings.
QString writeCopyFiles(const Profile& profile, const QDir& into)
{
    QFile pages(into.filePath(u"pages.csv"_s)), chunks(into.filePath(u"chunks.csv"_s)),
        vectors(into.filePath(u"embeddings.csv"_s));
    for (QFile* file : {&pages, &chunks, &vectors})
        if (!file->open(QIODevice::WriteOnly))
            return file->errorString();
    qint64 chunkId = 0;
    for (qint64 id : profile.documents) {
        const auto pageTexts = profile.database->pages(id, true);
        const auto stored = profile.database->storedChunks(id);
        const auto embeddings = profile.database->storedEmbeddings(id);
        if (!pageTexts || !stored || !embeddings)
            return u"the index cannot be read"_s;
        for (const documents::PageText& page : *pageTexts)
            pages.write(QByteArray::number(id) + ',' + QByteArray::number(page.number) + ',' + csv(page.text) + ','
                        + csv(documents::encodeWordBoxes(page.words)) + ',' + QByteArray::number(page.size.width())
                        + ',' + QByteArray::number(page.size.height()) + '\n');
        for (const index::StoredChunk& chunk : *stored)
            chunks.write(QByteArray::number(id) + ',' + QByteArray::number(chunk.ordinal) + ','
                         + QByteArray::number(chunk.firstPage) + ',' + QByteArray::number(chunk.lastPage) + ','
                         + csv(chunk.heading) + ',' + csv(chunk.text) + '\n');
        for (const index::StoredEmbedding& embedding : *embeddings)
            vectors.write(QByteArray::number(++chunkId) + ',' + csv(embedding.model) + ','
                          + QByteArray::number(embedding.dimension) + ',' + csv(embedding.vector) + '\n');
    }
    return {};
}

/// Runs psql as the cluster's superuser on the database genius; false when it fails.
bool psql(const tests::PostgresCluster& cluster, const QStringList& commands, QString* error)
{
    QStringList arguments {cluster.url(tests::PostgresCluster::superuser(), cluster.superuserPassword(), u"genius"_s),
                           u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s};
    for (const QString& command : commands)
        arguments << u"-c"_s << command;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"psql"_s, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = u"psql: "_s + QString::fromUtf8(process.readAll()).trimmed() + process.errorString();
        return false;
    }
    return true;
}

int failWithCluster(const tests::PostgresCluster& cluster)
{
    return failWith(u"PostgreSQL: "_s + cluster.error());
}

} // namespace

int storePublish(const QStringList& arguments)
{
    const Options options(arguments);
    if (const QStringList unknown = options.unknown({u"laws"_s, u"count"_s, u"dim"_s}); !unknown.isEmpty())
        return failWith(u"unknown option %1"_s.arg(unknown.front()));
    const QDir lawDir(options.text(u"laws"_s, corpusDir() + u"/gesetze"_s));
    const int dimension = static_cast<int>(options.integer(u"dim"_s, 1024));
    QStringList files;
    for (const QString& file : lawFiles(lawDir).mid(0, options.integer(u"count"_s, 30)))
        files << lawDir.filePath(file);
    if (files.isEmpty() || dimension < 1)
        return failWith(u"no statutes in %1, or a bad --dim"_s.arg(lawDir.path()));

    Profile publisher;
    if (const QString error = prepareProfile(publisher, files, dimension); !error.isEmpty())
        return failWith(error);

    // The store as the README sets it up, without statement logging (the tests' clusters log
    // every statement; a benchmark should not measure the log).
    tests::PostgresCluster cluster;
    if (!tests::startStoreServer(cluster, kPassword)
        || !cluster.superuserExec({u"ALTER SYSTEM SET log_statement = 'none'"_s, u"SELECT pg_reload_conf()"_s}))
        return failWithCluster(cluster);
    auto admin = tests::openStore(tests::storeAdminUrl(cluster, kPassword));
    if (!admin)
        return failWith(admin.error().detail);
    if (auto version = sharedstore::initializeStore(**admin); !version)
        return failWith(version.error().detail);
    for (const auto& [user, role] : {std::pair {u"anna"_s, sharedstore::StoreRole::DataManager},
                                     std::pair {u"sven"_s, sharedstore::StoreRole::Staff}})
        if (auto granted = sharedstore::grantStoreUser(**admin, {user, u"Stadt Aachen"_s, role, kPassword}); !granted)
            return failWith(granted.error().detail);

    // Publishing: one transaction per statute, as `import --collection Gesetze --store` does.
    auto anna = tests::openStore(cluster.url(u"anna"_s, kPassword, u"genius"_s));
    if (!anna)
        return failWith(anna.error().detail);
    QElapsedTimer timer;
    timer.start();
    for (qint64 id : std::as_const(publisher.documents))
        if (auto published = sharedstore::publishDocument(**anna, *publisher.database, id, {u"Gesetze"_s}); !published)
            return failWith(published.error().detail);
    const double publishSeconds = secondsSince(timer);

    // Syncing into an empty profile as staff.
    auto sven = tests::openStore(cluster.url(u"sven"_s, kPassword, u"genius"_s));
    QTemporaryDir staffDir;
    auto staffIndex = index::IndexDatabase::open(staffDir.filePath(u"index.sqlite"_s));
    if (!sven || !staffIndex)
        return failWith(u"the staff side cannot be opened"_s);
    timer.restart();
    const auto synced = sharedstore::syncStore(**sven, **staffIndex, staffDir.filePath(u"shared-originals"_s));
    const double syncSeconds = secondsSince(timer);
    if (!synced)
        return failWith(synced.error().detail);
    if (synced->added != publisher.documents.size())
        return failWith(u"the sync brought %1 of %2 statutes"_s.arg(synced->added).arg(publisher.documents.size()));

    // The floors: the same rows into plain tables with COPY, and the store's rows out with COPY.
    QTemporaryDir copyDir;
    if (const QString error = writeCopyFiles(publisher, QDir(copyDir.path())); !error.isEmpty())
        return failWith(error);
    QString error;
    if (!psql(cluster,
              {u"CREATE TABLE floor_pages (document_id bigint, number integer, text text, words bytea, width double "
               "precision, height double precision)"_s,
               u"CREATE TABLE floor_chunks (document_id bigint, ordinal integer, first_page integer, last_page "
               "integer, heading text, text text, search tsvector GENERATED ALWAYS AS (to_tsvector('german', "
               "heading || ' ' || text)) STORED)"_s,
               u"CREATE INDEX ON floor_chunks USING gin (search)"_s,
               u"CREATE TABLE floor_embeddings (chunk_id bigint, model text, dimension integer, vector bytea)"_s},
              &error))
        return failWith(error);
    timer.restart();
    if (!psql(cluster,
              {u"\\copy floor_pages FROM '%1' (FORMAT csv)"_s.arg(copyDir.filePath(u"pages.csv"_s)),
               u"\\copy floor_chunks (document_id, ordinal, first_page, last_page, heading, text) FROM '%1' (FORMAT "
               "csv)"_s.arg(copyDir.filePath(u"chunks.csv"_s)),
               u"\\copy floor_embeddings FROM '%1' (FORMAT csv)"_s.arg(copyDir.filePath(u"embeddings.csv"_s))},
              &error))
        return failWith(error);
    const double copyInSeconds = secondsSince(timer);
    timer.restart();
    if (!psql(cluster,
              {u"\\copy (SELECT * FROM genius.pages) TO '/dev/null'"_s,
               u"\\copy (SELECT * FROM genius.chunks) TO '/dev/null'"_s,
               u"\\copy (SELECT * FROM genius.embeddings) TO '/dev/null'"_s,
               u"\\copy (SELECT * FROM genius.originals) TO '/dev/null'"_s},
              &error))
        return failWith(error);
    const double copyOutSeconds = secondsSince(timer);

    JsonLine()
        .add(u"bench"_s, u"store-publish"_s)
        .add(u"statutes"_s, static_cast<int>(publisher.documents.size()))
        .add(u"pages"_s, publisher.pages)
        .add(u"chunks"_s, publisher.chunks)
        .add(u"dim"_s, dimension)
        .add(u"megabytes"_s,
             static_cast<double>(QFileInfo(copyDir.filePath(u"pages.csv"_s)).size()
                                 + QFileInfo(copyDir.filePath(u"chunks.csv"_s)).size()
                                 + QFileInfo(copyDir.filePath(u"embeddings.csv"_s)).size())
                 / 1e6,
             1)
        .add(u"publish_s"_s, publishSeconds, 3)
        .add(u"copy_in_s"_s, copyInSeconds, 3)
        .add(u"sync_s"_s, syncSeconds, 3)
        .add(u"copy_out_s"_s, copyOutSeconds, 3)
        .add(u"import_s"_s, publisher.importSeconds, 3)
        .print();
    return 0;
}

} // namespace genius::bench
