#pragma once

#include "core/settings/settingsschema.h"

#include <QList>
#include <QString>
#include <QVariant>

// How the rows of the settings table are presented: labels, sections and the fixed
// choices of keys whose values form a closed set. Keys this version has no entry for
// still show, under their key.
namespace genius::ui {

/// One allowed value of a closed-set key and the translated text the user sees for it.
struct SettingChoice {
    QString value;
    QString text;
};

/// The translated label of a key, e.g. "Gateway URL"; the key itself for unknown keys.
QString settingLabel(const QString& key);

/// The translated description from the settings table (context "Settings").
QString settingDescription(const settings::SettingDefinition& definition);

/// The section a key belongs to: the part before the first '/'.
QString settingSection(const QString& key);

/// The translated title of a section, e.g. "Gateway"; the section name for unknown ones.
QString settingSectionTitle(const QString& section);

/// The allowed values of a closed-set key in display order; empty for free-form keys.
/// The values are the table's `choices`.
QList<SettingChoice> settingChoices(const QString& key);

/// The text that shows a value: a choice's text, a list joined with "; ", else the value.
QString settingDisplayText(const settings::SettingDefinition& definition, const QVariant& value);

} // namespace genius::ui
