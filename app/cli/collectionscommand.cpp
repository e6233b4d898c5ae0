#include "app/cli/collectionscommand.h"

#include "app/cli/indexsession.h"
#include "app/cli/output.h"
#include "app/cli/storesession.h"
#include "core/index/indexdatabase.h"
#include "core/sharedstore/storecollectionchanges.h"
#include "core/sharedstore/storecollections.h"
#include "core/sharedstore/storeconnection.h"

#include <QJsonArray>
#include <QJsonObject>

namespace genius::cli {

namespace {

QJsonObject collectionJson(const index::CollectionRecord& record)
{
    return QJsonObject{
        {QStringLiteral("name"), record.name},
        {QStringLiteral("class"), domain::protectionClassName(record.protectionClass)},
        {QStringLiteral("description"), record.description},
        {QStringLiteral("tenant"), record.tenant},
        {QStringLiteral("published"), record.published},
        {QStringLiteral("documents"), record.documents},
        {QStringLiteral("created"), record.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("shared"), record.shared}, // a read-only copy of the shared store's
    };
}

/// The local shape plus what the store has: its ids and the revision for syncing.
QJsonObject storeCollectionJson(const sharedstore::StoreCollection& record)
{
    index::CollectionRecord local;
    local.name = record.name;
    local.protectionClass = record.protectionClass;
    local.description = record.description;
    local.tenant = record.tenant;
    local.published = record.published;
    local.documents = record.documents;
    local.createdAt = record.createdAt.toUTC();
    QJsonObject object = collectionJson(local);
    object.insert(QStringLiteral("updated"), record.updatedAt.toUTC().toString(Qt::ISODate));
    object.insert(QStringLiteral("id"), static_cast<double>(record.id));
    object.insert(QStringLiteral("revision"), static_cast<double>(record.revision));
    object.insert(QStringLiteral("source"), QStringLiteral("store"));
    return object;
}

/// `collections list` against the shared store: what the server lets the user see.
ExitCode listStoreCollections(CommandContext& context)
{
    ExitCode failure = ExitCode::Success;
    const auto connection = openConfiguredStore(context, &failure);
    if (!connection)
        return failure;
    const auto collections = sharedstore::storeCollections(*connection);
    if (!collections) {
        context.output.error(collections.error().detail);
        return exitCodeFor(collections.error());
    }
    QJsonArray array;
    for (const sharedstore::StoreCollection& record : *collections) {
        if (context.output.json()) {
            array.append(storeCollectionJson(record));
            continue;
        }
        context.output.line(QStringLiteral("%1  %2  %3  %4")
                                .arg(record.name.leftJustified(24),
                                     domain::protectionClassName(record.protectionClass).leftJustified(9),
                                     CollectionsCommand::tr("%n document(s)", nullptr, record.documents).leftJustified(14),
                                     record.published ? CollectionsCommand::tr("published")
                                                      : CollectionsCommand::tr("not published")));
    }
    if (context.output.json())
        context.output.jsonValue(array);
    return ExitCode::Success;
}

/// `collections create|delete|rename|publish|unpublish|assign|unassign` against the shared
/// store, as a data manager of the store user's tenant (`words` checked for arity already).
ExitCode changeStoreCollections(CommandContext& context, const ParsedArguments& parsed, const QStringList& words)
{
    const Output& output = context.output;
    const QString action = words.at(0);
    if (parsed.has(QStringLiteral("tenant"))) {
        output.error(CollectionsCommand::tr("A collection of the shared store belongs to the tenant of the store's "
                                            "user; --tenant is for local collections only."));
        return ExitCode::Usage;
    }
    const bool assigning = action == QLatin1String("assign") || action == QLatin1String("unassign");
    qint64 documentId = 0;
    if (assigning) {
        const auto id = parseDocumentId(words.at(1));
        if (!id) {
            output.error(CollectionsCommand::tr("'%1' is not a document id of the shared store; with --store, give one "
                                                "id as 'import --json' prints it in 'store_document'.")
                             .arg(words.at(1)));
            return ExitCode::Usage;
        }
        documentId = *id;
    }
    auto cls = std::optional(domain::ProtectionClass::Normal);
    if (parsed.has(QStringLiteral("class")))
        cls = domain::parseProtectionClass(parsed.value(QStringLiteral("class")));
    if (!cls) {
        output.error(CollectionsCommand::tr("Unknown protection class '%1'; use none, normal, high or very-high.")
                         .arg(parsed.value(QStringLiteral("class"))));
        return ExitCode::Usage;
    }
    // Staff and users of no tenant are refused here, before anything changes.
    ExitCode failure = ExitCode::Success;
    const auto connection = openStoreAsDataManager(context, CollectionsCommand::tr("change collections"), &failure);
    if (!connection)
        return failure;
    const QString name = words.at(assigning ? 2 : 1);
    const auto failWith = [&output](const common::Error& error) {
        output.error(error.detail);
        return exitCodeFor(error);
    };
    const auto show = [&output](const QJsonObject& object, const QString& sentence) {
        if (output.json())
            output.jsonValue(object);
        else
            output.line(sentence);
        return ExitCode::Success;
    };

    if (assigning) {
        const bool assign = action == QLatin1String("assign");
        const auto change = assign ? sharedstore::assignStoreDocument(*connection, documentId, name)
                                   : sharedstore::unassignStoreDocument(*connection, documentId, name);
        if (!change)
            return failWith(change.error());
        QJsonObject object = storeCollectionJson(change->collection);
        object.insert(QStringLiteral("document"), static_cast<double>(documentId));
        object.insert(assign ? QStringLiteral("assigned") : QStringLiteral("unassigned"), change->changed);
        QString sentence;
        if (assign)
            sentence = change->changed ? CollectionsCommand::tr("Document %1 assigned to \"%2\".")
                                       : CollectionsCommand::tr("Document %1 is in \"%2\" already.");
        else
            sentence = change->changed ? CollectionsCommand::tr("Document %1 taken out of \"%2\".")
                                       : CollectionsCommand::tr("Document %1 was not in \"%2\".");
        return show(object, sentence.arg(documentId).arg(change->collection.name));
    }
    if (action == QLatin1String("create")) {
        const auto created = sharedstore::createStoreCollection(
            *connection, name, *cls, parsed.value(QStringLiteral("description")));
        if (!created)
            return failWith(created.error());
        return show(storeCollectionJson(*created), CollectionsCommand::tr("Collection \"%1\" created (class %2).")
                                                       .arg(created->name, domain::protectionClassName(*cls)));
    }
    if (action == QLatin1String("delete")) {
        const auto deleted = sharedstore::deleteStoreCollection(*connection, name);
        if (!deleted)
            return failWith(deleted.error());
        // The local shape (the collection as it was) and the tombstone's revision.
        QJsonObject object = storeCollectionJson(*deleted);
        object.insert(QStringLiteral("deleted"), true);
        return show(object,
            CollectionsCommand::tr("Collection \"%1\" deleted; its %n document(s) stay.", nullptr, deleted->documents)
                .arg(deleted->name));
    }
    if (action == QLatin1String("describe")) {
        const auto described = sharedstore::describeStoreCollection(*connection, name, words.at(2));
        if (!described)
            return failWith(described.error());
        return show(storeCollectionJson(*described),
            CollectionsCommand::tr("Description of collection \"%1\" saved.").arg(described->name));
    }
    if (action == QLatin1String("rename")) {
        const auto renamed = sharedstore::renameStoreCollection(*connection, name, words.at(2));
        if (!renamed)
            return failWith(renamed.error());
        return show(storeCollectionJson(*renamed),
            CollectionsCommand::tr("Collection \"%1\" renamed to \"%2\".").arg(name, renamed->name));
    }
    const bool publish = action == QLatin1String("publish");
    const auto changed = sharedstore::publishStoreCollection(*connection, name, publish);
    if (!changed)
        return failWith(changed.error());
    return show(storeCollectionJson(*changed),
        publish ? CollectionsCommand::tr("Collection \"%1\" published.").arg(name)
                : CollectionsCommand::tr("Collection \"%1\" unpublished.").arg(name));
}

/// The worse of two exit codes (a batch reports its worst failure).
ExitCode worse(ExitCode a, ExitCode b)
{
    return toInt(b) > toInt(a) ? b : a;
}

} // namespace

QString CollectionsCommand::summary() const
{
    return tr("List, create, fill and delete collections");
}

QString CollectionsCommand::usage() const
{
    return tr("Usage: genius-cli collections [list]\n"
              "       genius-cli collections create NAME [--class C] [--description TEXT] [--tenant T]\n"
              "       genius-cli collections assign DOC[,DOC...] NAME\n"
              "       genius-cli collections unassign DOC[,DOC...] NAME\n"
              "       genius-cli collections delete NAME\n"
              "       genius-cli collections rename NAME NEW-NAME\n"
              "       genius-cli collections describe NAME TEXT\n"
              "       genius-cli collections publish NAME | unpublish NAME\n"
              "\n"
              "A collection's class (default normal) caps its documents: assigning a document of a\n"
              "higher class is refused (exit 3) and the others of the batch are still assigned.\n"
              "Deleting a collection keeps its documents; 'describe' sets its description (\"\" clears\n"
              "it). 'documents --unassigned' lists the documents that belong to no collection.\n"
              "Only data managers may change collections (exit 4 for staff); staff see only the\n"
              "published ones.\n"
              "\n"
              "With a shared store (--store URL, or the setting store/url) these actions work on the\n"
              "store's collections of the store user's tenant: DOC is then the store's document id\n"
              "('store_document' of 'import --json'), one at a time; new collections are unpublished;\n"
              "--tenant does not apply and the class very-high is refused. Names are exact; a name that\n"
              "differs from a live one only in letter case counts as taken.");
}

void CollectionsCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments, {{QStringLiteral("class"), true}, {QStringLiteral("description"), true}, {QStringLiteral("tenant"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    const QStringList words = parsed->positional;
    const QString action = words.value(0, QStringLiteral("list"));
    const auto arity = QHash<QString, qsizetype>{{QStringLiteral("list"), 1},     {QStringLiteral("create"), 2},
                                                 {QStringLiteral("assign"), 3},   {QStringLiteral("unassign"), 3},
                                                 {QStringLiteral("delete"), 2},   {QStringLiteral("rename"), 3},
                                                 {QStringLiteral("describe"), 3},
                                                 {QStringLiteral("publish"), 2},  {QStringLiteral("unpublish"), 2}};
    if (!arity.contains(action)) {
        context.output.error(tr("Unknown action '%1'. Run 'genius-cli collections --help'.").arg(action));
        return done(ExitCode::Usage);
    }
    if (!words.isEmpty() && words.size() != arity.value(action)) {
        context.output.error(tr("Wrong number of arguments for '%1'. Run 'genius-cli collections --help'.").arg(action));
        return done(ExitCode::Usage);
    }
    if ((parsed->has(QStringLiteral("class")) || parsed->has(QStringLiteral("description"))
         || parsed->has(QStringLiteral("tenant")))
        && action != QLatin1String("create")) {
        context.output.error(tr("--class, --description and --tenant belong to 'collections create'."));
        return done(ExitCode::Usage);
    }
    // With a store (--store for this run or the setting store/url) the collections are the
    // store's, for listing and changing alike, as 'import --collection' publishes into them; the
    // server's row-level security decides what each role sees and may change.
    if (storeConfigured(context))
        return done(action == QLatin1String("list") ? listStoreCollections(context)
                                                     : changeStoreCollections(context, *parsed, words));
    // Staff are refused before the index is even opened: nothing may change for them.
    if (action != QLatin1String("list") && !requireDataManager(context, tr("change collections")))
        return done(ExitCode::GatewayRefused);
    IndexSession session(context);
    if (!session.open())
        return done(session.openError());
    index::IndexDatabase& database = session.database();
    const Output& output = context.output;
    const auto failWith = [&output, &done](const common::Error& error) {
        output.error(error.detail);
        done(exitCodeFor(error));
    };
    const auto show = [&output, &done](const index::CollectionRecord& record, const QString& sentence) {
        if (output.json())
            output.jsonValue(collectionJson(record));
        else
            output.line(sentence);
        done(ExitCode::Success);
    };

    if (action == QLatin1String("list")) {
        const auto collections = database.collections();
        if (!collections)
            return failWith(collections.error());
        // Staff research only what data managers have published, so they see only that.
        const bool everything = isDataManager(context);
        QJsonArray array;
        for (const index::CollectionRecord& record : *collections) {
            if (!everything && !record.published)
                continue;
            if (output.json()) {
                array.append(collectionJson(record));
                continue;
            }
            output.line(QStringLiteral("%1  %2  %3  %4  %5")
                            .arg(record.name.leftJustified(24), domain::protectionClassName(record.protectionClass).leftJustified(9),
                                 tr("%n document(s)", nullptr, record.documents).leftJustified(14),
                                 record.published ? tr("published") : tr("not published"), record.description));
        }
        if (output.json())
            output.jsonValue(array);
        return done(ExitCode::Success);
    }
    const QString name = words.at(action == QLatin1String("assign") || action == QLatin1String("unassign") ? 2 : 1);
    if (action == QLatin1String("create")) {
        const auto cls = parsed->has(QStringLiteral("class")) ? domain::parseProtectionClass(parsed->value(QStringLiteral("class")))
                                                              : std::optional(domain::ProtectionClass::Normal);
        if (!cls) {
            output.error(tr("Unknown protection class '%1'; use none, normal, high or very-high.").arg(parsed->value(QStringLiteral("class"))));
            return done(ExitCode::Usage);
        }
        auto created = database.createCollection(name, *cls);
        if (created && parsed->has(QStringLiteral("description")))
            created = database.describeCollection(created->name, parsed->value(QStringLiteral("description")));
        if (created && parsed->has(QStringLiteral("tenant")))
            created = database.setCollectionTenant(created->name, parsed->value(QStringLiteral("tenant")));
        if (!created)
            return failWith(created.error());
        return show(*created, tr("Collection \"%1\" created (class %2).").arg(created->name, domain::protectionClassName(*cls)));
    }
    if (action == QLatin1String("delete")) {
        const auto collection = database.collection(name);
        if (!collection)
            return failWith(collection.error());
        if (auto removed = database.removeCollection(name); !removed)
            return failWith(removed.error());
        return show(*collection, tr("Collection \"%1\" deleted; its %n document(s) stay.", nullptr, collection->documents).arg(name));
    }
    if (action == QLatin1String("rename")) {
        const auto renamed = database.renameCollection(name, words.at(2));
        if (!renamed)
            return failWith(renamed.error());
        return show(*renamed, tr("Collection \"%1\" renamed to \"%2\".").arg(name, renamed->name));
    }
    if (action == QLatin1String("describe")) {
        const auto described = database.describeCollection(name, words.at(2));
        if (!described)
            return failWith(described.error());
        return show(*described, tr("Description of collection \"%1\" saved.").arg(described->name));
    }
    if (action == QLatin1String("publish") || action == QLatin1String("unpublish")) {
        const bool publish = action == QLatin1String("publish");
        const auto changed = database.publishCollection(name, publish);
        if (!changed)
            return failWith(changed.error());
        return show(*changed, publish ? tr("Collection \"%1\" published.").arg(name) : tr("Collection \"%1\" unpublished.").arg(name));
    }

    // assign / unassign a batch: each document on its own, the worst failure decides the exit code.
    QList<qint64> ids;
    for (const QString& part : words.at(1).split(QLatin1Char(','))) {
        const auto id = parseDocumentId(part);
        if (!id) {
            output.error(tr("'%1' is not a document id (see 'genius-cli documents').").arg(part));
            return done(ExitCode::Usage);
        }
        ids.append(*id);
    }
    const bool assign = action == QLatin1String("assign");
    ExitCode code = ExitCode::Success;
    QJsonArray results;
    for (const qint64 id : ids) {
        QJsonObject result{{QStringLiteral("document"), static_cast<double>(id)}, {QStringLiteral("collection"), name}};
        common::Result<bool> changed = true;
        if (assign) {
            if (auto assigned = database.assign(id, name); !assigned)
                changed = std::unexpected(assigned.error());
        } else {
            changed = database.unassign(id, name);
        }
        if (!changed) {
            output.error(changed.error().detail);
            code = worse(code, exitCodeFor(changed.error()));
            result.insert(QStringLiteral("error"), changed.error().detail);
        } else if (!output.json()) {
            output.line(assign ? tr("Document %1 assigned to \"%2\".").arg(id).arg(name)
                               : *changed ? tr("Document %1 taken out of \"%2\".").arg(id).arg(name)
                                          : tr("Document %1 was not in \"%2\".").arg(id).arg(name));
        }
        result.insert(assign ? QStringLiteral("assigned") : QStringLiteral("unassigned"), changed && *changed);
        results.append(result);
    }
    if (output.json())
        output.jsonValue(results);
    done(code);
}

} // namespace genius::cli
