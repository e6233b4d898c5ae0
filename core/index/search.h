#pragma once

#include "core/domain/protectionclass.h"

#include <QList>
#include <QString>

namespace genius::index {

enum class SearchMode { Lexical, Vector, Hybrid };

/// Which chunks a search may return. Empty lists mean "no restriction".
struct SearchFilter {
    QList<qint64> collections; ///< chunks of documents assigned to any of these
    QList<qint64> documents;   ///< chunks of these documents
    domain::ProtectionClass maxClass = domain::ProtectionClass::VeryHigh; ///< documents up to this class
};

/// One ranked passage.
struct SearchHit {
    qint64 chunkId = 0;
    qint64 documentId = 0;
    QString documentName;
    bool paged = true;  ///< false: the format has no pages (page fields are 0)
    int firstPage = 0;
    int lastPage = 0;
    int start = 0;      ///< offsets in the document's full text (pages joined by '\f')
    int end = 0;
    QString heading;    ///< heading path joined by " › "
    QString text;
    double score = 0.0; ///< higher is better; comparable only within one result list
};

} // namespace genius::index
