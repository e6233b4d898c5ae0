#include "ui/settingrow.h"

#include "ui/settingpresentation.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace genius::ui {

using settings::Lock;
using settings::ValueType;

namespace {

QLabel* makeLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

} // namespace

SettingRow::SettingRow(const settings::SettingDefinition& definition, Lock lock, QWidget* parent)
    : QWidget(parent)
    , m_definition(definition)
    , m_lock(lock)
    , m_editor(createEditor())
    , m_note(makeLabel(QStringLiteral("note:") + definition.key, this))
    , m_description(makeLabel(QStringLiteral("description:") + definition.key, this))
    , m_error(makeLabel(QStringLiteral("error:") + definition.key, this))
{
    m_editor->setObjectName(QStringLiteral("editor:") + definition.key);
    m_editor->setAccessibleName(settingLabel(definition.key));
    m_editor->setAccessibleDescription(settingDescription(definition));
    m_editor->setToolTip(definition.key); // the key administrators use in policy files

    switch (lock) {
    case Lock::None:
        m_note->hide();
        break;
    case Lock::Policy:
        m_note->setText(tr("Set by your administrator (policy)."));
        break;
    case Lock::Administrator:
        m_note->setText(tr("Only an administrator can change this."));
        break;
    }
    m_note->setWordWrap(false);
    QFont noteFont = m_note->font();
    noteFont.setItalic(true);
    m_note->setFont(noteFont);

    m_description->setText(settingDescription(definition));

    QFont errorFont = m_error->font();
    errorFont.setBold(true);
    m_error->setFont(errorFont);
    m_error->hide();

    auto* editorLine = new QHBoxLayout;
    if (qobject_cast<QSpinBox*>(m_editor)) { // numbers need no full-width field
        editorLine->addWidget(m_editor);
        editorLine->addWidget(m_note);
        editorLine->addStretch(1);
    } else {
        editorLine->addWidget(m_editor, 1);
        editorLine->addWidget(m_note);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(editorLine);
    layout->addWidget(m_description);
    layout->addWidget(m_error);
}

QWidget* SettingRow::createEditor()
{
    if (m_lock != Lock::None) {
        // Read-only text rather than a disabled widget: it stays reachable by keyboard and
        // screen readers, and its value can be selected and copied.
        auto* edit = new QLineEdit(this);
        edit->setReadOnly(true);
        // The note says it in words; the background repeats it for sighted users.
        QPalette palette = edit->palette();
        palette.setColor(QPalette::Base, palette.color(QPalette::Window));
        edit->setPalette(palette);
        return edit;
    }
    const QList<SettingChoice> choices = settingChoices(m_definition.key);
    if (!choices.isEmpty()) {
        auto* combo = new QComboBox(this);
        for (const SettingChoice& choice : choices)
            combo->addItem(choice.text, choice.value);
        return combo;
    }
    switch (m_definition.type) {
    case ValueType::Int: {
        auto* spin = new QSpinBox(this);
        spin->setRange(m_definition.minimum, m_definition.maximum);
        return spin;
    }
    case ValueType::Bool:
        return new QCheckBox(settingLabel(m_definition.key), this);
    case ValueType::String:
    case ValueType::StringList:
        break;
    }
    auto* edit = new QLineEdit(this);
    if (m_definition.type == ValueType::StringList)
        edit->setPlaceholderText(tr("Separate several entries with ;"));
    connect(edit, &QLineEdit::returnPressed, this, &SettingRow::submitted);
    return edit;
}

void SettingRow::showValue(const QVariant& value)
{
    m_shownValue = value;
    setEditorValue(value);
    clearError();
}

void SettingRow::setEditorValue(const QVariant& value)
{
    if (auto* combo = qobject_cast<QComboBox*>(m_editor)) {
        int index = combo->findData(value.toString());
        if (index < 0) { // a value this UI does not know: show it rather than hide it
            combo->addItem(value.toString(), value.toString());
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    } else if (auto* spin = qobject_cast<QSpinBox*>(m_editor)) {
        spin->setValue(value.toInt());
    } else if (auto* check = qobject_cast<QCheckBox*>(m_editor)) {
        check->setChecked(value.toBool());
    } else if (auto* edit = qobject_cast<QLineEdit*>(m_editor)) {
        edit->setText(settingDisplayText(m_definition, value));
        edit->setCursorPosition(0);
    }
}

QVariant SettingRow::editedValue() const
{
    if (auto* combo = qobject_cast<QComboBox*>(m_editor))
        return combo->currentData().toString();
    if (auto* spin = qobject_cast<QSpinBox*>(m_editor))
        return spin->value();
    if (auto* check = qobject_cast<QCheckBox*>(m_editor))
        return check->isChecked();
    if (auto* edit = qobject_cast<QLineEdit*>(m_editor))
        return edit->text(); // lists: the validator splits at ';'
    return {};
}

QVariant SettingRow::editorValueFor(const QVariant& value) const
{
    switch (m_definition.type) {
    case ValueType::Int: return value.toInt();
    case ValueType::Bool: return value.toBool();
    case ValueType::String: return value.toString();
    case ValueType::StringList: return settingDisplayText(m_definition, value);
    }
    return {};
}

bool SettingRow::isModified() const
{
    return isWritable() && editedValue() != editorValueFor(m_shownValue);
}

void SettingRow::showError(const QString& detail)
{
    m_error->setText(tr("Not saved: %1").arg(detail));
    m_error->show();
    // Screen readers announce the description when the field gets focus.
    m_editor->setAccessibleDescription(m_error->text() + QLatin1Char(' ') + settingDescription(m_definition));
}

void SettingRow::clearError()
{
    m_error->clear();
    m_error->hide();
    m_editor->setAccessibleDescription(settingDescription(m_definition));
}

QString SettingRow::errorText() const
{
    return m_error->text();
}

} // namespace genius::ui
