#include "app/cli/command.h"

#include "app/cli/indexsession.h"
#include "app/cli/output.h"
#include "app/cli/storesession.h"
#include "core/index/documentrecord.h"
#include "core/index/indexdatabase.h"
#include "core/index/sharedcopies.h"
#include "core/settings/settings.h"
#include "core/storage/role.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

namespace genius::cli {

std::optional<QString> configuredGateway(CommandContext& context)
{
    const QString gateway = context.settings.text(settings::keys::GatewayUrl);
    if (!gateway.isEmpty())
        return gateway;
    context.output.error(QCoreApplication::translate(
        "Command", "No gateway is configured: set gateway/url or pass --endpoint URL."));
    return std::nullopt;
}

std::optional<qint64> parseDocumentId(const QString& text)
{
    bool ok = false;
    const qint64 id = text.trimmed().toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

std::optional<domain::ProtectionClass> classOption(const CommandContext& context, const ParsedArguments& parsed)
{
    const QString name = parsed.has(QStringLiteral("class")) ? parsed.value(QStringLiteral("class"))
                                                             : context.settings.text(settings::keys::ProtectionDefaultClass);
    const auto parsedClass = domain::parseProtectionClass(name);
    if (!parsedClass)
        context.output.error(QCoreApplication::translate("Command", "Unknown protection class '%1'; use none, normal, high or very-high.")
                                 .arg(name));
    return parsedClass;
}

QString textArgument(const ParsedArguments& parsed)
{
    const QString text = parsed.positional.join(QLatin1Char(' '));
    return text == QLatin1String("-") ? QTextStream(stdin).readAll().trimmed() : text.trimmed();
}

storage::RoleDecision roleOf(const CommandContext& context)
{
    if (!context.storeRole) {
        context.storeRole = QString();
        // Only a profile that has synced has a recorded grant; no index file is created here.
        const QString path = indexPath(context.profileDirectory);
        if (storeConfigured(context) && QFileInfo::exists(path)) {
            if (auto database = index::IndexDatabase::open(path); database) {
                if (const auto state = index::SharedCopies(**database).syncState(); state && *state)
                    context.storeRole = (*state)->role;
            }
        }
    }
    return storage::effectiveRole(context.settings, *context.storeRole);
}

bool isDataManager(const CommandContext& context)
{
    return roleOf(context).role == storage::Role::DataManager;
}

bool mayReadCollection(const CommandContext& context, const index::CollectionRecord& collection, const QString& action)
{
    return collection.published || requireDataManager(context, action);
}

bool requireDataManager(const CommandContext& context, const QString& action)
{
    const storage::RoleDecision decision = roleOf(context);
    if (decision.role == storage::Role::DataManager)
        return true;
    QString origin;
    switch (decision.source) {
    case storage::RoleSource::Policy:
        origin = QCoreApplication::translate("Command", "set by policy");
        break;
    case storage::RoleSource::LocalProfile:
        origin = QCoreApplication::translate("Command", "from the local profile");
        break;
    case storage::RoleSource::Store:
        origin = QCoreApplication::translate("Command", "granted in the shared store");
        break;
    }
    context.output.error(
        QCoreApplication::translate("Command", "Only data managers may %1; the role on this workstation is %2 (%3).")
            .arg(action, storage::roleName(decision.role), origin));
    return false;
}

Command::~Command() = default;

std::optional<ParsedArguments> Command::parse(CommandContext& context, const QStringList& arguments,
                                              const QList<OptionSpec>& options) const
{
    QString error;
    auto parsed = ArgParser(options).parse(arguments, name(), &error);
    if (!parsed)
        context.output.error(error);
    return parsed;
}

} // namespace genius::cli
