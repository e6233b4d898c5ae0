// The embedding phase of the import queue: after chunking, passages of documents the
// embedding model is cleared for get vectors; the others stay lexical only.
#include "core/import/importjob.h"

#include "core/import/importlogging.h"
#include "core/index/embeddingprovider.h"
#include "core/index/indexdatabase.h"

namespace genius::import {

using index::DocumentStatus;

void ImportQueue::startEmbedding(qint64 id)
{
    if (!m_embeddings) {
        m_database.setEmbeddingState(id, QString(), QStringLiteral("none"));
        return finish(id, DocumentStatus::Ready);
    }
    if (m_embeddingPrepared) {
        const auto record = m_database.document(id);
        if (!record)
            return fail(id, record.error());
        if (m_embeddingModel.isEmpty()) {
            m_database.setEmbeddingState(id, QString(), QStringLiteral("unavailable"));
            return finish(id, DocumentStatus::Ready);
        }
        if (domain::higherOf(record->protectionClass, m_embeddingClearance) != m_embeddingClearance) {
            // Above the model's clearance: indexed lexically, nothing leaves the machine.
            m_database.setEmbeddingState(id, m_embeddingModel, QStringLiteral("skipped-class"));
            return finish(id, DocumentStatus::Ready);
        }
        m_database.setEmbeddingState(id, m_embeddingModel, QStringLiteral("pending"));
        return embedNext(id);
    }
    if (!m_waitingForEmbedding.contains(id))
        m_waitingForEmbedding.append(id);
    if (m_embeddingPreparing)
        return;
    m_embeddingPreparing = true;
    m_embeddings->prepare(this, [this](QString model, domain::ProtectionClass clearance) {
        onEmbeddingPrepared(model, clearance);
    });
}

void ImportQueue::onEmbeddingPrepared(const QString& model, domain::ProtectionClass clearance)
{
    m_embeddingPreparing = false;
    m_embeddingPrepared = true;
    m_embeddingModel = model;
    m_embeddingClearance = clearance;
    const QList<qint64> waiting = std::exchange(m_waitingForEmbedding, {});
    for (qint64 id : waiting) {
        if (m_jobs.contains(id))
            startEmbedding(id);
    }
}

void ImportQueue::embedNext(qint64 id)
{
    Job* job = m_jobs.value(id);
    if (!job)
        return;
    auto pending = m_database.chunksWithoutEmbedding(id, m_embeddingModel);
    if (!pending)
        return fail(id, pending.error());
    if (pending->isEmpty()) {
        m_database.setEmbeddingState(id, m_embeddingModel, QStringLiteral("done"));
        return finish(id, DocumentStatus::Ready);
    }
    const auto batch = pending->mid(0, std::max(1, m_options.embeddingBatch));
    QStringList texts;
    QList<qint64> chunkIds;
    for (const auto& chunk : batch) {
        texts.append(chunk.text);
        chunkIds.append(chunk.id);
    }
    m_embeddings->embed(texts, job->cls, {QString::number(id)}, this,
                        [this, id, chunkIds](common::Result<QList<QVector<float>>> vectors) {
                            if (!m_jobs.contains(id))
                                return;
                            if (!vectors) {
                                // The passages stay searchable lexically; vectors can follow later.
                                qCWarning(lcImport) << "embedding failed: document" << id
                                                    << common::errorCodeName(vectors.error().code);
                                m_database.setEmbeddingState(id, m_embeddingModel, QStringLiteral("failed"));
                                return finish(id, DocumentStatus::Ready);
                            }
                            if (auto stored = m_database.storeEmbeddings(m_embeddingModel, chunkIds, *vectors); !stored)
                                return fail(id, stored.error());
                            embedNext(id);
                        });
}

} // namespace genius::import
