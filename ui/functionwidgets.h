#pragma once

#include <QList>
#include <QString>

class QComboBox;
class QLabel;
class QWidget;

namespace genius::domain {
struct ModelInfo;
}
namespace genius::models {
class DocumentTableModel;
}
namespace genius::services {
struct FunctionFailure;
enum class LocalReason;
}

namespace genius::ui {

/// A document the functions can use: its name and id.
struct ReadyDocument {
    QString name;
    qint64 id = 0;
};
/// The imported documents that are ready, in the model's order.
QList<ReadyDocument> readyDocuments(const models::DocumentTableModel* documents);

/// Fills `box` with `noneLabel` (data 0) and the imported documents that are ready (data:
/// their id), keeping the chosen one when it is still offered.
void fillReadyDocuments(QComboBox& box, const models::DocumentTableModel* documents, const QString& noneLabel);
/// A model as pickers show it: "id — cleared up to <class>, <location>".
QString modelText(const domain::ModelInfo& model);
/// Shows `text` in a status line and has screen readers announce it: the line's accessible
/// name becomes the text and a name change is sent (Qt 6.4 has no announcement event).
void announce(QLabel& status, const QString& text);
/// The one sentence saying why a function gave no result.
QString failureText(const services::FunctionFailure& failure);
/// Why a function answered on this workstation, as a phrase ("no gateway is configured").
QString localReasonText(services::LocalReason reason);
/// Asks for a file and saves `markdown` there; returns the status line to show (empty when
/// the user cancelled).
QString saveMarkdownAs(QWidget* parent, const QString& title, const QString& markdown);

} // namespace genius::ui
