#pragma once

#include "core/settings/settings.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;

namespace genius::ui {

class SettingRow;

/// The settings view: one editor per row of the settings table, showing the effective
/// value. Rows that policy or the administrator own are read-only with a note. "Apply"
/// saves every changed field through Settings, which validates it; a refused value keeps
/// the saved one and shows why next to the field.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(settings::Settings& settings, QWidget* parent = nullptr);

    /// The editor of a key, or nullptr for a key the table does not have.
    QWidget* editor(const QString& key) const;
    /// The row of a key (editor, note, error), or nullptr.
    SettingRow* row(const QString& key) const;

    /// Saves every changed, writable field. Returns true when nothing was refused.
    bool apply();
    /// Shows the effective values again, dropping unsaved edits and error messages.
    void discardChanges();

private:
    QLabel* createWarnings();
    QWidget* createRows();
    void showSettingChanged(const QString& key);
    void showStatus(const QString& text);

    settings::Settings& m_settings;
    std::vector<SettingRow*> m_rows;
    QLabel* m_warnings = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_discard = nullptr;
};

} // namespace genius::ui
