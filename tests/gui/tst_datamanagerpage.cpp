// The data-manager view offscreen over a real index and ImportQueue: files dropped on the
// document list are imported with live status, documents dragged onto a collection are
// assigned (and undone with Ctrl+Z), refusals are readable, retry / cancel / remove work on
// the status table, and staff see published collections read-only without any action.
#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/models/curation.h"
#include "core/models/documenttablemodel.h"
#include "gui/guitestsupport.h"
#include "gui/screenshotsupport.h"
#include "ui/collectiondialog.h"
#include "ui/datamanagerpage.h"
#include "unit/models/importtestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDropEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

#include <functional>
#include <memory>

using namespace genius;
using namespace Qt::StringLiterals;
using test::lawText;
using test::writeFile;
using domain::ProtectionClass;
using index::DocumentStatus;
using models::DocumentTableModel;
using ui::DataManagerPage;

namespace {



/// Runs `act` on the modal dialog that the next exec() opens.
template <typename Dialog>
void whenModal(std::function<void(Dialog*)> act)
{
    QTimer::singleShot(0, qApp, [act] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        act(dialog);
    });
}

/// Sends a complete drag (enter, move, drop) of `mime` onto `view` at the item `target`.
bool dropOn(QAbstractItemView& view, const QModelIndex& target, const QMimeData& mime)
{
    const QPoint at = target.isValid() ? view.visualRect(target).center() : QPoint(5, 5);
    QDragEnterEvent enter(at, Qt::LinkAction | Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), Qt::LinkAction | Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view.viewport(), &drop);
    return drop.isAccepted();
}

struct Fixture : test::IndexFixture {
    std::unique_ptr<models::Curation> curation;
    std::unique_ptr<DataManagerPage> page;

    bool open(bool canManage = true)
    {
        if (!openIndex())
            return false;
        curation = std::make_unique<models::Curation>(*database, *queue);
        page = std::make_unique<DataManagerPage>(*curation, canManage);
        page->resize(1280, 860);
        return true;
    }

    qint64 imported(const QString& name, ProtectionClass cls = ProtectionClass::Normal)
    {
        return curation->importFiles({ law(name) }, cls).ids.value(0);
    }

    template <typename T>
    T* child(const QString& name) const
    {
        return page->findChild<T*>(name);
    }

    QTableView* table(const QString& name) const { return child<QTableView>(name); }

