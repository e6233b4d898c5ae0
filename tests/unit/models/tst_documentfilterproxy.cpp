// DocumentFilterProxy over a DocumentTableModel: sorting by meaning (date, progress, class
// order, status order), the "Offene Zuordnung" and status filters, umlaut-insensitive name
// search, and filters and order that follow live changes of the source.
#include "core/models/documentfilterproxy.h"
#include "core/models/documenttablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace genius;
using namespace Qt::StringLiterals;
using domain::ProtectionClass;
using index::DocumentRecord;
using index::DocumentStatus;
using models::DocumentFilterProxy;
using models::DocumentTableModel;

namespace {

DocumentRecord makeRecord(qint64 id, const QString& name, ProtectionClass cls, DocumentStatus status,
    const QDateTime& added, int pagesDone, int pagesTotal, const QStringList& collections = {})
{
    DocumentRecord record;
    record.id = id;
    record.name = name;
    record.protectionClass = cls;
    record.status = status;
    record.addedAt = added;
    record.pagesDone = pagesDone;
    record.pagesTotal = pagesTotal;
    record.collections = collections;
    return record;
}

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2024, 5, day), QTime(hour, 0), Qt::UTC);
}

/// Four documents whose orders by name, class, date and progress all differ.
QList<DocumentRecord> sample()
{
    return {
        makeRecord(1, u"Übersicht Haushalt.pdf"_s, ProtectionClass::High, DocumentStatus::Reading, at(3, 9), 2, 10),
        makeRecord(2, u"Antrag Müller.docx"_s, ProtectionClass::None, DocumentStatus::Failed, at(1, 9), 1, 4,
            { u"Anträge"_s }),
        makeRecord(3, u"Straßenbau Bescheid.pdf"_s, ProtectionClass::VeryHigh, DocumentStatus::Ready, at(2, 15), 3, 3),
        makeRecord(
            4, u"Protokoll Rat.odt"_s, ProtectionClass::Normal, DocumentStatus::Queued, at(2, 8), 0, 0, { u"Rat"_s }),
    };
}

QList<qint64> proxyIds(const DocumentFilterProxy& proxy)
{
    QList<qint64> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(DocumentTableModel::IdRole).toLongLong());
    return ids;
}

} // namespace

