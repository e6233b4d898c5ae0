#include "ui/generationpage.h"

#include "core/services/generationservice.h"
#include "core/services/templatelibrary.h"
#include "ui/collectiondialog.h"
#include "ui/functionwidgets.h"
#include "ui/pageheading.h"
#include "ui/viewid.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>

namespace genius::ui {

GenerationPage::GenerationPage(services::GenerationService& generation, const services::TemplateLibrary& templates,
                               const models::DocumentTableModel* documents, QWidget* parent)
    : QWidget(parent)
    , m_generation(generation)
    , m_documents(documents)
{
    auto* heading = createPageHeading(viewTitle(ViewId::Generate), this);

    m_template = new QComboBox(this);
    m_template->setObjectName(QStringLiteral("generationTemplate"));
    m_template->setAccessibleName(tr("Template"));
    for (const services::TextTemplate& entry : templates.templates()) {
        m_template->addItem(entry.title, entry.name);
        m_template->setItemData(m_template->count() - 1, entry.description, Qt::ToolTipRole);
    }
    m_templateDescription = new QLabel(this);
    m_templateDescription->setWordWrap(true);
    m_tone = new QComboBox(this);
    m_tone->setObjectName(QStringLiteral("generationTone"));
    m_tone->setAccessibleName(tr("Tone"));
    m_tone->addItem(tr("Formal"), static_cast<int>(services::Tone::Formal));
    m_tone->addItem(tr("Citizen-friendly"), static_cast<int>(services::Tone::Citizen));
    m_material = new QPlainTextEdit(this);
    m_material->setObjectName(QStringLiteral("generationMaterial"));
    m_material->setAccessibleName(tr("Bullet points"));
    m_material->setPlaceholderText(tr("Bullet points or notes the draft is to contain."));
    m_material->setTabChangesFocus(true);
    m_materialClass = new QComboBox(this);
    m_materialClass->setObjectName(QStringLiteral("generationClass"));
    m_materialClass->setAccessibleName(tr("Protection class of the bullet points"));
    fillProtectionClasses(*m_materialClass, domain::ProtectionClass::Normal);
    m_document = new QComboBox(this);
    m_document->setObjectName(QStringLiteral("generationDocument"));
    m_document->setAccessibleName(tr("Document the draft draws on"));
    m_run = new QPushButton(tr("&Draft"), this);
    m_run->setObjectName(QStringLiteral("draftButton"));
    m_run->setAccessibleName(tr("Draft"));
    m_result = new QTextEdit(this);
    m_result->setObjectName(QStringLiteral("generationResult"));
    m_result->setAccessibleName(tr("Draft text"));
    m_result->setAccessibleDescription(tr("The draft can be edited before it is copied or saved."));
    m_result->setTabChangesFocus(true);
    m_copy = new QPushButton(QCoreApplication::translate("SummaryPage", "&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyDraftButton"));
    m_copy->setAccessibleName(QCoreApplication::translate("SummaryPage", "Copy"));
    m_save = new QPushButton(QCoreApplication::translate("SummaryPage", "Sa&ve…"), this);
    m_save->setObjectName(QStringLiteral("saveDraftButton"));
    m_save->setAccessibleName(QCoreApplication::translate("SummaryPage", "Save"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("generationStatus"));
    m_status->setAccessibleDescription(QCoreApplication::translate("SummaryPage", "Status"));
    m_status->setWordWrap(true);

    connect(m_template, &QComboBox::currentIndexChanged, this,
            [this] { m_templateDescription->setText(m_template->currentData(Qt::ToolTipRole).toString()); });
    connect(m_run, &QPushButton::clicked, this, &GenerationPage::draft);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_result->toPlainText()); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString status = saveMarkdownAs(this, tr("Save draft"), result());
        if (!status.isEmpty())
            announce(*m_status, status);
    });

    auto* form = new QFormLayout;
    form->addRow(tr("&Template:"), m_template);
    form->addRow(QString(), m_templateDescription);
    form->addRow(tr("T&one:"), m_tone);
    form->addRow(tr("&Bullet points:"), m_material);
    form->addRow(tr("C&lass of the bullet points:"), m_materialClass);
    form->addRow(tr("D&ocument:"), m_document);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_status, 1);
    runRow->addWidget(m_run);
    auto* resultRow = new QHBoxLayout;
    resultRow->addStretch(1);
    resultRow->addWidget(m_copy);
    resultRow->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 12);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addLayout(runRow);
    layout->addWidget(m_result, 1);
    layout->addLayout(resultRow);
    m_templateDescription->setText(m_template->currentData(Qt::ToolTipRole).toString());
    fillReadyDocuments(*m_document, m_documents, tr("No document"));
    updateInputs();
}

GenerationPage::~GenerationPage() = default;

void GenerationPage::showEvent(QShowEvent* event)
{
    fillReadyDocuments(*m_document, m_documents, tr("No document"));
    QWidget::showEvent(event);
}

bool GenerationPage::chooseTemplate(const QString& name)
{
    const int row = m_template->findData(name);
    if (row < 0)
        return false;
    m_template->setCurrentIndex(row);
    return true;
}

void GenerationPage::setMaterial(const QString& text)
{
    m_material->setPlainText(text);
}

QString GenerationPage::result() const
{
    return m_result->toMarkdown();
}

QString GenerationPage::status() const
{
    return m_status->text();
}

void GenerationPage::updateInputs()
{
    for (QWidget* input : std::initializer_list<QWidget*>{m_template, m_tone, m_material, m_materialClass, m_document, m_run})
        input->setEnabled(!m_busy);
    m_copy->setEnabled(!m_busy && !m_result->document()->isEmpty());
    m_save->setEnabled(!m_busy && !m_result->document()->isEmpty());
}

void GenerationPage::draft()
{
    if (m_busy)
        return;
    services::GenerationRequest request;
    request.templateName = m_template->currentData().toString();
    request.tone = static_cast<services::Tone>(m_tone->currentData().toInt());
    request.material = m_material->toPlainText().trimmed();
    request.materialClass = selectedProtectionClass(*m_materialClass);
    request.documentId = m_document->currentData().toLongLong();
    if (request.material.isEmpty() && request.documentId == 0) {
        announce(*m_status, tr("Write bullet points or choose a document first."));
        return;
    }
    m_busy = true;
    m_result->clear();
    updateInputs();
    announce(*m_status, tr("Drafting…"));
    m_generation.generate(
        request, this,
        [this](const QString& piece) {
            QTextCursor end(m_result->document());
            end.movePosition(QTextCursor::End);
            end.insertText(piece); // shown plain while it streams, as Markdown at the end
        },
        [this](services::FunctionResult outcome) {
            m_busy = false;
            if (outcome) {
                m_result->setMarkdown(outcome->text);
                announce(*m_status, tr("Drafted by %1.").arg(outcome->model));
            } else {
                announce(*m_status, tr("No draft: %1").arg(failureText(outcome.error())));
            }
            updateInputs();
            Q_EMIT finished();
        });
}

} // namespace genius::ui
