#pragma once

#include "core/settings/settings.h"

#include <QVariant>
#include <QWidget>

class QLabel;

namespace genius::ui {

/// The editor of one setting with its description, the note that explains a lock and the
/// message of a failed save. It only shows and collects values; SettingsPage saves them.
class SettingRow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingRow)

public:
    SettingRow(const settings::SettingDefinition& definition, settings::Lock lock, QWidget* parent = nullptr);

    QString key() const { return m_definition.key; }
    /// The input widget (QLineEdit, QComboBox, QSpinBox or QCheckBox).
    QWidget* editor() const { return m_editor; }
    /// False when policy or the key's scope keeps the user from changing it.
    bool isWritable() const { return m_lock == settings::Lock::None; }

    /// Shows a value (the effective one after loading, saving or discarding) and clears
    /// any error.
    void showValue(const QVariant& value);
    /// The value in the editor, in a shape Settings::setValue accepts.
    QVariant editedValue() const;
    /// True when the user changed the editor since the last showValue().
    bool isModified() const;

    /// Shows why the edited value was not saved (the untranslated detail of the error).
    void showError(const QString& detail);
    void clearError();
    QString errorText() const;

Q_SIGNALS:
    /// The user pressed Return in a text field.
    void submitted();

private:
    QWidget* createEditor();
    QVariant editorValueFor(const QVariant& value) const;
    void setEditorValue(const QVariant& value);

    const settings::SettingDefinition& m_definition;
    settings::Lock m_lock;
    QWidget* m_editor;
    QLabel* m_note;
    QLabel* m_description;
    QLabel* m_error;
    QVariant m_shownValue;
};

} // namespace genius::ui