class TestDocumentFilterProxy final : public QObject
{
    Q_OBJECT

private:
    DocumentTableModel* m_model = nullptr;
    DocumentFilterProxy* m_proxy = nullptr;
    QAbstractItemModelTester* m_sourceTester = nullptr;
    QAbstractItemModelTester* m_proxyTester = nullptr;

private Q_SLOTS:
    void init()
    {
        m_model = new DocumentTableModel(this);
        m_proxy = new DocumentFilterProxy(this);
        m_proxy->setSourceModel(m_model);
        m_sourceTester
            = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal, this);
        m_proxyTester
            = new QAbstractItemModelTester(m_proxy, QAbstractItemModelTester::FailureReportingMode::Fatal, this);
        m_model->setDocuments(sample());
    }

    void cleanup()
    {
        delete m_proxyTester;
        delete m_sourceTester;
        delete m_proxy;
        delete m_model;
    }

    void sortByAdded_usesTheDateNotTheText()
    {
        m_proxy->sort(DocumentTableModel::AddedColumn, Qt::AscendingOrder);
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 2, 4, 3, 1 }));
        m_proxy->sort(DocumentTableModel::AddedColumn, Qt::DescendingOrder);
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 1, 3, 4, 2 }));
    }

    void sortByProgress_usesTheFraction()
    {
        // 0 (no pages yet) < 0.2 < 0.25 < 1 (ready)
        m_proxy->sort(DocumentTableModel::ProgressColumn, Qt::AscendingOrder);
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 4, 1, 2, 3 }));
    }

    void sortByClass_usesTheProtectionOrderNotTheAlphabet()
    {
        m_proxy->sort(DocumentTableModel::ClassColumn, Qt::AscendingOrder);
        // Alphabetically it would be high, none, normal, very high.
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 2, 4, 1, 3 }));
        m_proxy->sort(DocumentTableModel::ClassColumn, Qt::DescendingOrder);
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 3, 1, 4, 2 }));
    }

    void sortByStatus_followsTheImport()
    {
        m_proxy->sort(DocumentTableModel::StatusColumn, Qt::AscendingOrder);
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 4, 1, 3, 2 })); // queued, reading, ready, failed
    }

    void sortByName_treatsUmlautsAsTheirBaseLetter()
    {
        m_proxy->sort(DocumentTableModel::NameColumn, Qt::AscendingOrder);
        // DIN 5007-1: "Übersicht" sorts under U, after "Straßenbau", not after everything.
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 2, 4, 3, 1 }));
    }

    void liveProgress_resortsTheView()
    {
        m_proxy->sort(DocumentTableModel::ProgressColumn, Qt::AscendingOrder);
        QVERIFY(m_model->setProgress(4, 9, 10));
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 1, 2, 4, 3 }));
    }

    void unassignedOnly_showsTheOpenAssignments()
    {
        m_proxy->setUnassignedOnly(true);
        QVERIFY(m_proxy->unassignedOnly());
        m_proxy->sort(DocumentTableModel::AddedColumn, Qt::AscendingOrder);
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 3, 1 }));
        // Assigning a document takes it out of the table at once.
        DocumentRecord assigned = m_model->record(m_model->rowOf(3));
        assigned.collections = { u"Bau"_s };
        m_model->upsert(assigned);
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 1 }));
        m_proxy->setUnassignedOnly(false);
        QCOMPARE(m_proxy->rowCount(), 4);
    }

    void statusFilter_showsOnlyTheChosenStatuses()
    {
        m_proxy->sort(DocumentTableModel::AddedColumn, Qt::AscendingOrder);
        m_proxy->setStatusFilter(DocumentFilterProxy::unfinishedStatuses());
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 4, 1 }));
        m_proxy->setStatusFilter(DocumentFilterProxy::unfinishedStatuses() + DocumentFilterProxy::failedStatuses());
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 2, 4, 1 }));
        // A job that finishes leaves the upload table.
        QVERIFY(m_model->setStatus(1, DocumentStatus::Ready));
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 2, 4 }));
        m_proxy->setStatusFilter({});
        QCOMPARE(m_proxy->rowCount(), 4);
    }

    void nameFilter_ignoresCaseAndUmlauts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("ids");
        QTest::newRow("umlaut typed") << u"müller"_s << QList<qint64> { 2 };
        QTest::newRow("umlaut as ue") << u"MUELLER"_s << QList<qint64> { 2 };
        QTest::newRow("umlaut dropped") << u"Muller"_s << QList<qint64> { 2 };
        QTest::newRow("capital umlaut") << u"übersicht"_s << QList<qint64> { 1 };
        QTest::newRow("sharp s as ss") << u"strasse"_s << QList<qint64> { 3 };
        QTest::newRow("sharp s typed") << u"STRAßE"_s << QList<qint64> { 3 };
        QTest::newRow("all words") << u"bescheid bau"_s << QList<qint64> { 3 };
        QTest::newRow("one word missing") << u"bescheid rat"_s << QList<qint64> {};
        QTest::newRow("suffix") << u".PDF"_s << QList<qint64> { 1, 3 };
        QTest::newRow("empty shows all") << QString() << QList<qint64> { 1, 2, 3, 4 };
    }

    void nameFilter_ignoresCaseAndUmlauts()
    {
        QFETCH(QString, text);
        QFETCH(QList<qint64>, ids);
        m_proxy->sort(DocumentTableModel::AddedColumn, Qt::AscendingOrder);
        m_proxy->setNameFilter(text);
        QCOMPARE(m_proxy->nameFilter(), text);
        QList<qint64> shown = proxyIds(*m_proxy);
        std::sort(shown.begin(), shown.end());
        QCOMPARE(shown, ids);
    }

    void filtersCombine()
    {
        m_proxy->setNameFilter(u"pdf"_s);
        m_proxy->setUnassignedOnly(true);
        m_proxy->setStatusFilter({ DocumentStatus::Ready });
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 3 }));
    }

    void rowsArrivingLater_areFilteredAndSorted()
    {
        m_proxy->sort(DocumentTableModel::AddedColumn, Qt::DescendingOrder);
        m_proxy->setStatusFilter(DocumentFilterProxy::unfinishedStatuses());
        m_model->upsert(makeRecord(5, u"Neu.pdf"_s, ProtectionClass::Normal, DocumentStatus::Queued, at(4, 9), 0, 0));
        m_model->upsert(makeRecord(6, u"Fertig.pdf"_s, ProtectionClass::Normal, DocumentStatus::Ready, at(5, 9), 1, 1));
        QCOMPARE(proxyIds(*m_proxy), (QList<qint64> { 5, 1, 4 }));
        m_model->setDocuments({});
        QCOMPARE(m_proxy->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDocumentFilterProxy)
#include "tst_documentfilterproxy.moc"
