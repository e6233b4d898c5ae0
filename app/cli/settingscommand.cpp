#include "app/cli/settingscommand.h"

#include "app/cli/argparser.h"
#include "app/cli/output.h"
#include "core/settings/settings.h"
#include "core/storage/role.h"

#include <QJsonArray>
#include <QJsonObject>

namespace genius::cli {

using settings::Lock;
using settings::SettingState;

namespace {

QString lockName(Lock lock)
{
    switch (lock) {
    case Lock::None: return QStringLiteral("none");
    case Lock::Policy: return QStringLiteral("policy");
    case Lock::Administrator: return QStringLiteral("administrator");
    }
    return QString();
}

QString typeName(settings::ValueType type)
{
    switch (type) {
    case settings::ValueType::String: return QStringLiteral("string");
    case settings::ValueType::Bool: return QStringLiteral("bool");
    case settings::ValueType::Int: return QStringLiteral("int");
    case settings::ValueType::StringList: return QStringLiteral("list");
    }
    return QString();
}

QString displayValue(const QVariant& value)
{
    return value.metaType().id() == QMetaType::QStringList ? value.toStringList().join(QLatin1Char(';'))
                                                           : value.toString();
}

QJsonObject toJson(const SettingState& state, const storage::RoleDecision& role)
{
    QJsonObject object{
        {QStringLiteral("key"), state.definition->key},
        {QStringLiteral("value"), QJsonValue::fromVariant(state.value)},
        {QStringLiteral("default"), QJsonValue::fromVariant(state.definition->defaultValue)},
        {QStringLiteral("source"), settings::sourceName(state.source)},
        {QStringLiteral("scope"), settings::scopeName(state.definition->scope)},
        {QStringLiteral("locked"), state.lock != Lock::None},
        {QStringLiteral("lock"), lockName(state.lock)},
        {QStringLiteral("description"), QString::fromUtf8(state.definition->description)},
        {QStringLiteral("type"), typeName(state.definition->type)},
        {QStringLiteral("choices"), QJsonArray::fromStringList(state.definition->choices)},
        {QStringLiteral("minimum"), state.definition->type == settings::ValueType::Int ? QJsonValue(state.definition->minimum) : QJsonValue()},
        {QStringLiteral("maximum"), state.definition->type == settings::ValueType::Int ? QJsonValue(state.definition->maximum) : QJsonValue()},
    };
    if (state.definition->key == settings::keys::RoleName) {
        // The role is more than the key: without policy the user manages the own profile. Scripts
        // that ask what the user may do read "effective" (and where it comes from).
        object.insert(QStringLiteral("effective"), storage::roleName(role.role));
        object.insert(QStringLiteral("effective_source"), storage::roleSourceName(role.source));
    }
    return object;
}

} // namespace

QString SettingsCommand::summary() const
{
    return tr("Show or change settings, with what policy enforces");
}

QString SettingsCommand::usage() const
{
    return tr("Usage: genius-cli settings [list]\n"
              "       genius-cli settings get KEY\n"
              "       genius-cli settings set KEY VALUE\n"
              "       genius-cli settings reset KEY\n"
              "\n"
              "Lists every setting with its value, where the value comes from (default, machine,\n"
              "user, session, policy) and whether it is locked. Lists are separated by ';'.\n"
              "Keys set by policy or reserved to administrators cannot be changed.");
}

void SettingsCommand::run(CommandContext& context, const QStringList& arguments, Done done)
{
    const auto parsed = parse(context, arguments);
    if (!parsed)
        return done(ExitCode::Usage);
    const QStringList& words = parsed->positional;
    const QString action = words.value(0, QStringLiteral("list"));
    const auto expect = [&](qsizetype count) {
        if (words.size() == count)
            return true;
        context.output.error(tr("Wrong number of arguments for 'settings %1'. Run 'genius-cli settings --help'.")
                                 .arg(action));
        return false;
    };

    if (action == QLatin1String("list")) {
        if (!expect(words.isEmpty() ? 0 : 1))
            return done(ExitCode::Usage);
        return done(list(context));
    }
    if (action == QLatin1String("get")) {
        if (!expect(2))
            return done(ExitCode::Usage);
        return done(get(context, words.at(1)));
    }
    if (action == QLatin1String("set") || action == QLatin1String("reset")) {
        const bool set = action == QLatin1String("set");
        if (!expect(set ? 3 : 2))
            return done(ExitCode::Usage);
        const QString& key = words.at(1);
        const auto result = set ? context.settings.setValue(key, words.at(2)) : context.settings.resetValue(key);
        if (!result) {
            context.output.error(result.error().detail);
            return done(exitCodeFor(result.error()));
        }
        return done(get(context, key));
    }
    context.output.error(tr("Unknown action '%1' for 'settings'. Run 'genius-cli settings --help'.").arg(action));
    done(ExitCode::Usage);
}

ExitCode SettingsCommand::list(CommandContext& context) const
{
    const QList<SettingState> states = context.settings.states();
    if (context.output.json()) {
        QJsonArray array;
        for (const SettingState& state : states)
            array << toJson(state, roleOf(context));
        context.output.jsonValue(array);
    } else {
        for (const SettingState& state : states) {
            const QString locked = state.lock == Lock::None ? QString() : tr(" [locked: %1]").arg(lockName(state.lock));
            context.output.line(QStringLiteral("%1 = %2  (%3)%4")
                                    .arg(state.definition->key, displayValue(state.value),
                                         settings::sourceName(state.source), locked));
        }
    }
    for (const QString& warning : context.settings.warnings())
        context.output.error(warning);
    return ExitCode::Success;
}

ExitCode SettingsCommand::get(CommandContext& context, const QString& key) const
{
    if (!settings::findSetting(key)) {
        context.output.error(tr("There is no setting named '%1'. Run 'genius-cli settings' to list them.").arg(key));
        return ExitCode::BadInput;
    }
    const SettingState state = context.settings.state(key);
    if (context.output.json())
        context.output.jsonValue(toJson(state, roleOf(context)));
    else
        context.output.line(displayValue(state.value));
    return ExitCode::Success;
}

} // namespace genius::cli
