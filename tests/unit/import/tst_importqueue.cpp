// The import queue over a real index file and real documents: progress, batches with bad
// files, cancel, retry, resume of an interrupted job, and the embedding phase with the
// clearance rule (a provider that records what it was asked to embed stands in for the gateway).
#include "core/import/importqueue.h"
#include "core/index/embeddingprovider.h"
#include "core/index/indexdatabase.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace genius;
using index::DocumentStatus;

namespace {

/// Deterministic vectors (character histogram), answered asynchronously like a network call.
class RecordingProvider final : public index::EmbeddingProvider
{
public:
    QString model = QStringLiteral("test-embed");
    domain::ProtectionClass clearance = domain::ProtectionClass::High;
    QList<domain::ProtectionClass> sentClasses;
    int texts = 0;
    bool failing = false;

    void prepare(QObject* context, std::function<void(QString, domain::ProtectionClass)> done) override
    {
        QTimer::singleShot(0, context, [this, done] { done(model, clearance); });
    }
    void embed(const QStringList& batch, domain::ProtectionClass cls, const QStringList&, QObject* context, Done done) override
    {
        sentClasses.append(cls);
        texts += static_cast<int>(batch.size());
        QList<QVector<float>> vectors;
        for (const QString& text : batch) {
            QVector<float> vector(16, 0.0f);
            for (const QChar c : text)
                vector[c.unicode() % 16] += 1.0f;
            vectors.append(vector);
        }
        QTimer::singleShot(0, context, [this, vectors, done] {
            if (failing)
                return done(common::fail(common::ErrorCode::Unavailable, QStringLiteral("offline")));
            done(vectors);
        });
    }
};

QString writeText(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(content);
    return path;
}

QByteArray lawText(int paragraphs)
{
    QByteArray text = "# Testgesetz\n\n";
    for (int i = 1; i <= paragraphs; ++i) {
        text += "## § " + QByteArray::number(i) + " Regelung Nummer " + QByteArray::number(i) + "\n\n";
        text += "Die Behörde entscheidet über den Antrag nach pflichtgemäßem Ermessen. "
                "Der Verwaltungsakt ist schriftlich zu begründen, wenn er belastend wirkt.\n\n";
    }
    return text;
}

} // namespace

