#include "ui/questionpage.h"

#include "core/models/collectionlistmodel.h"
#include "core/models/documenttablemodel.h"
#include "core/models/curation.h"
#include "core/services/askservice.h"
#include "ui/citationlinks.h"
#include "ui/collectiondialog.h"
#include "ui/documentdrop.h"
#include "ui/functionwidgets.h"
#include "ui/pageheading.h"
#include "ui/viewid.h"

#include <QCoreApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace genius::ui {

using models::CollectionListModel;
using models::DocumentTableModel;

QuestionPage::QuestionPage(Mode mode, services::AskService& askService, const models::DocumentTableModel* documents,
                           const models::CollectionListModel* collections, bool allCollections, QWidget* parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_ask(askService)
    , m_documents(documents)
    , m_collections(collections)
    , m_allCollections(allCollections)
{
    const bool research = mode == Mode::Research;
    auto* heading = createPageHeading(viewTitle(research ? ViewId::Research : ViewId::Documents), this);

    auto* choicesLabel = new QLabel(research ? tr("&Collections to search:") : tr("&Documents to ask:"), this);
    m_choices = new QListWidget(this);
    m_choices->setObjectName(QStringLiteral("questionChoices"));
    m_choices->setAccessibleName(research ? tr("Collections to search") : tr("Documents to ask"));
    m_choices->setAccessibleDescription(tr("Space ticks or unticks the selected entry."));
    choicesLabel->setBuddy(m_choices);
    auto* questionLabel = new QLabel(tr("&Question:"), this);
    m_question = new QPlainTextEdit(this);
    m_question->setObjectName(QStringLiteral("questionText"));
    m_question->setAccessibleName(tr("Question"));
    m_question->setTabChangesFocus(true);
    m_question->setMaximumHeight(m_question->fontMetrics().height() * 5);
    questionLabel->setBuddy(m_question);
    m_run = new QPushButton(tr("&Ask"), this);
    m_run->setObjectName(QStringLiteral("askButton"));
    m_run->setAccessibleName(tr("Ask"));
    m_answer = new QTextBrowser(this);
    m_answer->setObjectName(QStringLiteral("answer"));
    m_answer->setAccessibleName(tr("Answer with sources"));
    m_answer->setOpenLinks(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("questionStatus"));
    m_status->setAccessibleDescription(QCoreApplication::translate("SummaryPage", "Status"));
    m_status->setWordWrap(true);
    connect(m_run, &QPushButton::clicked, this, [this] { ask(m_question->toPlainText()); });

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_status, 1);
    runRow->addWidget(m_run);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 12);
    layout->addWidget(heading);
    layout->addWidget(choicesLabel);
    layout->addWidget(m_choices);
    layout->addWidget(questionLabel);
    layout->addWidget(m_question);
    layout->addLayout(runRow);
    layout->addWidget(m_answer, 2);
    refreshChoices();
}

QuestionPage::~QuestionPage() = default;

void QuestionPage::enableSources(const services::SourceService& sources)
{
    m_sourceOpener = createSourceOpener(sources, *m_answer, *m_status, this);
    m_answer->setAccessibleDescription(tr("Citation numbers and source names are links: Tab reaches them, Enter opens the "
                                          "cited page with the passage marked."));
}

void QuestionPage::enableAttaching(models::Curation& curation)
{
    if (m_mode != Mode::Documents || m_curation)
        return;
    m_curation = &curation;
    m_attachClass = new QComboBox(this);
    m_attachClass->setObjectName(QStringLiteral("attachClass"));
    m_attachClass->setAccessibleName(tr("Protection class of attached files"));
    fillProtectionClasses(*m_attachClass, domain::ProtectionClass::Normal);
    m_attach = new QPushButton(tr("A&ttach files…"), this);
    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setAccessibleName(tr("Attach files"));
    m_attach->setAccessibleDescription(tr("Imports files on this workstation; they are ticked once they are ready. "
                                          "Files can also be dropped on the list."));
    connect(m_attach, &QPushButton::clicked, this, [this] {
        attach(QFileDialog::getOpenFileNames(this, tr("Attach files")));
    });
    new DocumentDrop(*m_choices, [](const QList<qint64>&, const QModelIndex&) { return false; },
                     [this](const QStringList& paths) { attach(paths); });
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_attachClass);
    row->addWidget(m_attach);
    // Below the list of documents.
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    layout->insertLayout(layout->indexOf(m_choices) + 1, row);
    // In the order they stand: the list, then the class and the button below it, then the question.
    setTabOrder(m_choices, m_attachClass);
    setTabOrder(m_attachClass, m_attach);
    setTabOrder(m_attach, m_question);
    const auto* documents = &curation.documents();
    connect(documents, &QAbstractItemModel::dataChanged, this, &QuestionPage::updateAttachments);
    connect(documents, &QAbstractItemModel::rowsInserted, this, &QuestionPage::updateAttachments);
}

void QuestionPage::attach(const QStringList& paths)
{
    if (!m_curation || paths.isEmpty())
        return;
    const auto outcome = m_curation->importFiles(paths, selectedProtectionClass(*m_attachClass));
    m_attachProblems.clear();
    for (const auto& problem : outcome.problems)
        m_attachProblems.append(problem.subject + QStringLiteral(": ") + problem.error.detail);
    for (const qint64 id : outcome.ids) {
        if (!m_attaching.contains(id))
            m_attaching.append(id);
    }
    if (m_attaching.isEmpty() && !m_attachProblems.isEmpty())
        announce(*m_status, tr("Not attached: %1").arg(m_attachProblems.join(QStringLiteral("; "))));
    updateAttachments();
}

