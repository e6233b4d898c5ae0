#include "app/cli/importcommand.h"

#include "app/cli/indexsession.h"
#include "app/cli/interrupt.h"
#include "app/cli/output.h"
#include "app/cli/storesession.h"
#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/settings/settings.h"
#include "core/sharedstore/storeconnection.h"
#include "core/sharedstore/storepublisher.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace genius::cli {

using index::DocumentStatus;

// Out of line: ImportQueue and StoreConnection are complete types only here.
ImportCommand::ImportCommand() = default;
ImportCommand::~ImportCommand() = default;

QString ImportCommand::summary() const
{
    return tr("Import and preprocess documents into the local index");
}

QString ImportCommand::usage() const
{
    return tr("Usage: genius-cli [--store URL] import [--collection NAME] [--class C] FILE...\n"
              "\n"
              "Reads PDF (scanned pages by OCR), images, DOCX, ODT, text, Markdown and HTML files,\n"
              "splits them into passages with page anchors and indexes them on this workstation.\n"
              "C is the documents' protection class (none, normal, high, very-high; default normal).\n"
              "--collection assigns the documents to NAME and creates it, capped at C, if missing\n"
              "(data managers only: exit 4 for staff).\n"
              "With a gateway configured, passages of documents its embedding model is cleared for\n"
              "also get vectors; the others are indexed for lexical search only.\n"
              "Prints each document's id; progress goes to standard error. A file that cannot be\n"
              "read is reported and skipped (exit 2); the others are still imported. Ctrl+C stops\n"
              "(exit 7); running the command again resumes where it stopped.\n"
              "With a shared store (--store URL or the setting store/url) and --collection, each\n"
              "imported document is then published into the store's collection NAME of the\n"
              "user's tenant, created with class C when missing: data managers of the store only\n"
              "(exit 4 for staff, before anything is imported); very-high documents are never\n"
              "published (exit 3). --store needs --collection.");
}

void ImportCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments, {{QStringLiteral("collection"), true}, {QStringLiteral("class"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    // Filling a collection is a data manager's job; staff import their own documents without one.
    if (parsed->has(QStringLiteral("collection")) && !requireDataManager(context, tr("import into a collection")))
        return done(ExitCode::GatewayRefused);
    if (parsed->positional.isEmpty()) {
        context.output.error(tr("No files given. Run 'genius-cli import --help'."));
        return done(ExitCode::Usage);
    }
    const QString className = parsed->has(QStringLiteral("class")) ? parsed->value(QStringLiteral("class"))
                                                                   : QStringLiteral("normal");
    const auto cls = domain::parseProtectionClass(className);
    if (!cls) {
        context.output.error(tr("Unknown protection class '%1'; use none, normal, high or very-high.").arg(className));
        return done(ExitCode::Usage);
    }
    m_class = *cls;
    m_collection = parsed->value(QStringLiteral("collection")).trimmed();
    // The store setting alone leaves a plain import local; --store asks for publishing.
    if (storeGivenForThisRun(context) && m_collection.isEmpty()) {
        context.output.error(tr("--store publishes into a collection: add --collection NAME."));
        return done(ExitCode::Usage);
    }
    if (storeConfigured(context) && !m_collection.isEmpty()) {
        if (m_class == domain::ProtectionClass::VeryHigh) {
            context.output.error(tr("Documents of the class very-high never leave this workstation and are not "
                                    "published into the shared store; nothing was imported."));
            return done(ExitCode::Refused);
        }
        // Connected and checked before anything is imported: staff change nothing anywhere.
        ExitCode failure = ExitCode::Success;
        m_store = openStoreAsDataManager(context, tr("publish into the shared store"), &failure);
        if (!m_store)
            return done(failure);
    }
    for (const QString& path : parsed->positional)
        m_files.append({path, 0, QString(), ExitCode::Success, -1});

    m_session = std::make_unique<IndexSession>(context);
    if (!m_session->open())
        return done(m_session->openError());
    if (!m_collection.isEmpty()) {
        const auto existing = m_session->database().collection(m_collection);
        if (!existing) {
            if (existing.error().code != common::ErrorCode::NotFound) {
                context.output.error(existing.error().detail);
                return done(exitCodeFor(existing.error()));
            }
            if (auto created = m_session->database().createCollection(m_collection, m_class); !created) {
                context.output.error(created.error().detail);
                return done(exitCodeFor(created.error()));
            }
        }
    }
    m_session->connectGateway([this, &context, done] { start(context, done); });
}

void ImportCommand::start(CommandContext& context, Done done)
{
    const Output& output = context.output;
    m_queue = std::make_unique<import::ImportQueue>(m_session->database(), import::ImportOptions{});
    m_queue->setEmbeddingProvider(m_session->embeddings());
    if (!m_session->embeddings())
        output.error(tr("No gateway is configured: the documents are indexed for lexical search only."));

    QObject::connect(m_queue.get(), &import::ImportQueue::progress, m_queue.get(),
                     [this, &output](qint64 id, int pagesDone, int pagesTotal) {
                         for (FileState& file : m_files) {
                             if (file.id != id || pagesTotal <= 0)
                                 continue;
                             // One line per tenth of the pages keeps logs of batch runs readable.
                             const int tenth = pagesDone * 10 / pagesTotal;
                             if (tenth != file.lastReported) {
                                 file.lastReported = tenth;
                                 output.error(tr("%1: page %2 of %3").arg(QFileInfo(file.path).fileName()).arg(pagesDone).arg(pagesTotal));
                             }
                         }
                     });
    QObject::connect(m_queue.get(), &import::ImportQueue::idle, m_queue.get(), [this, &context, done] {
        report(context, done);
    });
    onInterrupt(m_queue.get(), [this] {
        m_cancelled = true;
        for (const FileState& file : std::as_const(m_files)) {
            if (file.id != 0)
                m_queue->cancel(file.id);
        }
    });

    QList<qint64> scheduled;
    for (FileState& file : m_files) {
        const auto enqueued = m_queue->enqueue(file.path, m_class);
        file.id = enqueued.id;
        if (enqueued.error) {
            file.error = enqueued.error->detail;
            file.exit = exitCodeFor(*enqueued.error);
            output.error(tr("%1: %2").arg(file.path, enqueued.error->detail));
        } else if (!enqueued.created) {
            scheduled.append(file.id);
        }
    }
    // Known content whose earlier import was interrupted continues where it stopped.
    m_queue->resume(scheduled);
    if (m_queue->isIdle())
        report(context, done);
}

void ImportCommand::report(CommandContext& context, Done done)
{
    if (m_reported)
        return;
    m_reported = true;
    const Output& output = context.output;
    auto& database = m_session->database();
    ExitCode exit = ExitCode::Success;
    QJsonArray array;
    for (FileState& file : m_files) {
        std::optional<index::DocumentRecord> record;
        if (file.id != 0) {
            if (auto found = database.document(file.id))
                record = *found;
        }
        if (record && record->status == DocumentStatus::Failed && file.error.isEmpty()) {
            file.error = record->errorDetail;
            file.exit = ExitCode::BadInput;
            output.error(tr("%1: %2").arg(file.path, record->errorDetail));
        }
        if (record && record->status == DocumentStatus::Ready && !m_collection.isEmpty()) {
            if (auto assigned = database.assign(file.id, m_collection); !assigned) {
                file.error = assigned.error().detail;
                file.exit = exitCodeFor(assigned.error());
                output.error(assigned.error().detail);
            }
        }
        if (record && record->status == DocumentStatus::Ready && record->embeddingState == QLatin1String("failed"))
            output.error(tr("%1: no vectors (the gateway did not answer); lexical search works.").arg(record->name));
        if (file.exit != ExitCode::Success && exit == ExitCode::Success)
            exit = file.exit;
        // Published only what the local steps finished without a failure (the local class cap included).
        QJsonObject stored;
        if (m_store && record && record->status == DocumentStatus::Ready && file.exit == ExitCode::Success) {
            publish(output, file, stored);
            if (file.exit != ExitCode::Success && exit == ExitCode::Success)
                exit = file.exit;
        }
        if (output.json()) {
            QJsonObject object{{QStringLiteral("id"), record ? QJsonValue(static_cast<double>(record->id)) : QJsonValue()},
                               {QStringLiteral("name"), record ? record->name : QFileInfo(file.path).fileName()},
                               {QStringLiteral("pages"), record ? record->pagesTotal : 0},
                               {QStringLiteral("chunks"), record ? record->chunks : 0},
                               {QStringLiteral("status"), record ? index::documentStatusName(record->status)
                                                                 : QStringLiteral("failed")}};
            if (!file.error.isEmpty())
                object.insert(QStringLiteral("error"), file.error);
            if (m_store) {
                object.insert(QStringLiteral("published"), file.published);
                for (auto it = stored.constBegin(); it != stored.constEnd(); ++it)
                    object.insert(it.key(), it.value());
            }
            array.append(object);
        } else if (record && record->status == DocumentStatus::Ready) {
            output.line(QString::number(record->id));
        }
    }
    if (output.json())
        output.jsonValue(array);
    m_store.reset(); // the connection ends with the command, not with the application
    done(m_cancelled ? ExitCode::Cancelled : exit);
}

void ImportCommand::publish(const Output& output, FileState& file, QJsonObject& object)
{
    const auto outcome = sharedstore::publishDocument(*m_store, m_session->database(), file.id,
                                                      {m_collection, m_class});
    if (!outcome) {
        file.error = outcome.error().detail;
        file.exit = exitCodeFor(outcome.error());
        output.error(outcome.error().detail);
        return;
    }
    file.published = true;
    object.insert(QStringLiteral("store_document"), static_cast<double>(outcome->storeDocumentId));
    object.insert(QStringLiteral("store_collection"), static_cast<double>(outcome->storeCollectionId));
    object.insert(QStringLiteral("store_change"), sharedstore::publishedDocumentName(outcome->document));
    const QString name = QFileInfo(file.path).fileName();
    if (outcome->document == sharedstore::PublishOutcome::Document::Unchanged)
        output.error(tr("%1: unchanged in \"%2\" of the shared store (document %3).")
                         .arg(name, m_collection).arg(outcome->storeDocumentId));
    else
        output.error(tr("%1: published into \"%2\" of the shared store (document %3, %n passage(s)).", nullptr,
                        outcome->chunks)
                         .arg(name, m_collection).arg(outcome->storeDocumentId));
}

} // namespace genius::cli
