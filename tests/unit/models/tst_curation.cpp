// Curation over a real index and ImportQueue: every action changes the database and the
// models agree with it afterwards (checked against a second connection, as the CLI would see it).
#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/models/curation.h"
#include "core/models/documentfilterproxy.h"
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
using domain::ProtectionClass;
using index::DocumentStatus;
using models::CollectionListModel;
using models::DocumentTableModel;

namespace {



struct Fixture : test::IndexFixture {
    std::unique_ptr<models::Curation> curation;
    std::unique_ptr<QAbstractItemModelTester> documentTester;
    std::unique_ptr<QAbstractItemModelTester> collectionTester;

    bool open()
    {
        if (!openIndex())
            return false;
        curation = std::make_unique<models::Curation>(*database, *queue);
        documentTester = std::make_unique<QAbstractItemModelTester>(
            &curation->documents(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        collectionTester = std::make_unique<QAbstractItemModelTester>(
            &curation->collections(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        return static_cast<bool>(curation->reload());
    }

    QStringList collectionsOf(qint64 id) const
    {
        const auto& model = curation->documents();
        return model.index(model.rowOf(id), 0).data(DocumentTableModel::CollectionsRole).toStringList();
    }

    int countOf(const QString& collection) const
    {
        const auto& model = curation->collections();
        return model.index(model.rowOfName(collection), 0).data(CollectionListModel::DocumentCountRole).toInt();
    }
};

} // namespace

class TestCuration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importFiles_showsRowsAtOnceAndReportsBadFiles()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString missing = f.dir.filePath(u"gibt-es-nicht.pdf"_s);
        const auto outcome = f.curation->importFiles(
            { f.law(u"a.md"_s), missing, f.law(u"b.md"_s) }, ProtectionClass::High);
        QCOMPARE(outcome.ids.size(), 2);
        QCOMPARE(outcome.problems.size(), 1);
        QCOMPARE(outcome.problems.first().subject, u"gibt-es-nicht.pdf"_s);
        QVERIFY(!outcome.problems.first().error.detail.isEmpty());
        // Queued rows are there before any import step ran.
        QCOMPARE(f.curation->documents().rowCount(), 2);
        QVERIFY(f.waitIdle());
        for (const qint64 id : outcome.ids) {
            const auto& model = f.curation->documents();
            QCOMPARE(model.index(model.rowOf(id), 0).data(DocumentTableModel::StatusRole).toInt(),
                static_cast<int>(DocumentStatus::Ready));
            QCOMPARE(model.index(model.rowOf(id), 0).data(DocumentTableModel::ClassNameRole).toString(), u"high"_s);
        }
    }

    void assign_inBulk_refusesOnlyTheDocumentAboveTheCap()
    {
        Fixture f;
        QVERIFY(f.open());
        const qint64 normal1 = f.curation->importFiles({ f.law(u"n1.md"_s) }, ProtectionClass::Normal).ids.value(0);
        const qint64 normal2 = f.curation->importFiles({ f.law(u"n2.md"_s) }, ProtectionClass::Normal).ids.value(0);
        const qint64 high = f.curation->importFiles({ f.law(u"h.md"_s) }, ProtectionClass::High).ids.value(0);
        QVERIFY(f.waitIdle());
        QVERIFY(f.curation->createCollection(u"Baurecht"_s, ProtectionClass::Normal, u"Bauleitplanung"_s));
        QCOMPARE(f.curation->collections().rowCount(), 1);

        const auto outcome = f.curation->assign({ normal1, high, normal2 }, u"Baurecht"_s);
        QCOMPARE(outcome.changed, (QList<qint64> { normal1, normal2 }));
        QCOMPARE(outcome.problems.size(), 1);
        QCOMPARE(outcome.problems.first().subject, u"h.md"_s);
        QCOMPARE(outcome.problems.first().error.code, common::ErrorCode::Refused);
        QCOMPARE(f.collectionsOf(normal1), QStringList { u"Baurecht"_s });
        QCOMPARE(f.collectionsOf(high), QStringList());
        QCOMPARE(f.countOf(u"Baurecht"_s), 2);
        // What another process reads agrees with the models.
        const auto other = f.other();
        QCOMPARE(other->documents({ u"Baurecht"_s, false })->size(), 2);

        // Assigning again changes nothing (and so leaves nothing to undo).
        QVERIFY(f.curation->assign({ normal1 }, u"Baurecht"_s).changed.isEmpty());

        // The assignment pane and the open assignments follow.
        models::DocumentFilterProxy inCollection;
        inCollection.setSourceModel(&f.curation->documents());
        inCollection.setCollectionFilter(u"Baurecht"_s);
        models::DocumentFilterProxy open;
        open.setSourceModel(&f.curation->documents());
        open.setUnassignedOnly(true);
        QCOMPARE(inCollection.rowCount(), 2);
        QCOMPARE(open.rowCount(), 1);
        inCollection.setShowsNothing(true); // no collection chosen: an empty pane
        QCOMPARE(inCollection.rowCount(), 0);
        inCollection.setShowsNothing(false);
        QCOMPARE(inCollection.rowCount(), 2);

        // Undo is unassigning what changed.
        const auto undone = f.curation->unassign(outcome.changed, u"Baurecht"_s);
        QCOMPARE(undone.changed, outcome.changed);
        QCOMPARE(inCollection.rowCount(), 0);
        QCOMPARE(open.rowCount(), 3);
        QCOMPARE(f.countOf(u"Baurecht"_s), 0);
        QCOMPARE(other->documents({ u"Baurecht"_s, false })->size(), 0);
    }

    void collectionActions_renameDescribePublishDelete()
    {
        Fixture f;
        QVERIFY(f.open());
        const qint64 id = f.curation->importFiles({ f.law(u"a.md"_s) }, ProtectionClass::Normal).ids.value(0);
        QVERIFY(f.waitIdle());
        QVERIFY(f.curation->createCollection(u"Alt"_s, ProtectionClass::High));
        QVERIFY(!f.curation->createCollection(u"  "_s, ProtectionClass::High));
        const auto duplicate = f.curation->createCollection(u"Alt"_s, ProtectionClass::High);
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().code, common::ErrorCode::InvalidArgument);
        QCOMPARE(f.curation->assign({ id }, u"Alt"_s).changed.size(), 1);

        QVERIFY(f.curation->renameCollection(u"Alt"_s, u"Neu"_s));
        QCOMPARE(f.curation->collections().rowOfName(u"Alt"_s), -1);
        QVERIFY(f.curation->collections().rowOfName(u"Neu"_s) >= 0);
        QCOMPARE(f.collectionsOf(id), QStringList { u"Neu"_s });

        QVERIFY(f.curation->describeCollection(u"Neu"_s, u"Für die Bauaufsicht"_s));
        QVERIFY(f.curation->setTenant(u"Neu"_s, u"Bauamt Musterstadt"_s));
        QVERIFY(f.curation->setPublished(u"Neu"_s, true));
        const QModelIndex row = f.curation->collections().index(f.curation->collections().rowOfName(u"Neu"_s), 0);
        QCOMPARE(row.data(CollectionListModel::DescriptionRole).toString(), u"Für die Bauaufsicht"_s);
        QVERIFY(row.data(CollectionListModel::PublishedRole).toBool());
        QCOMPARE(row.data(CollectionListModel::TenantRole).toString(), u"Bauamt Musterstadt"_s);
        QCOMPARE(f.other()->collection(u"Neu"_s)->tenant, u"Bauamt Musterstadt"_s);
        QVERIFY(f.other()->collection(u"Neu"_s)->published);

        QVERIFY(f.curation->removeCollection(u"Neu"_s));
        QCOMPARE(f.curation->collections().rowCount(), 0);
        QCOMPARE(f.curation->documents().rowCount(), 1); // documents stay
        QCOMPARE(f.collectionsOf(id), QStringList());
        QVERIFY(!f.curation->removeCollection(u"Neu"_s));
    }