class TestImportQueue final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<index::IndexDatabase> m_database;

    void waitIdle(import::ImportQueue& queue, int timeoutMs = 120000)
    {
        if (queue.isIdle())
            return;
        QSignalSpy idle(&queue, &import::ImportQueue::idle);
        QVERIFY(idle.wait(timeoutMs));
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_database.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("index.sqlite")));
        auto opened = index::IndexDatabase::open(m_dir.filePath(QStringLiteral("index.sqlite")));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().detail));
        m_database = std::move(*opened);
    }

    void importMarkdown_storesChunksAndReportsProgress()
    {
        import::ImportQueue queue(*m_database, {});
        QSignalSpy finished(&queue, &import::ImportQueue::finished);
        QSignalSpy progress(&queue, &import::ImportQueue::progress);
        const auto enqueued = queue.enqueue(writeText(m_dir, QStringLiteral("gesetz.md"), lawText(30)), domain::ProtectionClass::Normal);
        QVERIFY(!enqueued.error);
        QVERIFY(enqueued.created);
        waitIdle(queue);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<DocumentStatus>(), DocumentStatus::Ready);
        QVERIFY(!progress.isEmpty());
        const auto record = m_database->document(enqueued.id);
        QVERIFY(record);
        QCOMPARE(record->status, DocumentStatus::Ready);
        QCOMPARE(record->format, QStringLiteral("markdown"));
        QVERIFY(!record->paged);
        QVERIFY(record->chunks >= 2);
        QCOMPARE(record->embeddingState, QStringLiteral("none"));
    }

    void enqueueSameContent_returnsTheSameDocument()
    {
        import::ImportQueue queue(*m_database, {});
        const QByteArray content = lawText(3);
        const auto first = queue.enqueue(writeText(m_dir, QStringLiteral("a.md"), content), domain::ProtectionClass::Normal);
        waitIdle(queue);
        const auto second = queue.enqueue(writeText(m_dir, QStringLiteral("b.md"), content), domain::ProtectionClass::High);
        waitIdle(queue);
        QCOMPARE(second.id, first.id);
        QVERIFY(!second.created);
        QCOMPARE(m_database->documents()->size(), 1);
        // The more sensitive import wins: the one copy is now high.
        QCOMPARE(m_database->document(first.id)->protectionClass, domain::ProtectionClass::High);
    }

    void badFiles_failAloneWithOneReason()
    {
        import::ImportQueue queue(*m_database, {});
        const auto empty = queue.enqueue(writeText(m_dir, QStringLiteral("leer.txt"), {}), domain::ProtectionClass::Normal);
        QVERIFY(empty.error);
        QCOMPARE(empty.id, 0);
        const auto missing = queue.enqueue(m_dir.filePath(QStringLiteral("fehlt.pdf")), domain::ProtectionClass::Normal);
        QCOMPARE(missing.error->code, common::ErrorCode::NotFound);
        const auto broken = queue.enqueue(writeText(m_dir, QStringLiteral("kaputt.pdf"), "%PDF-1.7\n1 0 obj <<"), domain::ProtectionClass::Normal);
        const auto good = queue.enqueue(writeText(m_dir, QStringLiteral("gut.md"), lawText(2)), domain::ProtectionClass::Normal);
        waitIdle(queue);
        QCOMPARE(m_database->document(broken.id)->status, DocumentStatus::Failed);
        QVERIFY(!m_database->document(broken.id)->errorDetail.isEmpty());
        QCOMPARE(m_database->document(good.id)->status, DocumentStatus::Ready);
    }

    void changedSourceBeforeResume_failsInsteadOfMixing()
    {
        const QString path = writeText(m_dir, QStringLiteral("wechsel.md"), lawText(2));
        qint64 id = 0;
        {
            // Registered but never read, as if the process died right after the enqueue.
            index::NewDocument document{QStringLiteral("wechsel.md"), path, QStringLiteral("0000"), 10,
                                        domain::ProtectionClass::Normal};
            id = m_database->addDocument(document)->id;
        }
        import::ImportQueue queue(*m_database, {});
        queue.resume();
        waitIdle(queue);
        QCOMPARE(m_database->document(id)->status, DocumentStatus::Failed);
        QVERIFY(m_database->document(id)->errorDetail.contains(QStringLiteral("changed")));
    }

    void interruptedJob_resumesAtTheMissingPages()
    {
        const QString pdf = QStringLiteral(GENIUS_CORPUS_DIR "/pdf/BauNVO_libreoffice.pdf");
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        // The reference: the same file imported without interruption into another index.
        QTemporaryDir other;
        auto reference = index::IndexDatabase::open(other.filePath(QStringLiteral("index.sqlite")));
        QVERIFY(reference);
        qint64 referenceId = 0;
        {
            import::ImportQueue queue(**reference, {});
            referenceId = queue.enqueue(pdf, domain::ProtectionClass::Normal).id;
            waitIdle(queue);
        }
        // Interrupted after some pages, left as a killed process leaves it: status "reading".
        qint64 id = 0;
        int storedBefore = 0;
        {
            import::ImportQueue queue(*m_database, {});
            id = queue.enqueue(pdf, domain::ProtectionClass::Normal).id;
            auto connection = std::make_shared<QMetaObject::Connection>();
            *connection = QObject::connect(&queue, &import::ImportQueue::progress, &queue, [&, connection](qint64, int done, int) {
                if (done >= 5) {
                    QObject::disconnect(*connection);
                    queue.cancel(id);
                }
            });
            waitIdle(queue);
            storedBefore = m_database->document(id)->pagesDone;
            QVERIFY(m_database->setStatus(id, DocumentStatus::Reading));
        }
        QVERIFY(storedBefore >= 5 && storedBefore < 20);

        import::ImportQueue queue(*m_database, {});
        QSignalSpy progress(&queue, &import::ImportQueue::progress);
        queue.resume();
        waitIdle(queue);
        QCOMPARE(m_database->document(id)->status, DocumentStatus::Ready);
        QCOMPARE(progress.first().at(1).toInt(), storedBefore); // started from the stored pages
        QCOMPARE(progress.size(), 1 + 20 - storedBefore);       // one report per page read again
        QCOMPARE(m_database->document(id)->chunks, (*reference)->document(referenceId)->chunks);
        QCOMPARE(*m_database->fullText(id), *(*reference)->fullText(referenceId));
    }

    void cancel_stopsAndKeepsStoredPages()
    {
        const QString pdf = QStringLiteral(GENIUS_CORPUS_DIR "/pdf/DSGVO_libreoffice.pdf");
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        import::ImportQueue queue(*m_database, {});
        QSignalSpy finished(&queue, &import::ImportQueue::finished);
        const auto enqueued = queue.enqueue(pdf, domain::ProtectionClass::Normal);
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(&queue, &import::ImportQueue::progress, &queue,
                                       [&queue, connection, id = enqueued.id](qint64, int done, int) {
                                           if (done >= 10) {
                                               QObject::disconnect(*connection);
                                               queue.cancel(id);
                                           }
                                       });
        waitIdle(queue);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<DocumentStatus>(), DocumentStatus::Cancelled);
        const auto record = m_database->document(enqueued.id);
        QCOMPARE(record->status, DocumentStatus::Cancelled);
        QVERIFY(record->pagesDone >= 10 && record->pagesDone < record->pagesTotal);
        QCOMPARE(record->chunks, 0);

        // Importing it again continues after the stored pages.
        const auto again = queue.enqueue(pdf, domain::ProtectionClass::Normal);
        QCOMPARE(again.id, enqueued.id);
        waitIdle(queue);
        QCOMPARE(m_database->document(enqueued.id)->status, DocumentStatus::Ready);
        QCOMPARE(m_database->document(enqueued.id)->pagesDone, record->pagesTotal);
    }

    void cancelFromAStatusSlot_whileChunkingStarts()
    {
        // A view reacting to "indexing" may cancel at once: the queue must not touch the job after.
        import::ImportQueue queue(*m_database, {});
        QSignalSpy finished(&queue, &import::ImportQueue::finished);
        qint64 id = 0;
        QObject::connect(&queue, &import::ImportQueue::statusChanged, &queue, [&](qint64 changed, DocumentStatus status) {
            if (changed == id && status == DocumentStatus::Indexing)
                queue.cancel(id);
        });
        id = queue.enqueue(writeText(m_dir, QStringLiteral("gesetz.md"), lawText(30)), domain::ProtectionClass::Normal).id;
        waitIdle(queue);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<DocumentStatus>(), DocumentStatus::Cancelled);
        QCOMPARE(m_database->document(id)->status, DocumentStatus::Cancelled);
        QCOMPARE(m_database->document(id)->chunks, 0);
    }

    void cancelAndEnqueueAgain_pagesOfTheOldJobDoNotCountForTheNew()
    {
        const QString pdf = QStringLiteral(GENIUS_CORPUS_DIR "/pdf/DSGVO_libreoffice.pdf");
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        import::ImportQueue queue(*m_database, {});
        QSignalSpy finished(&queue, &import::ImportQueue::finished);
        qint64 id = 0;
        bool again = false;
        QObject::connect(&queue, &import::ImportQueue::progress, &queue, [&](qint64, int done, int) {
            if (!again && done >= 3) {
                // Cancelled and imported again while the first job's pages are still with the workers.
                again = true;
                queue.cancel(id);
                QCOMPARE(queue.enqueue(pdf, domain::ProtectionClass::Normal).id, id);
            }
        });
        id = queue.enqueue(pdf, domain::ProtectionClass::Normal).id;
        waitIdle(queue);
        QVERIFY(again);
        QCOMPARE(finished.size(), 2);
        QCOMPARE(finished.last().at(1).value<DocumentStatus>(), DocumentStatus::Ready);
        const auto record = m_database->document(id);
        QCOMPARE(record->status, DocumentStatus::Ready);
        QCOMPARE(record->pagesDone, record->pagesTotal);
        QCOMPARE(m_database->storedPageNumbers(id)->size(), record->pagesTotal);
        QVERIFY(record->chunks > 0);
    }

    void embedding_onlyUpToTheModelsClearance()
    {
        RecordingProvider provider;
        import::ImportQueue queue(*m_database, {});
        queue.setEmbeddingProvider(&provider);
        const auto high = queue.enqueue(writeText(m_dir, QStringLiteral("hoch.md"), lawText(4)), domain::ProtectionClass::High);
        const auto secret = queue.enqueue(writeText(m_dir, QStringLiteral("geheim.md"), lawText(5)), domain::ProtectionClass::VeryHigh);
        waitIdle(queue);
        QCOMPARE(m_database->document(high.id)->embeddingState, QStringLiteral("done"));
        QCOMPARE(m_database->document(secret.id)->embeddingState, QStringLiteral("skipped-class"));
        QCOMPARE(m_database->document(secret.id)->status, DocumentStatus::Ready);
        QVERIFY(!provider.sentClasses.isEmpty());
        for (const auto cls : std::as_const(provider.sentClasses))
            QCOMPARE(cls, domain::ProtectionClass::High);
        QCOMPARE(provider.texts, m_database->document(high.id)->chunks);
        QVERIFY(m_database->chunksWithoutEmbedding(high.id, provider.model)->isEmpty());
    }

    void embeddingFailure_leavesTheDocumentSearchable()
    {
        RecordingProvider provider;
        provider.failing = true;
        import::ImportQueue queue(*m_database, {});
        queue.setEmbeddingProvider(&provider);
        const auto doc = queue.enqueue(writeText(m_dir, QStringLiteral("offline.md"), lawText(3)), domain::ProtectionClass::Normal);
        waitIdle(queue);
        QCOMPARE(m_database->document(doc.id)->status, DocumentStatus::Ready);
        QCOMPARE(m_database->document(doc.id)->embeddingState, QStringLiteral("failed"));
        QVERIFY(m_database->document(doc.id)->chunks > 0);
    }
};

QTEST_GUILESS_MAIN(TestImportQueue)
#include "tst_importqueue.moc"
