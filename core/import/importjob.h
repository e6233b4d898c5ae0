#pragma once

#include "core/import/importqueue.h"

namespace genius::import {

/// One document in the queue's hands (private to the queue's sources).
struct ImportQueue::Job {
    qint64 id = 0;
    quint64 serial = 0; ///< tells a job from an earlier one of the same document
    QString path;
    QString sha256;
    QString name;
    domain::ProtectionClass cls = domain::ProtectionClass::Normal;
    common::CancellationToken cancel;
    enum class Phase { Open, Pages, Chunking, Embedding } phase = Phase::Open;
    bool busy = false; ///< an open or chunking task is out
    int pagesTotal = 0;
    QList<int> missing; ///< pages not yet handed to a worker
    int pagesOut = 0;   ///< pages handed out and not yet back
    int pagesStored = 0; ///< pages in the database
    bool sawOcr = false;
    QString format;
    bool paged = true;
    QString title;
};

} // namespace genius::import
