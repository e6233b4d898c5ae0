#include "app/cli/conversationscommand.h"

#include "app/cli/argparser.h"
#include "app/cli/output.h"
#include "core/settings/settings.h"
#include "core/storage/conversationexport.h"
#include "core/storage/conversationstore.h"
#include "core/storage/retentionsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace genius::cli {

namespace {

QString localTime(const QDateTime& time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QJsonValue optionalNumber(const std::optional<qint64>& value)
{
    return value ? QJsonValue(static_cast<double>(*value)) : QJsonValue();
}

QJsonObject conversationJson(const storage::ConversationRecord& record)
{
    return QJsonObject{
        {QStringLiteral("id"), record.id},
        {QStringLiteral("title"), record.title},
        {QStringLiteral("function"), storage::conversationFunctionName(record.function)},
        {QStringLiteral("class"), domain::protectionClassName(record.protectionClass)},
        {QStringLiteral("model"), record.model},
        {QStringLiteral("created"), record.createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("updated"), record.updatedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("messages"), record.messageCount},
    };
}

QJsonArray sourcesJson(const QList<storage::MessageSource>& sources)
{
    QJsonArray array;
    for (const auto& source : sources) {
        bool numeric = false;
        const qint64 id = source.document.toLongLong(&numeric);
        array.append(QJsonObject{
            {QStringLiteral("document"), numeric ? QJsonValue(static_cast<double>(id)) : QJsonValue(source.document)},
            {QStringLiteral("name"), source.name},
            {QStringLiteral("page"), source.page ? QJsonValue(*source.page) : QJsonValue()},
            {QStringLiteral("text"), source.text},
        });
    }
    return array;
}

QString roleLabel(storage::MessageRole role)
{
    switch (role) {
    case storage::MessageRole::User:
        return ConversationsCommand::tr("User");
    case storage::MessageRole::Assistant:
        return ConversationsCommand::tr("Assistant");
    case storage::MessageRole::System:
        return ConversationsCommand::tr("System");
    }
    return {};
}

QString stateNote(storage::MessageState state)
{
    switch (state) {
    case storage::MessageState::Complete:
        return {};
    case storage::MessageState::Cut:
        return ConversationsCommand::tr(" (cut off)");
    case storage::MessageState::Failed:
        return ConversationsCommand::tr(" (failed)");
    case storage::MessageState::Cancelled:
        return ConversationsCommand::tr(" (stopped)");
    }
    return {};
}

/// Where the message stands among its siblings: 1-based position and count ("< 2/3 >").
std::pair<qsizetype, qsizetype> branchOf(storage::ConversationStore& store, const storage::MessageRecord& message)
{
    const auto siblings = store.siblings(message.id);
    if (!siblings)
        return {1, 1};
    for (qsizetype i = 0; i < siblings->size(); ++i) {
        if (siblings->at(i).id == message.id)
            return {i + 1, siblings->size()};
    }
    return {1, siblings->size()};
}

ExitCode reportError(CommandContext& context, const common::Error& error)
{
    context.output.error(error.detail);
    return exitCodeFor(error);
}

} // namespace

common::Result<std::unique_ptr<storage::ConversationStore>> openConversationStore(CommandContext& context)
{
    auto store = storage::ConversationStore::open(
        QDir(context.profileDirectory).filePath(storage::ConversationStore::fileName()));
    if (!store)
        return store;
    if (auto purged = (*store)->purgeExpired(QDateTime::currentDateTimeUtc(), storage::retentionPolicyFrom(context.settings));
        !purged)
        return std::unexpected(purged.error());
    return store;
}

bool needsGuiApplication(const QStringList& arguments)
{
    // Options whose value must not be taken for the command word (global and command options).
    static const QStringList valued = {
        QStringLiteral("--profile"), QStringLiteral("--endpoint"), QStringLiteral("--model"),
        QStringLiteral("--store"),   QStringLiteral("--output"),   QStringLiteral("--search"),
    };
    QStringList words;
    QString format;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            words << arguments.mid(i + 1);
            break;
        }
        if (argument == QLatin1String("--format") && i + 1 < arguments.size()) {
            format = arguments.at(++i);
        } else if (argument.startsWith(QLatin1String("--format="))) {
            format = argument.section(QLatin1Char('='), 1);
        } else if (valued.contains(argument)) {
            ++i;
        } else if (!argument.startsWith(QLatin1String("--"))) {
            words << argument;
        }
    }
    if (words.size() < 2 || words.at(0) != QLatin1String("conversations") || words.at(1) != QLatin1String("export"))
        return false;
    const auto parsed = storage::parseExportFormat(format);
    return parsed && storage::exportNeedsGui(*parsed);
}

