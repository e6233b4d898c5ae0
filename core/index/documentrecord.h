#pragma once

#include "core/domain/protectionclass.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace genius::index {

/// A document is also its import job: queued → reading (pages) → indexing (chunks, full
/// text) → embedding → ready, or failed / cancelled. The state lives in the database so an
/// import resumes after a crash.
enum class DocumentStatus { Queued, Reading, Indexing, Embedding, Ready, Failed, Cancelled };

/// Stable lower-case names for the database, the CLI and --json ("queued", "ready", ...).
QString documentStatusName(DocumentStatus status);
std::optional<DocumentStatus> parseDocumentStatus(const QString& name);
/// True while the import still has work to do (queued, reading, indexing, embedding).
bool isUnfinished(DocumentStatus status);

/// One imported document as the index knows it.
struct DocumentRecord {
    qint64 id = 0;
    QString name;       ///< the imported file's name
    QString sourcePath; ///< where it was imported from (read again only on resume/retry)
    QString sha256;
    qint64 size = 0;
    QString format;     ///< "pdf", "docx", ... (empty until opened)
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
    DocumentStatus status = DocumentStatus::Queued;
    QString errorCode;   ///< common::errorCodeName of the failure, empty otherwise
    QString errorDetail; ///< one untranslated sentence
    bool paged = true;
    int pagesTotal = 0;
    int pagesDone = 0;
    int ocrPages = 0;
    double ocrConfidence = -1.0; ///< mean Tesseract confidence (0..100) of the OCRed pages; -1 when none
    int chunks = 0;
    QString title;
    QString author;
    QString embeddingModel;
    QString embeddingState; ///< none | done | skipped-class | unavailable | failed
    QDateTime addedAt;
    QDateTime updatedAt;
    QStringList collections;
    qint64 originId = 0;       ///< the shared store's document id when it is also there, 0 otherwise
    qint64 originRevision = 0; ///< the store's revision this copy reflects
    bool shared = false;       ///< a read-only copy from the shared store (changed only by syncing)
};

/// A collection of documents; its class caps the classes of its documents.
struct CollectionRecord {
    qint64 id = 0;
    QString name;
    QString description;
    QString tenant;
    domain::ProtectionClass protectionClass = domain::ProtectionClass::Normal;
    bool published = false;
    QDateTime createdAt;
    int documents = 0;
    qint64 originId = 0; ///< the shared store's collection id when it mirrors one, 0 otherwise
    bool shared = false; ///< created by syncing: a read-only copy of the store's collection
};

} // namespace genius::index
