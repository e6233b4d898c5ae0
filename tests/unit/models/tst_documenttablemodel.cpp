// DocumentTableModel: diffing by id without resets (persistent indexes survive), display
// texts and roles, live progress and status, problems from a real reader failure.
#include "core/documents/documentreader.h"
#include "core/models/documentproblem.h"
#include "core/models/documenttablemodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace genius;
using namespace Qt::StringLiterals;
using index::DocumentRecord;
using index::DocumentStatus;
using models::DocumentTableModel;

namespace {

DocumentRecord makeRecord(qint64 id, const QString& name, DocumentStatus status = DocumentStatus::Ready,
    domain::ProtectionClass cls = domain::ProtectionClass::Normal)
{
    DocumentRecord record;
    record.id = id;
    record.name = name;
    record.status = status;
    record.protectionClass = cls;
    record.pagesTotal = 10;
    record.pagesDone = status == DocumentStatus::Ready ? 10 : 0;
    record.addedAt = QDateTime(QDate(2024, 3, static_cast<int>(id)), QTime(9, 30), Qt::UTC);
    return record;
}

QList<qint64> idsOf(const DocumentTableModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(DocumentTableModel::IdRole).toLongLong());
    return ids;
}

QString cellText(const DocumentTableModel& model, qint64 id, int column)
{
    return model.index(model.rowOf(id), column).data().toString();
}

} // namespace

class TestDocumentTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dragOfSelectedCells_carriesEachDocumentOnce()
    {
        DocumentTableModel model;
        model.setDocuments({ makeRecord(3, u"c.pdf"_s), makeRecord(1, u"a.pdf"_s), makeRecord(2, u"b.pdf"_s) });
        QVERIFY(model.flags(model.index(0, 0)) & Qt::ItemIsDragEnabled);
        // A row selection hands over every cell of the row.
        QModelIndexList cells;
        for (const int row : { 2, 0 }) {
            for (int column = 0; column < model.columnCount(); ++column)
                cells.append(model.index(row, column));
        }
        std::unique_ptr<QMimeData> mime(model.mimeData(cells));
        QVERIFY(mime);
        QVERIFY(model.mimeTypes().contains(QString::fromLatin1(models::kDocumentIdsMimeType)));
        QCOMPARE(models::documentIdsFromMime(mime.get()), (QList<qint64> { 2, 3 }));
        // Other data (a file from the file manager, garbage) carries no documents.
        QMimeData text;
        text.setText(u"3"_s);
        QVERIFY(models::documentIdsFromMime(&text).isEmpty());
        QMimeData garbage;
        garbage.setData(QString::fromLatin1(models::kDocumentIdsMimeType), "x\n-4\n\n7");
        QCOMPARE(models::documentIdsFromMime(&garbage), QList<qint64> { 7 });
        QVERIFY(model.mimeData({}) == nullptr);
    }

    void setDocuments_appendsRowsInTheGivenOrder()
    {
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setDocuments({ makeRecord(3, u"c.pdf"_s), makeRecord(1, u"a.pdf"_s), makeRecord(2, u"b.pdf"_s) });
        QCOMPARE(idsOf(model), (QList<qint64> { 3, 1, 2 }));
        QCOMPARE(model.columnCount(), int(DocumentTableModel::ColumnCount));
        QCOMPARE(model.rowOf(1), 1);
        QCOMPARE(model.rowOf(99), -1);
        QCOMPARE(model.record(2).name, u"b.pdf"_s);
        QCOMPARE(model.record(7).id, 0);
    }

    void setDocuments_diffKeepsPersistentIndexesWithoutReset()
    {
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<DocumentRecord> before;
        for (qint64 id = 1; id <= 5; ++id)
            before.append(makeRecord(id, u"dok%1.pdf"_s.arg(id), DocumentStatus::Reading));
        model.setDocuments(before);
        const QPersistentModelIndex keptChanged = model.index(model.rowOf(4), DocumentTableModel::StatusColumn);
        const QPersistentModelIndex keptSame = model.index(model.rowOf(2), DocumentTableModel::NameColumn);
        const QPersistentModelIndex dropped = model.index(model.rowOf(3), DocumentTableModel::NameColumn);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        DocumentRecord four = before.at(3);
        four.status = DocumentStatus::Ready;
        four.pagesDone = 10;
        model.setDocuments({ before.at(4), four, makeRecord(6, u"neu.pdf"_s), before.at(1) });

        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 2); // ids 1 and 3 are not neighbours: two blocks
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(idsOf(model), (QList<qint64> { 2, 4, 5, 6 }));
        // Only id 4 changed: one dataChanged for its row, none for the unchanged ones.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), model.rowOf(4));
        QCOMPARE(changed.first().at(1).toModelIndex().row(), model.rowOf(4));

        QVERIFY(keptChanged.isValid());
        QCOMPARE(keptChanged.row(), model.rowOf(4));
        QCOMPARE(keptChanged.data().toString(), u"Ready"_s);
        QVERIFY(keptSame.isValid());
        QCOMPARE(keptSame.data().toString(), u"dok2.pdf"_s);
        QVERIFY(!dropped.isValid());
    }

    void setDocuments_sameListAgain_emitsNothing()
    {
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const QList<DocumentRecord> records { makeRecord(1, u"a.pdf"_s), makeRecord(2, u"b.pdf"_s) };
        model.setDocuments(records);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setDocuments(records);
        QCOMPARE(changed.size() + layout.size() + inserted.size(), 0);
        model.setDocuments({});
        QCOMPARE(model.rowCount(), 0);
    }

    void displayTexts_showTranslatableLabels()
    {
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        DocumentRecord record
            = makeRecord(1, u"Bescheid.pdf"_s, DocumentStatus::Queued, domain::ProtectionClass::VeryHigh);
        record.pagesDone = 5;
        record.collections = { u"Bauakten"_s, u"Förderung"_s };
        model.upsert(record);
        QCOMPARE(cellText(model, 1, DocumentTableModel::NameColumn), u"Bescheid.pdf"_s);
        QCOMPARE(cellText(model, 1, DocumentTableModel::ClassColumn), u"very high"_s);
        QCOMPARE(cellText(model, 1, DocumentTableModel::StatusColumn), u"Waiting"_s);
        QCOMPARE(cellText(model, 1, DocumentTableModel::ProgressColumn), u"50 %"_s);
        QCOMPARE(cellText(model, 1, DocumentTableModel::CollectionsColumn), u"Bauakten, Förderung"_s);
        QVERIFY(!cellText(model, 1, DocumentTableModel::AddedColumn).isEmpty());
        QCOMPARE(cellText(model, 1, DocumentTableModel::ProblemColumn), QString());
        QCOMPARE(model.headerData(DocumentTableModel::ClassColumn, Qt::Horizontal).toString(), u"Protection class"_s);
        QCOMPARE(model.headerData(DocumentTableModel::AddedColumn, Qt::Horizontal).toString(), u"Uploaded"_s);

        const QList<std::pair<DocumentStatus, QString>> statuses { { DocumentStatus::Reading, u"Reading"_s },
            { DocumentStatus::Indexing, u"Indexing"_s }, { DocumentStatus::Embedding, u"Embedding"_s },
            { DocumentStatus::Ready, u"Ready"_s }, { DocumentStatus::Failed, u"Failed"_s },
            { DocumentStatus::Cancelled, u"Cancelled"_s } };
        for (const auto& [status, text] : statuses) {
            QVERIFY(model.setStatus(1, status));
            QCOMPARE(cellText(model, 1, DocumentTableModel::StatusColumn), text);
        }
    }

    void roles_carryRawValuesForDelegatesAndSorting()
    {
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        DocumentRecord record = makeRecord(7, u"Plan.pdf"_s, DocumentStatus::Reading, domain::ProtectionClass::High);
        record.pagesDone = 3;
        record.pagesTotal = 12;
        model.upsert(record);
        // Roles answer on every column, so a delegate on any cell finds them.
        const QModelIndex cell = model.index(0, DocumentTableModel::ProblemColumn);
        QCOMPARE(cell.data(DocumentTableModel::IdRole).toLongLong(), 7);
        QCOMPARE(cell.data(DocumentTableModel::ClassNameRole).toString(), u"high"_s);
        QCOMPARE(cell.data(DocumentTableModel::ClassRankRole).toInt(), 2);
        QCOMPARE(cell.data(DocumentTableModel::StatusNameRole).toString(), u"reading"_s);
        QCOMPARE(cell.data(DocumentTableModel::ProgressRole).toDouble(), 0.25);
        QCOMPARE(cell.data(DocumentTableModel::PagesDoneRole).toInt(), 3);
        QCOMPARE(cell.data(DocumentTableModel::PagesTotalRole).toInt(), 12);
        QCOMPARE(cell.data(DocumentTableModel::AddedRole).toDateTime(), record.addedAt);
        QVERIFY(cell.data(DocumentTableModel::UnassignedRole).toBool());
        QVERIFY(model.roleNames().value(DocumentTableModel::ProgressRole) == "progress");

        // A ready document is complete even when it had no pages to count.
        record.status = DocumentStatus::Ready;
        record.pagesTotal = 0;
        record.pagesDone = 0;
        record.collections = { u"Akten"_s };
        model.upsert(record);
        QCOMPARE(cell.data(DocumentTableModel::ProgressRole).toDouble(), 1.0);
        QVERIFY(!cell.data(DocumentTableModel::UnassignedRole).toBool());
    }

    void setProgress_changesOnlyTheProgressCell()
    {
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setDocuments(
            { makeRecord(1, u"a.pdf"_s, DocumentStatus::Reading), makeRecord(2, u"b.pdf"_s, DocumentStatus::Reading) });
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setProgress(2, 4, 8));
        QCOMPARE(changed.size(), 1);
        const QModelIndex topLeft = changed.first().at(0).toModelIndex();
        const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
        QCOMPARE(topLeft, model.index(1, DocumentTableModel::ProgressColumn));
        QCOMPARE(bottomRight, topLeft);
        QCOMPARE(topLeft.data(DocumentTableModel::ProgressRole).toDouble(), 0.5);
        QVERIFY(model.setProgress(2, 4, 8)); // the same value: no signal
        QCOMPARE(changed.size(), 1);
        QVERIFY(!model.setProgress(42, 1, 2));
    }

    void setStatus_queuedAgain_dropsTheOldFailure()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"leer.pdf"_s);
        QFile(path).open(QIODevice::WriteOnly);
        const auto opened = documents::openDocument(path);
        QVERIFY(!opened);
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        DocumentRecord record = makeRecord(1, u"leer.pdf"_s, DocumentStatus::Failed);
        record.pagesDone = 3;
        record.errorCode = common::errorCodeName(opened.error().code);
        record.errorDetail = opened.error().detail;
        model.upsert(record);
        const QModelIndex problem = model.index(0, DocumentTableModel::ProblemColumn);
        QCOMPARE(problem.data().toString(), u"empty file"_s);
        QCOMPARE(problem.data(Qt::ToolTipRole).toString(), opened.error().detail);
        QCOMPARE(problem.data(DocumentTableModel::ErrorCodeRole).toString(), u"invalid-argument"_s);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setStatus(1, DocumentStatus::Queued));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(problem.data().toString(), QString());
        QVERIFY(!problem.data(Qt::ToolTipRole).isValid());
        QCOMPARE(problem.data(DocumentTableModel::PagesDoneRole).toInt(), 0);
    }

    void lowOcrConfidence_showsOnAReadyRow()
    {
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        DocumentRecord scan = makeRecord(1, u"scan.pdf"_s);
        scan.ocrPages = 4;
        model.upsert(scan);
        const QModelIndex problem = model.index(0, DocumentTableModel::ProblemColumn);
        QCOMPARE(problem.data().toString(), QString());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setOcrConfidence(1, models::kLowOcrConfidence - 20.0));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(problem.data().toString(), u"OCR quality low"_s);
        QVERIFY(problem.data(Qt::ToolTipRole).toString().contains(u"confidence"_s));
        QCOMPARE(problem.data(DocumentTableModel::ProblemKindRole).toInt(), int(models::ProblemKind::LowOcrConfidence));
        QVERIFY(model.setOcrConfidence(1, models::kLowOcrConfidence + 5.0));
        QCOMPARE(problem.data().toString(), QString());
    }

    void upsertAndRemove_changeSingleRows()
    {
        DocumentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.upsert(makeRecord(1, u"a.pdf"_s));
        model.upsert(makeRecord(2, u"b.pdf"_s));
        model.upsert(makeRecord(3, u"c.pdf"_s));
        const QPersistentModelIndex last = model.index(2, 0);
        DocumentRecord renamed = makeRecord(2, u"b2.pdf"_s);
        model.upsert(renamed);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cellText(model, 2, DocumentTableModel::NameColumn), u"b2.pdf"_s);
        QVERIFY(model.remove(1));
        QVERIFY(!model.remove(1));
        QCOMPARE(idsOf(model), (QList<qint64> { 2, 3 }));
        QCOMPARE(model.rowOf(3), 1);
        QCOMPARE(last.row(), 1);
        QCOMPARE(last.data().toString(), u"c.pdf"_s);
    }
};

QTEST_GUILESS_MAIN(TestDocumentTableModel)
#include "tst_documenttablemodel.moc"