QString ConversationsCommand::summary() const
{
    return tr("List, search, show, export and delete conversations");
}

QString ConversationsCommand::usage() const
{
    return tr("Usage: genius-cli conversations list [--search TEXT]\n"
              "       genius-cli conversations show ID\n"
              "       genius-cli conversations export ID --format md|odt|docx|pdf --output FILE\n"
              "       genius-cli conversations delete ID\n"
              "\n"
              "Conversations are stored in the profile; 'chat' creates and continues them.\n"
              "list shows id, last change, protection class, function and title, newest first;\n"
              "--search lists the messages that contain every word. show prints the current\n"
              "branch of a conversation; export writes it with its sources to FILE. Conversations\n"
              "whose last change is older than the retention days of their class (settings\n"
              "retention/*Days) are deleted whenever the conversations are opened.");
}

void ConversationsCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments,
                              {{QStringLiteral("search"), true},
                               {QStringLiteral("format"), true},
                               {QStringLiteral("output"), true}});
    if (!parsed)
        return done(ExitCode::Usage);
    const QString action = parsed->positional.value(0);
    const bool needsId = action == QLatin1String("show") || action == QLatin1String("export")
        || action == QLatin1String("delete");
    const qsizetype expected = needsId ? 2 : 1;
    if ((!needsId && action != QLatin1String("list")) || parsed->positional.size() != expected) {
        context.output.error(tr("Give list, show ID, export ID or delete ID. Run 'genius-cli conversations --help'."));
        return done(ExitCode::Usage);
    }
    const bool exporting = action == QLatin1String("export");
    if (exporting && (!parsed->has(QStringLiteral("format")) || parsed->value(QStringLiteral("output")).isEmpty())) {
        context.output.error(tr("export needs --format md|odt|docx|pdf and --output FILE."));
        return done(ExitCode::Usage);
    }
    if (!exporting && (parsed->has(QStringLiteral("format")) || parsed->has(QStringLiteral("output")))) {
        context.output.error(tr("--format and --output belong to export only."));
        return done(ExitCode::Usage);
    }
    if (action != QLatin1String("list") && parsed->has(QStringLiteral("search"))) {
        context.output.error(tr("--search belongs to list only."));
        return done(ExitCode::Usage);
    }

    auto store = openConversationStore(context);
    if (!store)
        return done(reportError(context, store.error()));
    const QString id = parsed->positional.value(1);
    if (action == QLatin1String("list"))
        return done(list(context, **store,
                         parsed->has(QStringLiteral("search")) ? std::optional(parsed->value(QStringLiteral("search")))
                                                               : std::nullopt));
    if (action == QLatin1String("show"))
        return done(show(context, **store, id));
    if (exporting)
        return done(exportTo(context, **store, id, parsed->value(QStringLiteral("format")),
                             parsed->value(QStringLiteral("output"))));
    done(remove(context, **store, id));
}

ExitCode ConversationsCommand::list(CommandContext& context, storage::ConversationStore& store,
                                    const std::optional<QString>& search)
{
    QJsonArray array;
    if (search) {
        const auto hits = store.search(*search);
        if (!hits)
            return reportError(context, hits.error());
        for (const auto& hit : *hits) {
            if (context.output.json()) {
                array.append(QJsonObject{{QStringLiteral("conversation"), hit.conversationId},
                                         {QStringLiteral("title"), hit.title},
                                         {QStringLiteral("message"), hit.messageId},
                                         {QStringLiteral("snippet"), hit.snippet}});
            } else {
                context.output.line(QStringLiteral("%1  %2\n      %3").arg(hit.conversationId, hit.title, hit.snippet));
            }
        }
    } else {
        const auto records = store.conversations();
        if (!records)
            return reportError(context, records.error());
        for (const auto& record : *records) {
            if (context.output.json()) {
                array.append(conversationJson(record));
                continue;
            }
            context.output.line(QStringLiteral("%1  %2  %3  %4  %5")
                                    .arg(record.id, localTime(record.updatedAt),
                                         domain::protectionClassName(record.protectionClass).leftJustified(9),
                                         storage::conversationFunctionName(record.function).leftJustified(9),
                                         record.title));
        }
    }
    if (context.output.json())
        context.output.jsonValue(array);
    return ExitCode::Success;
}

