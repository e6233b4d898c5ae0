// CollectionListModel: display text with plural forms, roles, and diffing by id that keeps
// persistent indexes (a selected collection stays selected across a refresh).
#include "core/models/collectionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace genius;
using namespace Qt::StringLiterals;
using index::CollectionRecord;
using models::CollectionListModel;

namespace {

CollectionRecord makeCollection(
    qint64 id, const QString& name, int documents, domain::ProtectionClass cls = domain::ProtectionClass::Normal)
{
    CollectionRecord record;
    record.id = id;
    record.name = name;
    record.documents = documents;
    record.protectionClass = cls;
    record.tenant = u"Bezirksregierung Köln"_s;
    record.createdAt = QDateTime(QDate(2024, 1, static_cast<int>(id)), QTime(8, 0), Qt::UTC);
    return record;
}

QStringList names(const CollectionListModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row).data(CollectionListModel::NameRole).toString());
    return result;
}

} // namespace

class TestCollectionListModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void display_showsNameAndDocumentCount()
    {
        CollectionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setCollections({ makeCollection(1, u"Bauakten"_s, 3), makeCollection(2, u"Leer"_s, 0),
            makeCollection(3, u"Rabatt 50%1"_s, 1) });
        QCOMPARE(model.index(0).data().toString(), u"Bauakten (3 document(s))"_s);
        QCOMPARE(model.index(1).data().toString(), u"Leer (0 document(s))"_s);
        // A placeholder-like name stays as it is.
        QCOMPARE(model.index(2).data().toString(), u"Rabatt 50%1 (1 document(s))"_s);
    }

    void roles_carryTheRecord()
    {
        CollectionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        CollectionRecord record = makeCollection(9, u"Förderbescheide"_s, 12, domain::ProtectionClass::VeryHigh);
        record.description = u"Bescheide über Zuwendungen"_s;
        record.published = true;
        model.upsert(record);
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(CollectionListModel::IdRole).toLongLong(), 9);
        QCOMPARE(index.data(CollectionListModel::NameRole).toString(), u"Förderbescheide"_s);
        QCOMPARE(index.data(CollectionListModel::ClassNameRole).toString(), u"very-high"_s);
        QCOMPARE(index.data(CollectionListModel::ClassRankRole).toInt(), 3);
        QCOMPARE(index.data(CollectionListModel::ClassTextRole).toString(), u"very high"_s);
        QCOMPARE(index.data(CollectionListModel::DescriptionRole).toString(), record.description);
        QCOMPARE(index.data(Qt::ToolTipRole).toString(), record.description);
        QCOMPARE(index.data(CollectionListModel::TenantRole).toString(), u"Bezirksregierung Köln"_s);
        QVERIFY(index.data(CollectionListModel::PublishedRole).toBool());
        QCOMPARE(index.data(CollectionListModel::DocumentCountRole).toInt(), 12);
        QCOMPARE(index.data(CollectionListModel::CreatedRole).toDateTime(), record.createdAt);
        QCOMPARE(model.roleNames().value(CollectionListModel::DocumentCountRole), QByteArray("documentCount"));
        QCOMPARE(model.rowOfName(u"Förderbescheide"_s), 0);
        QCOMPARE(model.rowOfName(u"fehlt"_s), -1);
        QCOMPARE(model.collection(0).description, record.description);
        QCOMPARE(model.collection(5).id, 0);
    }

    void setCollections_diffKeepsSelectionWithoutReset()
    {
        CollectionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setCollections({ makeCollection(1, u"A"_s, 1), makeCollection(2, u"B"_s, 2), makeCollection(3, u"C"_s, 3),
            makeCollection(4, u"D"_s, 4) });
        const QPersistentModelIndex selected = model.index(model.rowOf(3));
        const QPersistentModelIndex dropped = model.index(model.rowOf(2));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // B and D go, C gets a document, E arrives.
        model.setCollections(
            { makeCollection(5, u"E"_s, 0), makeCollection(3, u"C"_s, 4), makeCollection(1, u"A"_s, 1) });

        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(names(model), (QStringList { u"A"_s, u"C"_s, u"E"_s }));
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 1);
        QCOMPARE(selected.data().toString(), u"C (4 document(s))"_s);
        QVERIFY(!dropped.isValid());

        QVERIFY(model.remove(1));
        QVERIFY(!model.remove(1));
        QCOMPARE(selected.row(), 0);
        QCOMPARE(model.rowOf(5), 1);
    }
};

QTEST_GUILESS_MAIN(TestCollectionListModel)
#include "tst_collectionlistmodel.moc"
