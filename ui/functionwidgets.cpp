#include "ui/functionwidgets.h"

#include "core/domain/modelinfo.h"
#include "core/models/documentlabels.h"
#include "core/models/documenttablemodel.h"
#include "core/services/functionresult.h"

#include <QAccessible>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QLabel>
#include <QSaveFile>

namespace genius::ui {

namespace {

QString locationText(domain::ModelLocation location)
{
    switch (location) {
    case domain::ModelLocation::PublicCloud: return QCoreApplication::translate("genius::ui::ChatPage", "public cloud");
    case domain::ModelLocation::SovereignCloud: return QCoreApplication::translate("genius::ui::ChatPage", "sovereign cloud");
    case domain::ModelLocation::OnPrem: return QCoreApplication::translate("genius::ui::ChatPage", "on premises");
    case domain::ModelLocation::Unknown: break;
    }
    return QCoreApplication::translate("genius::ui::ChatPage", "unknown location");
}

} // namespace

void announce(QLabel& status, const QString& text)
{
    status.setText(text);
    status.setAccessibleName(text);
    if (text.isEmpty())
        return;
    QAccessibleEvent event(&status, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

QString modelText(const domain::ModelInfo& model)
{
    return QCoreApplication::translate("genius::ui::ChatPage", "%1 — cleared up to %2, %3")
        .arg(model.id, models::protectionClassText(model.clearance), locationText(model.location));
}

using models::DocumentTableModel;

QList<ReadyDocument> readyDocuments(const models::DocumentTableModel* documents)
{
    QList<ReadyDocument> ready;
    for (int row = 0; documents && row < documents->rowCount(); ++row) {
        const QModelIndex index = documents->index(row, DocumentTableModel::NameColumn);
        if (index.data(DocumentTableModel::StatusRole).toInt() == static_cast<int>(index::DocumentStatus::Ready))
            ready.append({index.data(DocumentTableModel::NameRole).toString(),
                          index.data(DocumentTableModel::IdRole).toLongLong()});
    }
    return ready;
}

void fillReadyDocuments(QComboBox& box, const models::DocumentTableModel* documents, const QString& noneLabel)
{
    const qint64 chosen = box.currentData().toLongLong();
    const QSignalBlocker blocker(&box);
    box.clear();
    box.addItem(noneLabel, qint64(0));
    for (const ReadyDocument& document : readyDocuments(documents))
        box.addItem(document.name, document.id);
    box.setCurrentIndex(std::max(0, box.findData(chosen)));
}

QString failureText(const services::FunctionFailure& failure)
{
    if (const auto* local = std::get_if<common::Error>(&failure.error))
        return local->detail;
    return std::get<gateway::GatewayError>(failure.error).message;
}

QString localReasonText(services::LocalReason reason)
{
    switch (reason) {
    case services::LocalReason::None: break;
    case services::LocalReason::VeryHigh:
        return QCoreApplication::translate("SummaryPage", "the text is very-high and never leaves this workstation");
    case services::LocalReason::NoGateway: return QCoreApplication::translate("SummaryPage", "no gateway is configured");
    case services::LocalReason::Unreachable:
        return QCoreApplication::translate("SummaryPage", "the gateway cannot be reached");
    case services::LocalReason::NoClearedModel:
        return QCoreApplication::translate("SummaryPage", "no model is cleared for the protection class");
    }
    return {};
}

QString saveMarkdownAs(QWidget* parent, const QString& title, const QString& markdown)
{
    const QString path = QFileDialog::getSaveFileName(parent, title, QString(),
                                                      QCoreApplication::translate("SummaryPage", "Markdown (*.md)"));
    if (path.isEmpty())
        return {};
    QSaveFile file(path); // replaces an existing file only once the new one is complete
    const QByteArray bytes = markdown.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return QCoreApplication::translate("SummaryPage", "The text could not be saved: %1").arg(file.errorString());
    return QCoreApplication::translate("SummaryPage", "Saved to %1.").arg(path);
}

} // namespace genius::ui
