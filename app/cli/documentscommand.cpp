#include "app/cli/documentscommand.h"

#include "app/cli/indexsession.h"
#include "app/cli/output.h"
#include "app/cli/storesession.h"
#include "core/index/indexdatabase.h"
#include "core/sharedstore/storecollectionchanges.h"
#include "core/sharedstore/storeconnection.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace genius::cli {

namespace {

double progressOf(const index::DocumentRecord& record)
{
    if (record.status == index::DocumentStatus::Ready)
        return 1.0;
    return record.pagesTotal > 0 ? static_cast<double>(record.pagesDone) / record.pagesTotal : 0.0;
}

QJsonObject documentJson(const index::DocumentRecord& record)
{
    QJsonObject object{
        {QStringLiteral("id"), static_cast<double>(record.id)},
        {QStringLiteral("name"), record.name},
        {QStringLiteral("class"), domain::protectionClassName(record.protectionClass)},
        {QStringLiteral("pages"), record.pagesTotal},
        {QStringLiteral("chunks"), record.chunks},
        {QStringLiteral("status"), index::documentStatusName(record.status)},
        {QStringLiteral("progress"), progressOf(record)},
        {QStringLiteral("collections"), QJsonArray::fromStringList(record.collections)},
        // Extensions of the contract: useful to scripts, never required by it.
        {QStringLiteral("format"), record.format},
        {QStringLiteral("ocr_pages"), record.ocrPages},
        {QStringLiteral("embedding"), record.embeddingState},
        {QStringLiteral("added"), record.addedAt.toString(Qt::ISODate)},
    };
    if (!record.errorDetail.isEmpty())
        object.insert(QStringLiteral("error"), record.errorDetail);
    if (record.originId > 0) { // also in the shared store: a read-only copy, or linked when the profile's own
        object.insert(QStringLiteral("shared"), record.shared);
        object.insert(QStringLiteral("store_document"), static_cast<double>(record.originId));
    }
    if (record.ocrConfidence >= 0.0)
        object.insert(QStringLiteral("ocr_confidence"), qRound(record.ocrConfidence * 10.0) / 10.0);
    return object;
}

/// `documents withdraw ID`: a data manager takes the store's document ID out of the shared store.
ExitCode withdrawFromStore(CommandContext& context, const QStringList& words)
{
    const Output& output = context.output;
    const auto id = words.size() == 2 ? parseDocumentId(words.at(1)) : std::nullopt;
    if (!id) {
        output.error(DocumentsCommand::tr("Give one document id of the shared store, as 'import --json' prints it in "
                                          "'store_document'. Run 'genius-cli documents --help'."));
        return ExitCode::Usage;
    }
    if (!storeConfigured(context)) {
        output.error(DocumentsCommand::tr("'documents withdraw' works on the shared store; give --store URL or set "
                                          "store/url."));
        return ExitCode::Usage;
    }
    ExitCode failure = ExitCode::Success;
    const auto connection = openStoreAsDataManager(context, DocumentsCommand::tr("withdraw documents"), &failure);
    if (!connection)
        return failure;
    const auto withdrawn = sharedstore::withdrawStoreDocument(*connection, *id);
    if (!withdrawn) {
        output.error(withdrawn.error().detail);
        return exitCodeFor(withdrawn.error());
    }
    if (output.json()) {
        output.jsonValue(QJsonObject {
            { QStringLiteral("document"), static_cast<double>(withdrawn->documentId) },
            { QStringLiteral("name"), withdrawn->documentName },
            { QStringLiteral("withdrawn"), true },
            { QStringLiteral("collections"), QJsonArray::fromStringList(withdrawn->collections) },
            { QStringLiteral("revision"), static_cast<double>(withdrawn->revision) },
            { QStringLiteral("original_erased"), withdrawn->originalErased },
        });
    } else {
        output.line(DocumentsCommand::tr("Document %1 \"%2\" withdrawn from the shared store (it was in %n "
                                         "collection(s)); clients drop their copies at their next sync.",
            nullptr, static_cast<int>(withdrawn->collections.size()))
                        .arg(withdrawn->documentId)
                        .arg(withdrawn->documentName));
    }
    return ExitCode::Success;
}

} // namespace

QString DocumentsCommand::summary() const
{
    return tr("List imported documents with class, pages, status and collections");
}

QString DocumentsCommand::usage() const
{
    return tr("Usage: genius-cli documents [--collection NAME | --unassigned]\n"
              "       genius-cli documents withdraw ID\n"
              "\n"
              "Lists the documents of the local index: id, name, protection class, pages, passages,\n"
              "import status with progress, and collections. --collection lists one collection's\n"
              "documents, --unassigned those in no collection yet (the open assignments).\n"
              "\n"
              "'withdraw' takes the document ID of the shared store (--store URL or the setting\n"
              "store/url; the id is 'store_document' of 'import --json') out of the store and out of\n"
              "all its collections; clients drop their copies at their next sync. Only the store's\n"
              "data managers may.");
}

void DocumentsCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments, {{QStringLiteral("collection"), true}, {QStringLiteral("unassigned"), false}});
    if (!parsed)
        return done(ExitCode::Usage);
    if (!parsed->positional.isEmpty() && parsed->positional.first() == QLatin1String("withdraw")
        && !parsed->has(QStringLiteral("collection")) && !parsed->has(QStringLiteral("unassigned")))
        return done(withdrawFromStore(context, parsed->positional));
    if (!parsed->positional.isEmpty() || (parsed->has(QStringLiteral("collection")) && parsed->has(QStringLiteral("unassigned")))) {
        context.output.error(tr("Give either --collection NAME or --unassigned. Run 'genius-cli documents --help'."));
        return done(ExitCode::Usage);
    }
    IndexSession session(context);
    if (!session.open())
        return done(session.openError());
    index::DocumentQuery query;
    query.collection = parsed->value(QStringLiteral("collection"));
    query.unassigned = parsed->has(QStringLiteral("unassigned"));
    if (!query.collection.isEmpty()) {
        const auto known = session.database().collection(query.collection);
        if (!known) {
            context.output.error(known.error().detail);
            return done(exitCodeFor(known.error()));
        }
        // Staff see the documents of published collections only, as in the desktop app.
        if (!mayReadCollection(context, *known, tr("list the documents of the unpublished collection \"%1\"").arg(known->name)))
            return done(ExitCode::GatewayRefused);
    }
    const auto records = session.database().documents(query);
    if (!records) {
        context.output.error(records.error().detail);
        return done(exitCodeFor(records.error()));
    }
    QJsonArray array;
    for (const auto& record : *records) {
        if (context.output.json()) {
            array.append(documentJson(record));
            continue;
        }
        QString status = index::documentStatusName(record.status);
        if (index::isUnfinished(record.status) && record.pagesTotal > 0)
            status += QStringLiteral(" %1/%2").arg(record.pagesDone).arg(record.pagesTotal);
        if (record.status == index::DocumentStatus::Failed)
            status += QStringLiteral(" (") + record.errorDetail + QLatin1Char(')');
        context.output.line(QStringLiteral("%1  %2  %3  %4 %5  %6 %7  %8  %9")
                                .arg(QString::number(record.id).rightJustified(4), record.name.leftJustified(32),
                                     domain::protectionClassName(record.protectionClass).leftJustified(9),
                                     QString::number(record.pagesTotal).rightJustified(4), tr("pages"),
                                     QString::number(record.chunks).rightJustified(5), tr("passages"),
                                     status.leftJustified(10), record.collections.join(QStringLiteral(", "))));
    }
    if (context.output.json())
        context.output.jsonValue(array);
    done(ExitCode::Success);
}

QString TextCommand::summary() const
{
    return tr("Print a document's extracted text, page by page");
}

QString TextCommand::usage() const
{
    return tr("Usage: genius-cli text --document ID [--page N]\n"
              "\n"
              "Prints the text extracted from the document (after OCR), pages separated by form\n"
              "feeds; --page prints one page.");
}

void TextCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments, {{QStringLiteral("document"), true}, {QStringLiteral("page"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    const auto id = parseDocumentId(parsed->value(QStringLiteral("document")));
    if (!id || !parsed->positional.isEmpty()) {
        context.output.error(tr("Give the document with --document ID. Run 'genius-cli text --help'."));
        return done(ExitCode::Usage);
    }
    std::optional<int> onlyPage;
    if (parsed->has(QStringLiteral("page"))) {
        bool ok = false;
        onlyPage = parsed->value(QStringLiteral("page")).toInt(&ok);
        if (!ok || *onlyPage < 1) {
            context.output.error(tr("--page takes a page number from 1."));
            return done(ExitCode::Usage);
        }
    }
    IndexSession session(context);
    if (!session.open())
        return done(session.openError());
    const auto record = session.database().document(*id);
    if (!record) {
        context.output.error(record.error().detail);
        return done(exitCodeFor(record.error()));
    }
    const auto pages = session.database().pages(*id);
    if (!pages) {
        context.output.error(pages.error().detail);
        return done(exitCodeFor(pages.error()));
    }
    QList<documents::PageText> selected;
    for (const auto& page : *pages) {
        if (!onlyPage || page.number == *onlyPage)
            selected.append(page);
    }
    if (onlyPage && selected.isEmpty()) {
        context.output.error(tr("Document %1 has no page %2 (it has %3).").arg(*id).arg(*onlyPage).arg(record->pagesTotal));
        return done(ExitCode::BadInput);
    }
    if (context.output.json()) {
        QJsonArray array;
        for (const auto& page : std::as_const(selected)) {
            array.append(QJsonObject{{QStringLiteral("page"), record->paged ? QJsonValue(page.number) : QJsonValue()},
                                     {QStringLiteral("text"), page.text},
                                     {QStringLiteral("ocr"), page.ocr},
                                     {QStringLiteral("confidence"), page.ocr ? QJsonValue(page.confidence) : QJsonValue()}});
        }
        context.output.jsonValue(QJsonObject{{QStringLiteral("document"), static_cast<double>(*id)},
                                             {QStringLiteral("name"), record->name},
                                             {QStringLiteral("status"), index::documentStatusName(record->status)},
                                             {QStringLiteral("pages"), array}});
        return done(ExitCode::Success);
    }
    QStringList texts;
    for (const auto& page : std::as_const(selected))
        texts.append(page.text);
    const QByteArray bytes = (texts.join(QLatin1Char('\f')) + QLatin1Char('\n')).toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
    done(ExitCode::Success);
}

} // namespace genius::cli