    void removeDuringImport_deletesTheDocumentAndItsRow()
    {
        const QString pdf = QStringLiteral(GENIUS_CORPUS_DIR "/pdf/DSGVO_libreoffice.pdf");
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        Fixture f;
        QVERIFY(f.open());
        const qint64 id = f.curation->importFiles({ pdf }, ProtectionClass::Normal).ids.value(0);
        bool removed = false;
        QObject::connect(f.queue.get(), &import::ImportQueue::progress, f.queue.get(), [&](qint64, int done, int) {
            if (!removed && done >= 3) {
                removed = true;
                QVERIFY(f.curation->remove(id));
            }
        });
        QVERIFY(f.waitIdle());
        QVERIFY(removed);
        QCOMPARE(f.curation->documents().rowOf(id), -1);
        QCOMPARE(f.database->document(id).error().code, common::ErrorCode::NotFound);
        // Pages that were still with the workers are not stored for the deleted document.
        QTest::qWait(200);
        QCOMPARE(f.other()->storedPageNumbers(id)->size(), 0);
    }

    void retryAndCancel_showTheQueuesState()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString broken = f.dir.filePath(u"kaputt.pdf"_s);
        QVERIFY(writeFile(broken, "%PDF-1.7\n1 0 obj <<"));
        const qint64 id = f.curation->importFiles({ broken }, ProtectionClass::Normal).ids.value(0);
        QVERIFY(f.waitIdle());
        const auto& model = f.curation->documents();
        QCOMPARE(model.index(model.rowOf(id), 0).data(DocumentTableModel::StatusRole).toInt(),
            static_cast<int>(DocumentStatus::Failed));
        const auto statusOf = [&model](qint64 document) {
            return static_cast<DocumentStatus>(
                model.index(model.rowOf(document), 0).data(DocumentTableModel::StatusRole).toInt());
        };
        QVERIFY(f.curation->retry(id));
        QCOMPARE(statusOf(id), DocumentStatus::Queued);
        QCOMPARE(model.index(model.rowOf(id), DocumentTableModel::ProblemColumn).data().toString(), QString());
        QVERIFY(f.waitIdle());
        QCOMPARE(statusOf(id), DocumentStatus::Failed);

