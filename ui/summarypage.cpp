#include "ui/summarypage.h"

#include "core/models/documenttablemodel.h"
#include "core/services/summaryservice.h"
#include "ui/collectiondialog.h"
#include "ui/citationlinks.h"
#include "ui/functionwidgets.h"
#include "ui/pageheading.h"
#include "ui/viewid.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextEdit>
#include <QVBoxLayout>

namespace genius::ui {

using models::DocumentTableModel;
using services::SummaryLength;

SummaryPage::SummaryPage(services::SummaryService& summaries, const models::DocumentTableModel* documents,
                         QWidget* parent)
    : QWidget(parent)
    , m_summaries(summaries)
    , m_documents(documents)
{
    auto* heading = createPageHeading(viewTitle(ViewId::Summarize), this);

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("summarySource"));
    m_source->setAccessibleName(tr("What to summarise"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("summaryText"));
    m_text->setAccessibleName(tr("Text to summarise"));
    m_text->setPlaceholderText(tr("Paste the text to summarise here."));
    m_text->setTabChangesFocus(true);
    m_textClass = new QComboBox(this);
    m_textClass->setObjectName(QStringLiteral("summaryTextClass"));
    m_textClass->setAccessibleName(tr("Protection class of the pasted text"));
    fillProtectionClasses(*m_textClass, domain::ProtectionClass::Normal);
    m_length = new QComboBox(this);
    m_length->setObjectName(QStringLiteral("summaryLength"));
    m_length->setAccessibleName(tr("Length of the summary"));
    m_length->addItem(tr("Short"), static_cast<int>(SummaryLength::Short));
    m_length->addItem(tr("Medium"), static_cast<int>(SummaryLength::Medium));
    m_length->addItem(tr("Long"), static_cast<int>(SummaryLength::Long));
    m_length->setCurrentIndex(1);
    m_aspect = new QLineEdit(this);
    m_aspect->setObjectName(QStringLiteral("summaryAspect"));
    m_aspect->setAccessibleName(tr("With respect to"));
    m_aspect->setPlaceholderText(tr("optional, e.g. deadlines or costs"));
    m_run = new QPushButton(tr("&Summarise"), this);
    m_run->setObjectName(QStringLiteral("summarizeButton"));
    m_run->setAccessibleName(tr("Summarise"));
    m_result = new QTextEdit(this);
    m_result->setObjectName(QStringLiteral("summaryResult"));
    m_result->setAccessibleName(tr("Summary"));
    m_result->setAccessibleDescription(tr("The summary can be edited before it is copied or saved."));
    m_result->setTabChangesFocus(true);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copySummaryButton"));
    m_copy->setAccessibleName(tr("Copy"));
    m_save = new QPushButton(tr("Sa&ve…"), this);
    m_save->setObjectName(QStringLiteral("saveSummaryButton"));
    m_save->setAccessibleName(tr("Save"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("summaryStatus"));
    m_status->setAccessibleDescription(tr("Status"));
    m_status->setWordWrap(true);

    connect(m_source, &QComboBox::currentIndexChanged, this, &SummaryPage::updateInputs);
    connect(m_run, &QPushButton::clicked, this, &SummaryPage::summarize);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_result->toPlainText()); });
    connect(m_save, &QPushButton::clicked, this, &SummaryPage::saveResult);

    auto* form = new QFormLayout;
    form->addRow(tr("S&ource:"), m_source);
    form->addRow(tr("&Text:"), m_text);
    form->addRow(tr("C&lass of the text:"), m_textClass);
    form->addRow(tr("&Length:"), m_length);
    form->addRow(tr("With &respect to:"), m_aspect);
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
    refreshDocuments();
}

SummaryPage::~SummaryPage() = default;

void SummaryPage::showEvent(QShowEvent* event)
{
    refreshDocuments(); // documents imported meanwhile are offered
    QWidget::showEvent(event);
}

void SummaryPage::refreshDocuments()
{
    fillReadyDocuments(*m_source, m_documents, tr("Pasted text"));
    updateInputs();
}

bool SummaryPage::chooseDocument(qint64 id)
{
    refreshDocuments();
    const int row = m_source->findData(id);
    if (row <= 0)
        return false;
    m_source->setCurrentIndex(row);
    return true;
}

void SummaryPage::setPastedText(const QString& text)
{
    m_source->setCurrentIndex(0);
    m_text->setPlainText(text);
}

void SummaryPage::updateInputs()
{
    const bool pasted = m_source->currentData().toLongLong() == 0;
    m_text->setEnabled(pasted && !m_busy);
    m_textClass->setEnabled(pasted && !m_busy);
    m_run->setEnabled(!m_busy);
    m_copy->setEnabled(!m_busy && !m_result->document()->isEmpty());
    m_save->setEnabled(!m_busy && !m_result->document()->isEmpty());
}

void SummaryPage::enableSources(const services::SourceService& sources)
{
    m_sourceOpener = createSourceOpener(sources, *m_result, *m_status, this);
    m_result->setAccessibleDescription(tr("The summary can be edited before it is copied or saved. A click on a citation "
                                          "number or source opens the cited page."));
}

QString SummaryPage::result() const
{
    return unlinkSources(m_result->toMarkdown());
}

QString SummaryPage::status() const
{
    return m_status->text();
}

void SummaryPage::summarize()
{
    if (m_busy)
        return;
    services::SummaryRequest request;
    request.documentId = m_source->currentData().toLongLong();
    if (request.documentId == 0) {
        request.text = m_text->toPlainText().trimmed();
        request.name = tr("Pasted text");
        request.textClass = selectedProtectionClass(*m_textClass);
        if (request.text.isEmpty()) {
            announce(*m_status, tr("Paste a text or choose a document first."));
            return;
        }
    }
    request.length = static_cast<SummaryLength>(m_length->currentData().toInt());
    request.aspect = m_aspect->text().trimmed();
    m_busy = true;
    updateInputs();
    announce(*m_status, tr("Summarising…"));
    m_summaries.summarize(request, this, [this](services::FunctionResult outcome) {
        m_busy = false;
        if (outcome)
            showAnswer(*outcome);
        else
            announce(*m_status, tr("No summary: %1").arg(failureText(outcome.error())));
        updateInputs();
        Q_EMIT finished();
    });
}

void SummaryPage::showAnswer(const services::FunctionAnswer& answer)
{
    if (m_sourceOpener)
        m_sourceOpener->setAnswer(answer);
    m_result->setMarkdown(answerMarkdown(answer, false, m_sourceOpener != nullptr));
    announce(*m_status, answer.local ? tr("Summarised on this workstation: %1.").arg(localReasonText(answer.localReason))
                                   : tr("Summarised by %1.").arg(answer.model));
}

void SummaryPage::saveResult()
{
    const QString status = saveMarkdownAs(this, tr("Save summary"), result());
    if (!status.isEmpty())
        announce(*m_status, status);
}

} // namespace genius::ui
