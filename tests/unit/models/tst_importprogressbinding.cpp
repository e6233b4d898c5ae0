// ImportProgressBinding between a real ImportQueue (temporary index, real files) and a
// DocumentTableModel behind a DocumentFilterProxy: rows appear for new imports, status and
// page progress arrive live (coalesced), and finished jobs show their stored outcome.
#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/models/documentfilterproxy.h"
#include "core/models/documenttablemodel.h"
#include "core/models/importprogressbinding.h"
#include "unit/models/importtestsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace genius;
using namespace Qt::StringLiterals;
using test::lawText;
using test::writeFile;
using index::DocumentStatus;
using models::DocumentTableModel;

namespace {



QString corpusPdf(const QString& name)
{
    return QStringLiteral(GENIUS_CORPUS_DIR "/pdf/") + name;
}

/// One temporary profile: index, queue, model, proxy and binding, all on this (the GUI) thread.
struct Fixture : test::IndexFixture {
    DocumentTableModel model;
    models::DocumentFilterProxy proxy;
    QAbstractItemModelTester modelTester { &model, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester proxyTester { &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal };
    std::unique_ptr<models::ImportProgressBinding> binding;

    bool open()
    {
        if (!openIndex())
            return false;
        proxy.setSourceModel(&model);
        binding = std::make_unique<models::ImportProgressBinding>(
            *queue, model, [db = database.get()](qint64 id) { return db->document(id); });
        return true;
    }

    QVariant cell(qint64 id, int column, int role = Qt::DisplayRole) const
    {
        return model.index(model.rowOf(id), column).data(role);
    }
};

/// The statuses a row showed, in order, read from the model's own change signals.
struct StatusTrail {
    QStringList statuses;
    QStringList problems;

    void watch(const DocumentTableModel& model)
    {
        const auto note = [this, &model](int row) {
            const QModelIndex index = model.index(row, DocumentTableModel::ProblemColumn);
            const QString status = index.data(DocumentTableModel::StatusNameRole).toString();
            if (statuses.isEmpty() || statuses.last() != status) {
                statuses.append(status);
                problems.append(index.data().toString());
            }
        };
        QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model,
            [note](const QModelIndex&, int first, int) { note(first); });
        QObject::connect(&model, &QAbstractItemModel::dataChanged, &model,
            [note](const QModelIndex& topLeft, const QModelIndex&) { note(topLeft.row()); });
    }
};

} // namespace