    int rowOf(QTableView* view, qint64 id) const
    {
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            if (view->model()->index(row, 0).data(DocumentTableModel::IdRole).toLongLong() == id)
                return row;
        }
        return -1;
    }

    void select(QTableView* view, const QList<qint64>& ids) const
    {
        view->clearSelection();
        for (const qint64 id : ids) {
            view->selectionModel()->select(view->model()->index(rowOf(view, id), 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    QString cell(QTableView* view, qint64 id, int column, int role = Qt::DisplayRole) const
    {
        return view->model()->index(rowOf(view, id), column).data(role).toString();
    }
};

} // namespace

class TestDataManagerPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filesDroppedOnTheDocumentList_importWithLiveStatus()
    {
        Fixture f;
        QVERIFY(f.open());
        auto* classBox = f.child<QComboBox>(u"importClass"_s);
        classBox->setCurrentIndex(classBox->findData(static_cast<int>(ProtectionClass::High)));
        QMimeData files;
        files.setUrls({ QUrl::fromLocalFile(f.law(u"a.md"_s)), QUrl::fromLocalFile(f.law(u"b.md"_s)),
            QUrl::fromLocalFile(f.dir.filePath(u"fehlt.pdf"_s)) });
        QVERIFY(dropOn(*f.table(u"documentTable"_s), {}, files));
        QVERIFY2(f.page->message().contains(u"2"_s) && f.page->message().contains(u"fehlt.pdf"_s),
            qPrintable(f.page->message()));

        QTableView* status = f.table(u"statusTable"_s);
        QCOMPARE(status->model()->rowCount(), 2);
        QVERIFY(f.waitIdle());
        for (int row = 0; row < 2; ++row) {
            const QModelIndex index = status->model()->index(row, DocumentTableModel::ProgressColumn);
            QCOMPARE(index.data(DocumentTableModel::StatusRole).toInt(), static_cast<int>(DocumentStatus::Ready));
            QCOMPARE(index.data(DocumentTableModel::ProgressRole).toDouble(), 1.0);
            QCOMPARE(index.data(DocumentTableModel::ClassNameRole).toString(), u"high"_s);
        }
        // Both are open assignments, with an upload date.
        QTableView* open = f.table(u"openAssignmentsTable"_s);
        QCOMPARE(open->model()->rowCount(), 2);
        QVERIFY(!open->model()->index(0, DocumentTableModel::AddedColumn).data().toString().isEmpty());
        QVERIFY(!open->isColumnHidden(DocumentTableModel::ActionColumn));
        QVERIFY(open->isColumnHidden(DocumentTableModel::StatusColumn));
        // The status table shows the progress column with its bar, the open table does not.
        QVERIFY(!status->isColumnHidden(DocumentTableModel::ProgressColumn));
        QVERIFY(status->itemDelegateForColumn(DocumentTableModel::ProgressColumn));
    }

    void documentsDraggedOntoACollection_areAssignedAndUndone()
    {
        Fixture f;
        QVERIFY(f.open());
        const qint64 a = f.imported(u"a.md"_s);
        const qint64 b = f.imported(u"b.md"_s);
        QVERIFY(f.waitIdle());
        QVERIFY(f.curation->createCollection(u"Baurecht"_s, ProtectionClass::Normal));
        QVERIFY(f.curation->createCollection(u"Umwelt"_s, ProtectionClass::Normal));
        QVERIFY(f.page->selectCollection(u"Umwelt"_s));

        // Drag both rows of the open assignments onto "Baurecht" (not the selected collection).
        QTableView* open = f.table(u"openAssignmentsTable"_s);
        f.select(open, { a, b });
        std::unique_ptr<QMimeData> mime(open->model()->mimeData(open->selectionModel()->selectedRows()));
        auto* list = f.child<QListView>(u"collectionList"_s);
        QModelIndex baurecht;
        for (int row = 0; row < list->model()->rowCount(); ++row) {
            if (list->model()->index(row, 0).data(models::CollectionListModel::NameRole).toString() == u"Baurecht"_s)
                baurecht = list->model()->index(row, 0);
        }
        QVERIFY(baurecht.isValid());
        QVERIFY(dropOn(*list, baurecht, *mime));
        QCOMPARE(open->model()->rowCount(), 0);
        QCOMPARE(f.database->documents({ u"Baurecht"_s, false })->size(), 2);
        QCOMPARE(f.database->documents({ u"Umwelt"_s, false })->size(), 0);
        QVERIFY(f.page->undoStack().canUndo());

        // Ctrl+Z on the page takes both back in one step; the redo button repeats it.
        f.page->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.page.get()));
        open->setFocus();
        QTest::keySequence(open, QKeySequence::Undo);
        QCOMPARE(f.database->documents({ u"Baurecht"_s, false })->size(), 0);
        QCOMPARE(open->model()->rowCount(), 2);
        auto* redo = f.child<QPushButton>(u"redoButton"_s);
        QVERIFY(redo->isEnabled());
        QTest::mouseClick(redo, Qt::LeftButton);
        QCOMPARE(f.database->documents({ u"Baurecht"_s, false })->size(), 2);

        // Dropping on the assignment area assigns to the selected collection.
        QVERIFY(f.page->selectCollection(u"Umwelt"_s));
        QTableView* all = f.table(u"documentTable"_s);
        f.select(all, { a });
        mime.reset(all->model()->mimeData(all->selectionModel()->selectedRows()));
        QVERIFY(dropOn(*f.table(u"assignedTable"_s), {}, *mime));
        QCOMPARE(f.table(u"assignedTable"_s)->model()->rowCount(), 1);
        QCOMPARE(f.database->document(a)->collections, (QStringList { u"Baurecht"_s, u"Umwelt"_s }));
    }

    void bulkAssignWithTheButton_refusesOnlyTheDocumentAboveTheCap()
    {
        Fixture f;
        QVERIFY(f.open());
        const qint64 normal = f.imported(u"normal.md"_s);
        const qint64 high = f.imported(u"geheim.md"_s, ProtectionClass::High);
        QVERIFY(f.waitIdle());
        QVERIFY(f.curation->createCollection(u"Öffentlich"_s, ProtectionClass::Normal));
        QVERIFY(f.page->selectCollection(u"Öffentlich"_s));
        QTableView* open = f.table(u"openAssignmentsTable"_s);
        auto* assign = f.child<QPushButton>(u"assignOpenButton"_s);
        QVERIFY(!assign->isEnabled()); // nothing selected yet
        f.select(open, { normal, high });
        QVERIFY(assign->isEnabled());
        QTest::mouseClick(assign, Qt::LeftButton);
        QVERIFY2(f.page->message().contains(u"geheim.md"_s), qPrintable(f.page->message()));
        QVERIFY2(f.page->message().contains(u"high"_s), qPrintable(f.page->message()));
        QCOMPARE(open->model()->rowCount(), 1);
        QCOMPARE(f.rowOf(open, high), 0);
        QCOMPARE(f.database->document(normal)->collections, QStringList { u"Öffentlich"_s });
    }

    void newCollectionDialog_createsAndSelectsTheCollection()
    {
        Fixture f;
        QVERIFY(f.open());
        whenModal<ui::CollectionDialog>([](ui::CollectionDialog* dialog) {
            auto* name = dialog->findChild<QLineEdit*>(u"collectionName"_s);
            QTest::keyClicks(name, u"Sozialrecht"_s);
            auto* cls = dialog->findChild<QComboBox*>(u"collectionClass"_s);
            cls->setCurrentIndex(cls->findData(static_cast<int>(ProtectionClass::High)));
            dialog->setDescription(u"SGB I bis XII"_s);
            QTest::keyClicks(dialog->findChild<QLineEdit*>(u"collectionTenant"_s), u"Sozialamt"_s);
            dialog->accept();
        });
        QTest::mouseClick(f.child<QPushButton>(u"newCollectionButton"_s), Qt::LeftButton);
        QCOMPARE(f.page->currentCollection(), u"Sozialrecht"_s);
        const auto stored = f.database->collection(u"Sozialrecht"_s);
        QVERIFY(stored);
        QCOMPARE(stored->protectionClass, ProtectionClass::High);
        QCOMPARE(stored->description, u"SGB I bis XII"_s);
        QCOMPARE(stored->tenant, u"Sozialamt"_s);
        QVERIFY(f.child<QLabel>(u"collectionInfo"_s)->text().contains(u"SGB I bis XII"_s));

        // Publish and take back.
        auto* publish = f.child<QPushButton>(u"publishButton"_s);
        QTest::mouseClick(publish, Qt::LeftButton);
        QVERIFY(f.database->collection(u"Sozialrecht"_s)->published);
        QTest::mouseClick(publish, Qt::LeftButton);
        QVERIFY(!f.database->collection(u"Sozialrecht"_s)->published);

        // Deleting asks first; "No" keeps it.
        whenModal<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::No)->click(); });
        QTest::mouseClick(f.child<QPushButton>(u"deleteCollectionButton"_s), Qt::LeftButton);
        QVERIFY(f.database->collection(u"Sozialrecht"_s));
        whenModal<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); });
        QTest::mouseClick(f.child<QPushButton>(u"deleteCollectionButton"_s), Qt::LeftButton);
        QVERIFY(!f.database->collection(u"Sozialrecht"_s));
    }

    void statusTable_retryAndRemoveAFailedImport()
    {
        Fixture f;
        QVERIFY(f.open());
        const QString broken = f.dir.filePath(u"kaputt.pdf"_s);
        QVERIFY(writeFile(broken, "%PDF-1.7\n1 0 obj <<"));
        const qint64 id = f.curation->importFiles({ broken }, ProtectionClass::Normal).ids.value(0);
        const qint64 good = f.imported(u"gut.md"_s);
        QVERIFY(f.waitIdle());
        QTableView* status = f.table(u"statusTable"_s);
        QCOMPARE(f.cell(status, id, DocumentTableModel::ProblemColumn), u"damaged"_s);

        // "Needs attention" shows only the failed one.
        auto* filter = f.child<QComboBox>(u"statusFilter"_s);
        filter->setCurrentIndex(2);
        QCOMPARE(status->model()->rowCount(), 1);
        filter->setCurrentIndex(0);
        QCOMPARE(status->model()->rowCount(), 2);

        f.select(status, { good });
        QVERIFY(!f.child<QPushButton>(u"retryButton"_s)->isEnabled());
        QVERIFY(!f.child<QPushButton>(u"cancelButton"_s)->isEnabled());
        f.select(status, { id });
        auto* retry = f.child<QPushButton>(u"retryButton"_s);
        QVERIFY(retry->isEnabled());
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(f.waitIdle());
        QCOMPARE(f.cell(status, id, DocumentTableModel::StatusColumn, DocumentTableModel::StatusNameRole), u"failed"_s);

        // The Delete key asks, then removes the document from the index; the file stays.
        f.page->show();
        QVERIFY(QTest::qWaitForWindowExposed(f.page.get()));
        f.select(status, { id });
        status->setFocus();
        whenModal<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); });
        QTest::keyClick(status, Qt::Key_Delete);
        QCOMPARE(f.rowOf(status, id), -1);
        QCOMPARE(f.database->document(id).error().code, common::ErrorCode::NotFound);
        QVERIFY(QFile::exists(broken));
    }

    void staff_seePublishedCollectionsReadOnly()
    {
        Fixture f;
        QVERIFY(f.open(false));
        const qint64 a = f.imported(u"a.md"_s);
        QVERIFY(f.waitIdle());
        QVERIFY(f.curation->createCollection(u"Entwurf"_s, ProtectionClass::Normal));
        QVERIFY(f.curation->createCollection(u"Freigegeben"_s, ProtectionClass::Normal));
        QVERIFY(!f.curation->assign({ a }, u"Freigegeben"_s).changed.isEmpty());
        QVERIFY(f.curation->setPublished(u"Freigegeben"_s, true));

        auto* list = f.child<QListView>(u"collectionList"_s);
        QCOMPARE(list->model()->rowCount(), 1);
        QVERIFY(!f.page->selectCollection(u"Entwurf"_s));
        QVERIFY(f.page->selectCollection(u"Freigegeben"_s));
        QCOMPARE(f.table(u"assignedTable"_s)->model()->rowCount(), 1);
        for (const QString& name : { u"importButton"_s, u"newCollectionButton"_s, u"editCollectionButton"_s,
                 u"deleteCollectionButton"_s, u"publishButton"_s, u"assignButton"_s, u"unassignButton"_s,
                 u"undoButton"_s, u"retryButton"_s, u"removeButton"_s }) {
            QVERIFY2(!f.child<QPushButton>(name), qPrintable(name));
        }
        QVERIFY(!f.table(u"statusTable"_s));
        QVERIFY(!f.table(u"openAssignmentsTable"_s));
        QVERIFY(!f.table(u"documentTable"_s));
        // A drag from elsewhere changes nothing.
        QMimeData mime;
        mime.setData(QString::fromLatin1(models::kDocumentIdsMimeType), QByteArray::number(a));
        QVERIFY(!dropOn(*list, list->model()->index(0, 0), mime));
    }

    void everyControl_hasAnAccessibleName()
    {
        for (const bool canManage : { true, false }) {
            Fixture f;
            QVERIFY(f.open(canManage));
            const QStringList unnamed = test::widgetsWithoutAccessibleName(f.page.get());
            QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
        }
    }

    /// The "done when": without the command line, a data manager imports 20 files,
    /// watches them preprocess, assigns them in bulk, fixes a failed one and publishes the
    /// collection; genius-cli on the same profile then shows the same state.
    void twentyFiles_importAssignFixPublish_andTheCliAgrees()
    {
        const QDir laws(QStringLiteral(GENIUS_CORPUS_DIR "/gesetze"));
        const QDir pdfs(QStringLiteral(GENIUS_CORPUS_DIR "/pdf"));
        QStringList files;
        for (const QString& name : pdfs.entryList({ u"*_libreoffice.pdf"_s }, QDir::Files, QDir::Name).mid(0, 5))
            files.append(pdfs.filePath(name));
        for (const QString& name : laws.entryList({ u"*.md"_s }, QDir::Files, QDir::Name).mid(0, 14))
            files.append(laws.filePath(name));
        if (files.size() < 19)
            QSKIP("The shared corpus is not available.");
        Fixture f;
        QVERIFY(f.open());
        // The 20th file arrived damaged: its import fails.
        const QString damaged = f.dir.filePath(u"Vermerk_Bauantrag.pdf"_s);
        QVERIFY(writeFile(damaged, "%PDF-1.7\n1 0 obj <<"));
        files.append(damaged);

        QMimeData drop;
        QList<QUrl> urls;
        for (const QString& file : std::as_const(files))
            urls.append(QUrl::fromLocalFile(file));
        drop.setUrls(urls);
        QVERIFY(dropOn(*f.table(u"documentTable"_s), {}, drop));
        QTableView* status = f.table(u"statusTable"_s);
        QCOMPARE(status->model()->rowCount(), 20);
        // Watching: a row's progress only grows while its import runs.
        QHash<qint64, double> lastProgress;
        bool progressWentBack = false;
        connect(status->model(), &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& topLeft) {
            const qint64 id = topLeft.data(DocumentTableModel::IdRole).toLongLong();
            const double progress = topLeft.data(DocumentTableModel::ProgressRole).toDouble();
            progressWentBack = progressWentBack || progress < lastProgress.value(id, 0.0);
            lastProgress[id] = progress;
        });
        QVERIFY(f.waitIdle());
        QVERIFY(!progressWentBack);
        QVERIFY(lastProgress.size() >= 19);
        auto* filter = f.child<QComboBox>(u"statusFilter"_s);
        filter->setCurrentIndex(2); // needs attention
        QCOMPARE(status->model()->rowCount(), 1);
        const qint64 failed = status->model()->index(0, 0).data(DocumentTableModel::IdRole).toLongLong();
        QCOMPARE(status->model()->index(0, 0).data(DocumentTableModel::NameRole).toString(), u"Vermerk_Bauantrag.pdf"_s);
        QCOMPARE(status->model()->index(0, DocumentTableModel::ProblemColumn).data().toString(), u"damaged"_s);

        // Fixed: the damaged document is removed, the sender's intact copy imported instead.
        f.select(status, { failed });
        whenModal<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); });
        QTest::mouseClick(f.child<QPushButton>(u"removeButton"_s), Qt::LeftButton);
        QCOMPARE(status->model()->rowCount(), 0);
        QVERIFY(QFile::remove(damaged));
        QVERIFY(QFile::copy(pdfs.filePath(pdfs.entryList({ u"*_libreoffice.pdf"_s }, QDir::Files, QDir::Name).value(5)),
            damaged));
        drop.setUrls({ QUrl::fromLocalFile(damaged) });
        QVERIFY(dropOn(*f.table(u"documentTable"_s), {}, drop));
        QVERIFY(f.waitIdle());
        QCOMPARE(status->model()->rowCount(), 0);
        filter->setCurrentIndex(0);
        QCOMPARE(status->model()->rowCount(), 20);

        // A collection, all open assignments selected and assigned at once, then published.
        whenModal<ui::CollectionDialog>([](ui::CollectionDialog* dialog) {
            dialog->setName(u"Verwaltungsrecht"_s);
            dialog->accept();
        });
        QTest::mouseClick(f.child<QPushButton>(u"newCollectionButton"_s), Qt::LeftButton);
        QTableView* open = f.table(u"openAssignmentsTable"_s);
        QCOMPARE(open->model()->rowCount(), 20);
        open->selectAll();
        QTest::mouseClick(f.child<QPushButton>(u"assignOpenButton"_s), Qt::LeftButton);
        QCOMPARE(open->model()->rowCount(), 0);
        QTest::mouseClick(f.child<QPushButton>(u"publishButton"_s), Qt::LeftButton);

        // The command line on the same profile sees exactly that.
        QProcess cli;
        cli.start(QStringLiteral(GENIUS_CLI_PATH),
            { u"--profile"_s, f.dir.path(), u"--json"_s, u"documents"_s, u"--collection"_s, u"Verwaltungsrecht"_s });
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 0);
        const QJsonArray documents = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
        QCOMPARE(documents.size(), 20);
        for (const auto& document : documents)
            QCOMPARE(document.toObject().value(u"status"_s).toString(), u"ready"_s);
        cli.start(QStringLiteral(GENIUS_CLI_PATH), { u"--profile"_s, f.dir.path(), u"--json"_s, u"collections"_s });
        QVERIFY(cli.waitForFinished(30000));
        const QJsonArray collections = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
        QCOMPARE(collections.size(), 1);
        QCOMPARE(collections.first().toObject().value(u"published"_s).toBool(), true);
        QCOMPARE(collections.first().toObject().value(u"documents"_s).toInt(), 20);
        cli.start(QStringLiteral(GENIUS_CLI_PATH), { u"--profile"_s, f.dir.path(), u"--json"_s, u"documents"_s, u"--unassigned"_s });
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(QJsonDocument::fromJson(cli.readAllStandardOutput()).array().size(), 0);
    }

    /// With GENIUS_SCREENSHOT_DIR set (under Xvfb, see the README), real corpus documents are
    /// imported and the view is saved as datamanager.png there, in the language of
    /// GENIUS_SCREENSHOT_LANGUAGE (default English).
    void screenshot()
    {
        bool languageInstalled = false;
        const QString target = test::screenshotDirectory(&languageInstalled);
        if (target.isEmpty())
            QSKIP("Set GENIUS_SCREENSHOT_DIR to save a screenshot of the view.");
        QVERIFY(languageInstalled);
        Fixture f;
        QVERIFY(f.open());
        const QDir corpus(QStringLiteral(GENIUS_CORPUS_DIR "/pdf"));
        QStringList pdfs;
        for (const QString& name : corpus.entryList({ u"*_libreoffice.pdf"_s }, QDir::Files, QDir::Name).mid(0, 8))
            pdfs.append(corpus.filePath(name));
        if (pdfs.isEmpty())
            QSKIP("The shared corpus is not available.");
        const auto outcome = f.curation->importFiles(pdfs, ProtectionClass::Normal);
        QVERIFY(f.waitIdle());
        QVERIFY(f.curation->createCollection(u"Bau- und Planungsrecht"_s, ProtectionClass::Normal,
            u"Baugesetzbuch, Baunutzungsverordnung und Nebengesetze"_s));
        QVERIFY(f.curation->createCollection(u"Datenschutz"_s, ProtectionClass::High));
        QVERIFY(f.curation->setPublished(u"Datenschutz"_s, true));
        f.curation->assign(outcome.ids.mid(0, 3), u"Bau- und Planungsrecht"_s);
        const QString broken = f.dir.filePath(u"Antrag_beschaedigt.pdf"_s);
        writeFile(broken, "%PDF-1.7\n1 0 obj <<");
        f.curation->importFiles({ broken }, ProtectionClass::High);
        QVERIFY(f.waitIdle());
        f.page->selectCollection(u"Bau- und Planungsrecht"_s);
        f.page->resize(1600, 900);
        QVERIFY(test::saveScreenshot(*f.page, target, u"datamanager.png"_s));
    }
};

QTEST_MAIN(TestDataManagerPage)
#include "tst_datamanagerpage.moc"
