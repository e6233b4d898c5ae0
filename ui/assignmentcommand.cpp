#include "ui/assignmentcommand.h"

#include "core/models/curation.h"

namespace genius::ui {

AssignmentCommand::AssignmentCommand(
    models::Curation& curation, Kind kind, const QList<qint64>& documents, const QString& collection)
    : m_curation(curation)
    , m_kind(kind)
    , m_documents(documents)
    , m_collection(collection)
{
    const auto count = static_cast<int>(documents.size());
    setText(kind == Kind::Assign ? tr("assign %n document(s) to \"%1\"", nullptr, count).arg(collection)
                                 : tr("remove %n document(s) from \"%1\"", nullptr, count).arg(collection));
}

void AssignmentCommand::undo()
{
    apply(m_kind == Kind::Assign ? Kind::Unassign : Kind::Assign);
    m_done = false;
}

void AssignmentCommand::redo()
{
    if (m_done)
        return; // pushed after the change was made
    apply(m_kind);
    m_done = true;
}

void AssignmentCommand::apply(Kind kind)
{
    if (kind == Kind::Assign)
        m_curation.assign(m_documents, m_collection);
    else
        m_curation.unassign(m_documents, m_collection);
}

} // namespace genius::ui