class TestImportProgressBinding final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newImport_appearsAndEndsReady()
    {
        Fixture f;
        QVERIFY(f.open());
        StatusTrail trail;
        trail.watch(f.model);
        const QString path = f.dir.filePath(u"gesetz.md"_s);
        QVERIFY(writeFile(path, lawText("Testgesetz", 30)));
        const auto enqueued = f.queue->enqueue(path, domain::ProtectionClass::High);
        QVERIFY(!enqueued.error);
        QVERIFY(f.waitIdle());

        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.rowOf(enqueued.id), 0);
        QCOMPARE(f.cell(enqueued.id, DocumentTableModel::NameColumn).toString(), u"gesetz.md"_s);
        QCOMPARE(f.cell(enqueued.id, DocumentTableModel::ClassColumn).toString(), u"high"_s);
        QCOMPARE(f.cell(enqueued.id, DocumentTableModel::StatusColumn).toString(), u"Ready"_s);
        QCOMPARE(
            f.cell(enqueued.id, DocumentTableModel::ProgressColumn, DocumentTableModel::ProgressRole).toDouble(), 1.0);
        // The finished job's row is the stored record (chunks and all), not a patched copy.
        const auto stored = f.database->document(enqueued.id);
        QVERIFY(stored);
        QCOMPARE(f.model.record(0).chunks, stored->chunks);
        QVERIFY(stored->chunks >= 2);
        // The row went through the import's steps in order.
        QCOMPARE(trail.statuses.first(), u"reading"_s);
        QVERIFY(trail.statuses.indexOf(u"indexing"_s) > 0);
        QCOMPARE(trail.statuses.last(), u"ready"_s);
        QCOMPARE(f.proxy.rowCount(), 1);
    }

    void pdfImport_pageProgressReachesTheModel()
    {
        const QString pdf = corpusPdf(u"BauNVO_libreoffice.pdf"_s);
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        // Every report applied at once, then coalesced: the same end, fewer or equal updates.
        for (const int interval : { 0, 40 }) {
            Fixture f;
            QVERIFY(f.open());
            f.binding->setCoalescingInterval(interval);
            QCOMPARE(f.binding->coalescingInterval(), interval);
            QSignalSpy reports(f.queue.get(), &import::ImportQueue::progress);
            QList<int> pagesSeen;
            QObject::connect(&f.model, &QAbstractItemModel::dataChanged, &f.model,
                [&pagesSeen](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                    if (topLeft.column() == DocumentTableModel::ProgressColumn
                        && bottomRight.column() == DocumentTableModel::ProgressColumn)
                        pagesSeen.append(topLeft.data(DocumentTableModel::PagesDoneRole).toInt());
                });
            const auto enqueued = f.queue->enqueue(pdf, domain::ProtectionClass::Normal);
            QVERIFY(!enqueued.error);
            QVERIFY(f.waitIdle());

            const auto stored = f.database->document(enqueued.id);
            QCOMPARE(stored->status, DocumentStatus::Ready);
            QCOMPARE(f.cell(enqueued.id, DocumentTableModel::ProgressColumn, DocumentTableModel::PagesDoneRole).toInt(),
                stored->pagesTotal);
            QVERIFY(!pagesSeen.isEmpty());
            QVERIFY(std::is_sorted(pagesSeen.cbegin(), pagesSeen.cend()));
            qInfo("coalescing %d ms: %lld progress reports, %lld progress updates of the model", interval,
                static_cast<long long>(reports.size()), static_cast<long long>(pagesSeen.size()));
            if (interval == 0) {
                // The first report can arrive with the row itself (fetched fresh), all others apply one by one.
                QVERIFY(pagesSeen.size() >= reports.size() - 1);
                QCOMPARE(pagesSeen.last(), stored->pagesTotal);
            } else {
                QVERIFY(pagesSeen.size() <= reports.size());
            }
        }
    }

    void brokenFile_showsFailedWithAReadableProblem()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString broken = f.dir.filePath(u"kaputt.pdf"_s);
        QVERIFY(writeFile(broken, "%PDF-1.7\n1 0 obj <<"));
        const QString good = f.dir.filePath(u"gut.md"_s);
        QVERIFY(writeFile(good, lawText("Testgesetz", 2)));
        const qint64 brokenId = f.queue->enqueue(broken, domain::ProtectionClass::Normal).id;
        const qint64 goodId = f.queue->enqueue(good, domain::ProtectionClass::Normal).id;
        QVERIFY(f.waitIdle());

        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(f.cell(brokenId, DocumentTableModel::StatusColumn).toString(), u"Failed"_s);
        QCOMPARE(f.cell(brokenId, DocumentTableModel::ProblemColumn).toString(), u"damaged"_s);
        QCOMPARE(f.cell(brokenId, DocumentTableModel::ProblemColumn, Qt::ToolTipRole).toString(),
            f.database->document(brokenId)->errorDetail);
        QCOMPARE(f.cell(goodId, DocumentTableModel::ProblemColumn).toString(), QString());
        // The upload table's "needs attention" filter finds exactly the broken one.
        f.proxy.setStatusFilter(models::DocumentFilterProxy::failedStatuses());
        QCOMPARE(f.proxy.rowCount(), 1);
        QCOMPARE(f.proxy.index(0, 0).data(DocumentTableModel::IdRole).toLongLong(), brokenId);
    }

    void retry_clearsTheOldProblemWhileItRuns()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString broken = f.dir.filePath(u"kaputt.pdf"_s);
        QVERIFY(writeFile(broken, "%PDF-1.7\n1 0 obj <<"));
        const qint64 id = f.queue->enqueue(broken, domain::ProtectionClass::Normal).id;
        QVERIFY(f.waitIdle());
        QCOMPARE(f.cell(id, DocumentTableModel::ProblemColumn).toString(), u"damaged"_s);

        StatusTrail trail;
        trail.watch(f.model);
        QVERIFY(f.queue->retry(id));
        QVERIFY(f.waitIdle());
        QCOMPARE(trail.statuses, (QStringList { u"queued"_s, u"failed"_s }));
        QCOMPARE(trail.problems, (QStringList { QString(), u"damaged"_s }));
    }

    void cancel_showsCancelledWithTheStoredPages()
    {
        const QString pdf = corpusPdf(u"DSGVO_libreoffice.pdf"_s);
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        Fixture f;
        QVERIFY(f.open());
        f.proxy.setStatusFilter(models::DocumentFilterProxy::unfinishedStatuses());
        const qint64 id = f.queue->enqueue(pdf, domain::ProtectionClass::Normal).id;
        int rowsWhileRunning = 0;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(
            f.queue.get(), &import::ImportQueue::progress, f.queue.get(), [&, connection](qint64, int done, int) {
                if (done >= 10) {
                    QObject::disconnect(*connection);
                    rowsWhileRunning = f.proxy.rowCount();
                    f.queue->cancel(id);
                }
            });
        QVERIFY(f.waitIdle());
        QCOMPARE(rowsWhileRunning, 1);
        QCOMPARE(f.proxy.rowCount(), 0); // no longer unfinished
        const auto stored = f.database->document(id);
        QCOMPARE(stored->status, DocumentStatus::Cancelled);
        QCOMPARE(f.cell(id, DocumentTableModel::StatusColumn).toString(), u"Cancelled"_s);
        QCOMPARE(f.cell(id, DocumentTableModel::ProgressColumn, DocumentTableModel::PagesDoneRole).toInt(),
            stored->pagesDone);
        const double progress
            = f.cell(id, DocumentTableModel::ProgressColumn, DocumentTableModel::ProgressRole).toDouble();
        QVERIFY(progress > 0.0 && progress < 1.0);
        QCOMPARE(f.cell(id, DocumentTableModel::ProblemColumn).toString(), QString());
    }

    void unreadableSource_addsNoRow()
    {
        Fixture f;
        QVERIFY(f.open());
        // A source that cannot answer (e.g. the database went away): signals are ignored safely.
        f.binding = std::make_unique<models::ImportProgressBinding>(*f.queue, f.model, [](qint64) {
            return common::Result<index::DocumentRecord>(
                common::fail(common::ErrorCode::Io, u"The index database is not available."_s));
        });
        const QString path = f.dir.filePath(u"a.md"_s);
        QVERIFY(writeFile(path, lawText("Testgesetz", 2)));
        f.queue->enqueue(path, domain::ProtectionClass::Normal);
        QVERIFY(f.waitIdle());
        QCOMPARE(f.model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestImportProgressBinding)
#include "tst_importprogressbinding.moc"