ExitCode ConversationsCommand::show(CommandContext& context, storage::ConversationStore& store, const QString& id)
{
    const auto record = store.conversation(id);
    if (!record)
        return reportError(context, record.error());
    const auto path = store.activePath(id);
    if (!path)
        return reportError(context, path.error());
    if (context.output.json()) {
        QJsonArray messages;
        for (const auto& message : *path) {
            const auto [position, count] = branchOf(store, message);
            messages.append(QJsonObject{
                {QStringLiteral("id"), message.id},
                {QStringLiteral("parent"), message.parentId.isEmpty() ? QJsonValue() : QJsonValue(message.parentId)},
                {QStringLiteral("role"), storage::messageRoleName(message.role)},
                {QStringLiteral("content"), message.content},
                {QStringLiteral("model"), message.model},
                {QStringLiteral("class"), domain::protectionClassName(message.protectionClass)},
                {QStringLiteral("state"), storage::messageStateName(message.state)},
                {QStringLiteral("created"), message.createdAt.toString(Qt::ISODateWithMs)},
                {QStringLiteral("prompt_tokens"), optionalNumber(message.promptTokens)},
                {QStringLiteral("completion_tokens"), optionalNumber(message.completionTokens)},
                {QStringLiteral("sources"), sourcesJson(message.sources)},
                {QStringLiteral("branch"), static_cast<double>(position)},
                {QStringLiteral("branches"), static_cast<double>(count)},
            });
        }
        QJsonObject object = conversationJson(*record);
        object.insert(QStringLiteral("active_leaf"), record->activeLeafId);
        object.insert(QStringLiteral("path"), messages);
        context.output.jsonValue(object);
        return ExitCode::Success;
    }
    context.output.line(record->title);
    context.output.line(QStringLiteral("%1 \u00b7 %2 \u00b7 %3 \u00b7 %4")
                            .arg(record->id, domain::protectionClassName(record->protectionClass),
                                 storage::conversationFunctionName(record->function), localTime(record->createdAt)));
    for (const auto& message : *path) {
        const auto [position, count] = branchOf(store, message);
        QString heading = QStringLiteral("\n%1 \u00b7 %2").arg(roleLabel(message.role), localTime(message.createdAt));
        if (count > 1)
            heading += QStringLiteral("  < %1/%2 >").arg(position).arg(count);
        context.output.line(heading + stateNote(message.state));
        context.output.line(message.content);
        for (qsizetype i = 0; i < message.sources.size(); ++i) {
            const auto& source = message.sources.at(i);
            context.output.line(source.page ? tr("[%1] %2, p. %3").arg(i + 1).arg(source.name).arg(*source.page)
                                            : QStringLiteral("[%1] %2").arg(i + 1).arg(source.name));
        }
    }
    return ExitCode::Success;
}

ExitCode ConversationsCommand::exportTo(CommandContext& context, storage::ConversationStore& store, const QString& id,
                                        const QString& format, const QString& output)
{
    const auto parsedFormat = storage::parseExportFormat(format);
    if (!parsedFormat) {
        context.output.error(tr("Unknown export format '%1'; use md, odt, docx or pdf.").arg(format));
        return ExitCode::Usage;
    }
    const auto record = store.conversation(id);
    if (!record)
        return reportError(context, record.error());
    const auto path = store.activePath(id);
    if (!path)
        return reportError(context, path.error());
    const QString file = QFileInfo(output).absoluteFilePath();
    if (auto written = storage::ConversationExport(*record, *path).write(*parsedFormat, file); !written)
        return reportError(context, written.error());
    if (context.output.json())
        context.output.jsonValue(QJsonObject{{QStringLiteral("conversation"), id},
                                             {QStringLiteral("format"), storage::exportFormatName(*parsedFormat)},
                                             {QStringLiteral("output"), file},
                                             {QStringLiteral("bytes"), static_cast<double>(QFileInfo(file).size())}});
    else
        context.output.line(tr("Exported conversation %1 to %2.").arg(id, file));
    return ExitCode::Success;
}

ExitCode ConversationsCommand::remove(CommandContext& context, storage::ConversationStore& store, const QString& id)
{
    if (auto removed = store.remove(id); !removed)
        return reportError(context, removed.error());
    if (context.output.json())
        context.output.jsonValue(QJsonObject{{QStringLiteral("deleted"), id}});
    else
        context.output.line(tr("Deleted conversation %1.").arg(id));
    return ExitCode::Success;
}

} // namespace genius::cli
