#pragma once

#include <QCoreApplication>
#include <QList>
#include <QUndoCommand>

namespace genius::models {
class Curation;
}

namespace genius::ui {

/// One assignment change of the data-manager view on the undo stack: the documents that
/// were (un)assigned, and nothing else, so that undo restores exactly the earlier state.
/// The change is done before the command is pushed; the first redo() does nothing.
class AssignmentCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(AssignmentCommand)

public:
    enum class Kind { Assign, Unassign };

    AssignmentCommand(models::Curation& curation, Kind kind, const QList<qint64>& documents, const QString& collection);

    void undo() override;
    void redo() override;

private:
    void apply(Kind kind);

    models::Curation& m_curation;
    Kind m_kind;
    QList<qint64> m_documents;
    QString m_collection;
    bool m_done = true;
};

} // namespace genius::ui
