#include "ui/settingpresentation.h"

#include <QCoreApplication>

namespace genius::ui {

namespace {

constexpr const char* Context = "genius::ui::SettingPresentation";

struct Entry {
    const char* key;
    const char* text;
};

// Labels in the order of the settings table.
constexpr Entry Labels[] = {
    {"gateway/url", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Gateway URL")},
    {"gateway/kind", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Gateway kind")},
    {"gateway/authHeader", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "API key header")},
    {"gateway/defaultModel", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Default model")},
    {"gateway/embeddingModel", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Embedding model")},
    {"gateway/allowedModels", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Allowed models")},
    {"gateway/clearanceTable", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Model clearances")},
    {"gateway/contextWindows", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Context windows")},
    {"gateway/firstByteTimeoutSeconds",
     QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "First answer timeout (seconds)")},
    {"gateway/idleTimeoutSeconds", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Idle timeout (seconds)")},
    {"network/proxy", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Proxy")},
    {"network/caCertificates", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Extra CA certificates")},
    {"protection/defaultClass",
     QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Default protection class")},
    {"retention/noneDays", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Keep class none (days)")},
    {"retention/normalDays", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Keep class normal (days)")},
    {"retention/highDays", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Keep class high (days)")},
    {"retention/veryHighDays",
     QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Keep class very high (days)")},
    {"audit/contentLevel", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Audit log content")},
    {"store/url", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Shared collection store")},
    {"store/syncMinutes", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Sync interval of shared collections (minutes)")},
    {"roles/role", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Role")},
    {"ui/language", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Language")},
};

constexpr Entry Sections[] = {
    {"gateway", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Gateway")},
    {"network", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Network")},
    {"protection", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Protection class")},
    {"retention", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Retention")},
    {"audit", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Audit log")},
    {"store", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Collection store")},
    {"roles", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "Role")},
    {"ui", QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "User interface")},
};

template<std::size_t N>
QString lookUp(const Entry (&entries)[N], const QString& key)
{
    for (const Entry& entry : entries) {
        if (key == QLatin1String(entry.key))
            return QCoreApplication::translate(Context, entry.text);
    }
    return key;
}

QString translated(const char* text)
{
    return QCoreApplication::translate(Context, text);
}

// The text a user sees for one allowed value; the value itself where it reads well as is.
QString choiceText(const QString& key, const QString& value)
{
    if (key == settings::keys::ProtectionDefaultClass) {
        if (value == QLatin1String("none"))
            return translated(QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "none (no protection need)"));
        if (value == QLatin1String("normal"))
            return translated(QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "normal"));
        if (value == QLatin1String("high"))
            return translated(QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "high"));
        if (value == QLatin1String("very-high"))
            return translated(QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "very high"));
    }
    if (key == settings::keys::UiLanguage) {
        // Language names are written in their own language, so that everyone finds theirs.
        if (value.isEmpty())
            return translated(QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "System language"));
        if (value == QLatin1String("de"))
            return QStringLiteral("Deutsch");
        if (value == QLatin1String("en"))
            return QStringLiteral("English");
    }
    return value;
}

} // namespace

QString settingLabel(const QString& key)
{
    return lookUp(Labels, key);
}

QString settingDescription(const settings::SettingDefinition& definition)
{
    return QCoreApplication::translate("Settings", definition.description);
}

QString settingSection(const QString& key)
{
    return key.section(QLatin1Char('/'), 0, 0);
}

QString settingSectionTitle(const QString& section)
{
    return lookUp(Sections, section);
}

QList<SettingChoice> settingChoices(const QString& key)
{
    const settings::SettingDefinition* definition = settings::findSetting(key);
    if (!definition)
        return {};
    // The values come from the table; only their display text is decided here.
    QList<SettingChoice> choices;
    for (const QString& value : definition->choices)
        choices.append({value, choiceText(key, value)});
    return choices;
}

QString settingDisplayText(const settings::SettingDefinition& definition, const QVariant& value)
{
    if (definition.type == settings::ValueType::StringList)
        return value.toStringList().join(QStringLiteral("; "));
    if (definition.type == settings::ValueType::Bool)
        return value.toBool() ? translated(QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "yes"))
                              : translated(QT_TRANSLATE_NOOP("genius::ui::SettingPresentation", "no"));
    const QString text = value.toString();
    for (const SettingChoice& choice : settingChoices(definition.key)) {
        if (choice.value == text)
            return choice.text;
    }
    return text;
}

} // namespace genius::ui
