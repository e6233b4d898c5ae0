#include "ui/settingspage.h"

#include "ui/functionwidgets.h"
#include "ui/pageheading.h"
#include "ui/settingpresentation.h"
#include "ui/settingrow.h"
#include "ui/uilogging.h"
#include "ui/viewid.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace genius::ui {

SettingsPage::SettingsPage(settings::Settings& settings, QWidget* parent)
    : QWidget(parent)
    , m_settings(settings)
{
    auto* heading = createPageHeading(viewTitle(ViewId::Settings), this);

    auto* intro = new QLabel(tr("Changes are saved when you select Apply. Settings that your "
                                "administrator manages are shown but cannot be changed here."),
                             this);
    intro->setWordWrap(true);

    m_warnings = createWarnings();

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // the fields themselves take the focus
    scroll->setWidget(createRows());

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);

    m_apply = new QPushButton(tr("&Apply"), this);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setAccessibleName(tr("Apply"));
    m_apply->setAccessibleDescription(tr("Saves every changed setting."));
    m_discard = new QPushButton(tr("&Discard changes"), this);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_discard->setAccessibleName(tr("Discard changes"));
    m_discard->setAccessibleDescription(tr("Shows the saved values again."));
    connect(m_apply, &QPushButton::clicked, this, &SettingsPage::apply);
    connect(m_discard, &QPushButton::clicked, this, &SettingsPage::discardChanges);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_discard);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 12);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_warnings);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    connect(&m_settings, &settings::Settings::changed, this, &SettingsPage::showSettingChanged);
}

QLabel* SettingsPage::createWarnings()
{
    auto* warnings = new QLabel(this);
    warnings->setObjectName(QStringLiteral("settingsWarnings"));
    warnings->setTextFormat(Qt::PlainText);
    warnings->setWordWrap(true);
    warnings->setFrameShape(QFrame::StyledPanel);
    warnings->setMargin(8);
    // Selectable, so that a path in a message can be copied for the support desk.
    warnings->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    const QString title = tr("Some settings could not be loaded:");
    warnings->setAccessibleName(title);
    const QStringList problems = m_settings.warnings();
    if (problems.isEmpty()) {
        warnings->hide();
        return warnings;
    }
    QString text = title;
    for (const QString& problem : problems)
        text += QStringLiteral("\n• ") + problem;
    warnings->setText(text);
    return warnings;
}

QWidget* SettingsPage::createRows()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 12, 0);
    QFormLayout* form = nullptr;
    QList<QLabel*> labels;
    QString section;
    for (const settings::SettingState& state : m_settings.states()) {
        const settings::SettingDefinition& definition = *state.definition;
        if (!form || settingSection(definition.key) != section) {
            section = settingSection(definition.key);
            auto* group = new QGroupBox(settingSectionTitle(section), content);
            form = new QFormLayout(group);
            form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            form->setRowWrapPolicy(QFormLayout::DontWrapRows);
            layout->addWidget(group);
        }
        auto* row = new SettingRow(definition, state.lock, content);
        row->showValue(state.value);
        connect(row, &SettingRow::submitted, this, &SettingsPage::apply);
        auto* label = new QLabel(settingLabel(definition.key) + QLatin1Char(':'), content);
        label->setBuddy(row->editor());
        form->addRow(label, row);
        labels << label;
        m_rows.push_back(row);
    }
    layout->addStretch();
    // One label width for all sections, so that the fields line up from group to group.
    int labelWidth = 0;
    for (const QLabel* label : std::as_const(labels))
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (QLabel* label : std::as_const(labels))
        label->setMinimumWidth(labelWidth);
    return content;
}

QWidget* SettingsPage::editor(const QString& key) const
{
    SettingRow* found = row(key);
    return found ? found->editor() : nullptr;
}

SettingRow* SettingsPage::row(const QString& key) const
{
    for (SettingRow* candidate : m_rows) {
        if (candidate->key() == key)
            return candidate;
    }
    return nullptr;
}

bool SettingsPage::apply()
{
    int saved = 0;
    SettingRow* firstRefused = nullptr;
    bool languageChanged = false;
    for (SettingRow* candidate : m_rows) {
        if (!candidate->isModified())
            continue;
        const auto result = m_settings.setValue(candidate->key(), candidate->editedValue());
        if (!result) {
            qCDebug(lcUi).noquote() << "setting not saved:" << result.error().detail;
            candidate->showError(result.error().detail);
            if (!firstRefused)
                firstRefused = candidate;
            continue;
        }
        ++saved;
        languageChanged = languageChanged || candidate->key() == settings::keys::UiLanguage;
    }
    if (firstRefused) {
        showStatus(tr("Some changes were not saved; see the messages next to the fields."));
        firstRefused->editor()->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (saved == 0)
        showStatus(tr("There are no changes to apply."));
    else if (languageChanged)
        showStatus(tr("Your changes were saved. The new language is used from the next start."));
    else
        showStatus(tr("Your changes were saved."));
    return true;
}

void SettingsPage::discardChanges()
{
    for (SettingRow* candidate : m_rows)
        candidate->showValue(m_settings.value(candidate->key()));
    showStatus(QString());
}

void SettingsPage::showSettingChanged(const QString& key)
{
    if (SettingRow* changed = row(key))
        changed->showValue(m_settings.value(key));
}

void SettingsPage::showStatus(const QString& text)
{
    announce(*m_status, text); // "Saved." or what was refused, read out
}

} // namespace genius::ui
