#include "core/index/documentrecord.h"

#include <array>

namespace genius::index {

namespace {

struct StatusName {
    DocumentStatus status;
    const char16_t* name;
};

constexpr std::array kStatusNames{
    StatusName{DocumentStatus::Queued, u"queued"},       StatusName{DocumentStatus::Reading, u"reading"},
    StatusName{DocumentStatus::Indexing, u"indexing"},   StatusName{DocumentStatus::Embedding, u"embedding"},
    StatusName{DocumentStatus::Ready, u"ready"},         StatusName{DocumentStatus::Failed, u"failed"},
    StatusName{DocumentStatus::Cancelled, u"cancelled"},
};

} // namespace

QString documentStatusName(DocumentStatus status)
{
    for (const auto& entry : kStatusNames) {
        if (entry.status == status)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

std::optional<DocumentStatus> parseDocumentStatus(const QString& name)
{
    for (const auto& entry : kStatusNames) {
        if (name == QString::fromUtf16(entry.name))
            return entry.status;
    }
    return std::nullopt;
}

bool isUnfinished(DocumentStatus status)
{
    return status == DocumentStatus::Queued || status == DocumentStatus::Reading || status == DocumentStatus::Indexing
        || status == DocumentStatus::Embedding;
}

} // namespace genius::index
