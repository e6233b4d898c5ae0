#pragma once

#include "core/common/error.h"
#include "core/documents/pagetext.h"
#include "core/services/functionresult.h"

namespace genius::index {
class IndexDatabase;
struct DocumentRecord;
}

namespace genius::services {

/// One source per page that has text; `paged` false gives page 0 (formats without pages).
QList<AnswerSource> pageSources(const QList<documents::PageText>& pages, qint64 documentId, const QString& name,
                                bool paged, domain::ProtectionClass cls);

/// The pages of an imported document as sources, one per page with text.
common::Result<QList<AnswerSource>> documentSources(const index::IndexDatabase& database,
                                                    const index::DocumentRecord& document);

} // namespace genius::services
