#include "core/services/documentsources.h"

#include "core/index/indexdatabase.h"

namespace genius::services {

QList<AnswerSource> pageSources(const QList<documents::PageText>& pages, qint64 documentId, const QString& name,
                                bool paged, domain::ProtectionClass cls)
{
    QList<AnswerSource> sources;
    for (const documents::PageText& page : pages) {
        if (page.text.trimmed().isEmpty())
            continue;
        const int number = paged ? page.number : 0;
        sources.append(AnswerSource{documentId, name, number, number, page.text, cls});
    }
    return sources;
}

common::Result<QList<AnswerSource>> documentSources(const index::IndexDatabase& database,
                                                    const index::DocumentRecord& document)
{
    const auto pages = database.pages(document.id);
    if (!pages)
        return std::unexpected(pages.error());
    return pageSources(*pages, document.id, document.name, document.paged, document.protectionClass);
}

} // namespace genius::services
