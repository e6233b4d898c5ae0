#include "core/models/documentlabels.h"

#include <QCoreApplication>

namespace genius::models {

QString protectionClassText(domain::ProtectionClass cls)
{
    switch (cls) {
    case domain::ProtectionClass::None: return QCoreApplication::translate("DocumentTableModel", "none");
    case domain::ProtectionClass::Normal: return QCoreApplication::translate("DocumentTableModel", "normal");
    case domain::ProtectionClass::High: return QCoreApplication::translate("DocumentTableModel", "high");
    case domain::ProtectionClass::VeryHigh: return QCoreApplication::translate("DocumentTableModel", "very high");
    }
    return {};
}

QString documentStatusText(index::DocumentStatus status)
{
    using index::DocumentStatus;
    switch (status) {
    case DocumentStatus::Queued: return QCoreApplication::translate("DocumentTableModel", "Waiting");
    case DocumentStatus::Reading: return QCoreApplication::translate("DocumentTableModel", "Reading");
    case DocumentStatus::Indexing: return QCoreApplication::translate("DocumentTableModel", "Indexing");
    case DocumentStatus::Embedding: return QCoreApplication::translate("DocumentTableModel", "Embedding");
    case DocumentStatus::Ready: return QCoreApplication::translate("DocumentTableModel", "Ready");
    case DocumentStatus::Failed: return QCoreApplication::translate("DocumentTableModel", "Failed");
    case DocumentStatus::Cancelled: return QCoreApplication::translate("DocumentTableModel", "Cancelled");
    }
    return {};
}

int protectionClassRank(domain::ProtectionClass cls)
{
    // The enum is declared in ascending sensitivity; the rank is that order, spelled out.
    return static_cast<int>(cls);
}

int documentStatusRank(index::DocumentStatus status)
{
    return static_cast<int>(status);
}

} // namespace genius::models
