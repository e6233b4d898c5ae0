#pragma once

#include "core/settings/settingslocations.h"

#include <QByteArray>
#include <QStringList>
#include <QTemporaryDir>

class QWidget;

namespace genius::test {

/// A private profile folder with its own user file, machine defaults and policy INI, so
/// that no test reads /etc/xdg or the real profile.
class TestProfile final
{
public:
    TestProfile();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    settings::SettingsLocations locations() const;

    void writePolicy(const QByteArray& ini) const;
    void writeMachineDefaults(const QByteArray& ini) const;
    void writeUserFile(const QByteArray& content) const;
    /// Saves a user value the way the product does, through Settings.
    void saveUserValue(const QString& key, const QVariant& value) const;

private:
    void write(const QString& name, const QByteArray& content) const;
    QTemporaryDir m_dir;
};

/// The interactive widgets below `root` (focusable ones, buttons, text fields, combo and
/// spin boxes, item views) that have no accessible name, as "ClassName objectName".
/// Parts of compound widgets (the text field of a spin box, a combo box's popup) count as
/// the compound widget.
QStringList widgetsWithoutAccessibleName(const QWidget* root);

/// The controls below `root` in the order Tab visits them (visible, enabled, taking Tab focus),
/// starting from the first one; `root` must be shown.
QList<QWidget*> tabOrder(const QWidget* root);
/// What is wrong with the tab order below `root` (shown): a visible, enabled control Tab never
/// reaches, or a step that goes back up within a column (from a control to one above it whose
/// horizontal extent overlaps) — reading order is top to bottom, column by column. Each problem
/// as "ClassName objectName → ClassName objectName"; empty when the order is sensible.
QStringList tabOrderProblems(const QWidget* root);

} // namespace genius::test