        // Cancelled before the first step ran: the row says so at once, the database agrees.
        const qint64 queued = f.curation->importFiles({ f.law(u"spaeter.md"_s) }, ProtectionClass::Normal).ids.value(0);
        f.curation->cancel(queued);
        QCOMPARE(statusOf(queued), DocumentStatus::Cancelled);
        QVERIFY(f.waitIdle());
        QCOMPARE(statusOf(queued), DocumentStatus::Cancelled);
        QCOMPARE(f.other()->document(queued)->status, DocumentStatus::Cancelled);
    }

    void reload_showsChangesOfAnotherProcess()
    {
        Fixture f;
        QVERIFY(f.open());
        const qint64 id = f.curation->importFiles({ f.law(u"a.md"_s) }, ProtectionClass::Normal).ids.value(0);
        QVERIFY(f.waitIdle());
        const auto other = f.other();
        QVERIFY(other->createCollection(u"Extern"_s, ProtectionClass::Normal));
        QVERIFY(other->assign(id, u"Extern"_s));
        QCOMPARE(f.curation->collections().rowCount(), 0);
        QVERIFY(f.curation->reload());
        QCOMPARE(f.curation->collections().rowCount(), 1);
        QCOMPARE(f.collectionsOf(id), QStringList { u"Extern"_s });
    }
};

QTEST_GUILESS_MAIN(TestCuration)
#include "tst_curation.moc"