void QuestionPage::updateAttachments()
{
    // Once the last attached document is done the status line belongs to the answers again.
    if (!m_curation || m_attaching.isEmpty())
        return;
    const auto& documents = m_curation->documents();
    QStringList running;
    QList<qint64> ready;
    for (const qint64 id : std::as_const(m_attaching)) {
        const int row = documents.rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = documents.index(row, DocumentTableModel::NameColumn);
        const auto status = static_cast<index::DocumentStatus>(index.data(DocumentTableModel::StatusRole).toInt());
        if (status == index::DocumentStatus::Ready)
            ready.append(id);
        else if (index::isUnfinished(status))
            running.append(tr("%1 (%2 %)").arg(index.data(DocumentTableModel::NameRole).toString())
                               .arg(qRound(100 * index.data(DocumentTableModel::ProgressRole).toDouble())));
        else
            m_attachProblems.append(tr("%1: %2").arg(index.data(DocumentTableModel::NameRole).toString(),
                                           documents.index(row, DocumentTableModel::ProblemColumn).data().toString()));
        if (!index::isUnfinished(status) && status != index::DocumentStatus::Ready)
            m_attaching.removeOne(id); // reported once below; the data-manager view shows it too
    }
    if (!ready.isEmpty()) {
        refreshChoices();
        for (const qint64 id : std::as_const(ready)) {
            choose(QString::number(id));
            m_attaching.removeOne(id);
        }
    }
    QString text = running.isEmpty() ? tr("The attached documents are ready.")
                                     : tr("Importing: %1").arg(running.join(QStringLiteral(", ")));
    if (!m_attachProblems.isEmpty())
        text += QLatin1Char(' ') + tr("Not attached: %1").arg(m_attachProblems.join(QStringLiteral("; ")));
    announce(*m_status, text);
}

void QuestionPage::showEvent(QShowEvent* event)
{
    refreshChoices(); // documents and collections added meanwhile are offered
    QWidget::showEvent(event);
}

void QuestionPage::refreshChoices()
{
    const QStringList ticked = chosenKeys();
    m_choices->clear();
    const auto add = [this, &ticked](const QString& label, const QString& key) {
        auto* item = new QListWidgetItem(label, m_choices);
        item->setData(Qt::UserRole, key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked.contains(key) ? Qt::Checked : Qt::Unchecked);
    };
    if (m_mode == Mode::Documents) {
        for (const ReadyDocument& document : readyDocuments(m_documents))
            add(document.name, QString::number(document.id));
    } else {
        for (int row = 0; m_collections && row < m_collections->rowCount(); ++row) {
            const QModelIndex index = m_collections->index(row, 0);
            // Staff research only what data managers published.
            if (m_allCollections || index.data(CollectionListModel::PublishedRole).toBool())
                add(index.data(Qt::DisplayRole).toString(), index.data(CollectionListModel::NameRole).toString());
        }
    }
}

QStringList QuestionPage::chosenKeys() const
{
    QStringList keys;
    for (int row = 0; row < m_choices->count(); ++row) {
        if (m_choices->item(row)->checkState() == Qt::Checked)
            keys.append(m_choices->item(row)->data(Qt::UserRole).toString());
    }
    return keys;
}

bool QuestionPage::choose(const QString& key)
{
    refreshChoices();
    for (int row = 0; row < m_choices->count(); ++row) {
        if (m_choices->item(row)->data(Qt::UserRole).toString() == key) {
            m_choices->item(row)->setCheckState(Qt::Checked);
            return true;
        }
    }
    return false;
}

QString QuestionPage::answerText() const
{
    return m_answer->toPlainText();
}

QString QuestionPage::status() const
{
    return m_status->text();
}

void QuestionPage::ask(const QString& question)
{
    const QStringList keys = chosenKeys();
    if (m_busy || question.trimmed().isEmpty() || keys.isEmpty()) {
        if (!m_busy)
            announce(*m_status, m_mode == Mode::Research ? tr("Tick at least one collection and write a question.")
                                                       : tr("Tick at least one document and write a question."));
        return;
    }
    m_busy = true;
    m_run->setEnabled(false);
    announce(*m_status, tr("Looking for the answer…"));
    const auto done = [this](services::FunctionResult outcome) {
        m_busy = false;
        m_run->setEnabled(true);
        if (outcome)
            showAnswer(*outcome);
        else
            announce(*m_status, tr("No answer: %1").arg(failureText(outcome.error())));
        Q_EMIT finished();
    };
    if (m_mode == Mode::Research) {
        m_ask.research({keys, question.trimmed()}, this, done);
    } else {
        QList<qint64> ids;
        for (const QString& key : keys)
            ids.append(key.toLongLong());
        m_ask.ask({ids, question.trimmed()}, this, done);
    }
}

void QuestionPage::showAnswer(const services::FunctionAnswer& answer)
{
    if (m_sourceOpener)
        m_sourceOpener->setAnswer(answer);
    m_answer->setMarkdown(answerMarkdown(answer, true, m_sourceOpener != nullptr));
    if (!answer.evidence)
        announce(*m_status, tr("The collections hold no evidence for this question; no model was asked."));
    else if (answer.local)
        announce(*m_status, tr("Answered on this workstation with the best passages: %1.").arg(localReasonText(answer.localReason)));
    else
        announce(*m_status, tr("Answered by %1.").arg(answer.model));
}

} // namespace genius::ui
