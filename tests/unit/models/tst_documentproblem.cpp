// readableProblem() against the sentences the readers and the import queue really produce:
// each case makes a bad file (or a failing step), lets core/documents or core/import fail on
// it, and checks the short phrase and the tooltip the data-manager table shows.
#include "core/documents/documentreader.h"
#include "core/import/importqueue.h"
#include "core/index/embeddingprovider.h"
#include "core/index/indexdatabase.h"
#include "core/models/documentproblem.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <quazip/quacrc32.h>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

using namespace genius;
using namespace Qt::StringLiterals;
using index::DocumentRecord;
using index::DocumentStatus;
using models::ProblemKind;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

struct ZipEntry {
    QString name;
    QByteArray data;
    QByteArray password; // non-empty: the entry is encrypted
};

bool writeZip(const QString& path, const QList<ZipEntry>& entries)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const ZipEntry& entry : entries) {
        QuaZipFile file(&zip);
        const bool encrypted = !entry.password.isEmpty();
        const quint32 crc = encrypted ? QuaCrc32().calculate(entry.data) : 0;
        if (!file.open(
                QIODevice::WriteOnly, QuaZipNewInfo(entry.name), encrypted ? entry.password.constData() : nullptr, crc))
            return false;
        if (file.write(entry.data) != entry.data.size())
            return false;
        file.close();
    }
    zip.close();
    return zip.getZipError() == 0;
}

QList<ZipEntry> docx(const QByteArray& documentXml)
{
    const QByteArray contentTypes
        = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
          "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    return { ZipEntry { u"[Content_Types].xml"_s, contentTypes, {} },
        ZipEntry { u"word/document.xml"_s, documentXml, {} } };
}

QByteArray wordBody(const QByteArray& text)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
           "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
        + text + "</w:t></w:r></w:p></w:body></w:document>";
}

/// The record the import queue stores for a failure (IndexDatabase::setStatus with the error).
DocumentRecord failedRecord(const common::Error& error)
{
    DocumentRecord record;
    record.id = 1;
    record.name = u"datei"_s;
    record.status = DocumentStatus::Failed;
    record.errorCode = common::errorCodeName(error.code);
    record.errorDetail = error.detail;
    return record;
}

/// The error of opening `path`; fails the test when the file opens.
std::optional<common::Error> openError(const QString& path, const documents::ReaderLimits& limits = {})
{
    auto reader = documents::openDocument(path, limits);
    if (reader)
        return std::nullopt;
    return reader.error();
}

/// An embedding provider whose every request fails, as an unreachable gateway does.
class OfflineProvider final : public index::EmbeddingProvider
{
public:
    void prepare(QObject* context, std::function<void(QString, domain::ProtectionClass)> done) override
    {
        QTimer::singleShot(0, context, [done] { done(u"test-embed"_s, domain::ProtectionClass::High); });
    }
    void embed(const QStringList&, domain::ProtectionClass, const QStringList&, QObject* context, Done done) override
    {
        QTimer::singleShot(0, context,
            [done] { done(common::fail(common::ErrorCode::Unavailable, u"The gateway cannot be reached."_s)); });
    }
};

void waitIdle(import::ImportQueue& queue)
{
    if (queue.isIdle())
        return;
    QSignalSpy idle(&queue, &import::ImportQueue::idle);
    QVERIFY(idle.wait(60000));
}

} // namespace

class TestDocumentProblem final : public QObject
{
    Q_OBJECT

private:
    void checkFailure(const std::optional<common::Error>& error, const QString& phrase, ProblemKind kind)
    {
        QVERIFY2(error.has_value(), "the reader accepted a bad file");
        const DocumentRecord record = failedRecord(*error);
        QCOMPARE(models::problemKind(record), kind);
        QCOMPARE(models::readableProblem(record), phrase);
        QCOMPARE(models::problemDetail(record), error->detail);
    }

private Q_SLOTS:
    void encryptedPdf_isEncrypted()
    {
        QTemporaryDir dir;
        // No platform tool encrypts a PDF; the committed fixture was made with qpdf (AES-256).
        const QString path = dir.filePath(u"akte.pdf"_s);
        QVERIFY(QFile::copy(QStringLiteral(GENIUS_DOCUMENTS_FIXTURES "/encrypted.pdf"), path));
        checkFailure(openError(path), u"encrypted"_s, ProblemKind::Encrypted);
    }

    void encryptedDocx_isEncrypted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"geheim.docx"_s);
        QList<ZipEntry> entries = docx(wordBody("Geheim"));
        entries[1].password = "geheim";
        QVERIFY(writeZip(path, entries));
        checkFailure(openError(path), u"encrypted"_s, ProblemKind::Encrypted);
    }

    void zeroByteFile_isEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"leer.pdf"_s);
        QVERIFY(writeFile(path, {}));
        checkFailure(openError(path), u"empty file"_s, ProblemKind::Empty);
    }

    void truncatedPdf_isDamaged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"kaputt.pdf"_s);
        QVERIFY(writeFile(path, "%PDF-1.7\n1 0 obj <<"));
        checkFailure(openError(path), u"damaged"_s, ProblemKind::Damaged);
    }

    void malformedDocx_isDamaged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"kaputt.docx"_s);
        QVERIFY(writeZip(path, docx("<w:document><w:body><w:p>Text</w:r>")));
        checkFailure(openError(path), u"damaged"_s, ProblemKind::Damaged);
    }

    void binaryFile_isUnsupported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"daten.bin"_s);
        QVERIFY(writeFile(path, QByteArray("\x01\x02\x00\x03 binary", 12)));
        checkFailure(openError(path), u"unsupported format"_s, ProblemKind::Unsupported);
    }

    void fileOverTheLimit_isTooLarge()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"gross.txt"_s);
        QVERIFY(writeFile(path, QByteArray(2 * 1024 * 1024, 'a')));
        documents::ReaderLimits limits;
        limits.maxFileBytes = 1024 * 1024;
        checkFailure(openError(path, limits), u"too large"_s, ProblemKind::TooLarge);
    }

    void zipBomb_isTooLarge()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bombe.docx"_s);
        QVERIFY(writeZip(path, docx(wordBody(QByteArray(4 * 1024 * 1024, 'x')))));
        QVERIFY(QFileInfo(path).size() < 64 * 1024); // it really expands
        documents::ReaderLimits limits;
        limits.maxUncompressedBytes = 1024 * 1024;
        checkFailure(openError(path, limits), u"too large"_s, ProblemKind::TooLarge);
    }

    void missingOcrLanguage_isOcrUnavailable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"scan.png"_s);
        QImage image(400, 200, QImage::Format_Grayscale8);
        image.fill(255);
        for (int y = 80; y < 120; ++y) {
            for (int x = 40; x < 360; ++x)
                image.setPixel(x, y, (x / 8) % 2 ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
        }
        QVERIFY(image.save(path, "PNG"));
        documents::ReaderLimits limits;
        limits.ocrLanguages = u"xyz"_s; // a language whose data no system has
        auto reader = documents::openDocument(path, limits);
        QVERIFY(reader);
        const auto page = (*reader)->readPage(1, {});
        QVERIFY(!page);
        QCOMPARE(page.error().code, common::ErrorCode::Unavailable);
        checkFailure(page.error(), u"OCR unavailable"_s, ProblemKind::OcrUnavailable);
    }

    void unknownFailure_showsTheDetailItself()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notiz.txt"_s);
        QVERIFY(writeFile(path, "Eine kurze Notiz."));
        auto reader = documents::openDocument(path);
        QVERIFY(reader);
        const auto page = (*reader)->readPage(99, {});
        QVERIFY(!page);
        checkFailure(page.error(), page.error().detail, ProblemKind::Other);
        QVERIFY(!page.error().detail.isEmpty());
    }

    void changedAndMissingSourcesOnResume_areNamed()
    {
        QTemporaryDir dir;
        auto database = index::IndexDatabase::open(dir.filePath(u"index.sqlite"_s));
        QVERIFY(database);
        const QString changedPath = dir.filePath(u"wechsel.md"_s);
        QVERIFY(writeFile(changedPath, "# Vermerk\n\nDer Inhalt wurde nach dem Einreihen geändert.\n"));
        // Registered with another hash, as if the file changed after the enqueue (or a crash).
        const qint64 changed
            = (*database)
                  ->addDocument({ u"wechsel.md"_s, changedPath, u"0000"_s, 10, domain::ProtectionClass::Normal })
                  ->id;
        const qint64 missing = (*database)
                                   ->addDocument({ u"weg.md"_s, dir.filePath(u"weg.md"_s), u"1111"_s, 10,
                                       domain::ProtectionClass::Normal })
                                   ->id;
        {
            import::ImportQueue queue(**database, {});
            queue.resume();
            waitIdle(queue);
        }
        const auto changedRecord = (*database)->document(changed);
        QCOMPARE(changedRecord->status, DocumentStatus::Failed);
        QCOMPARE(models::readableProblem(*changedRecord), u"file changed"_s);
        QCOMPARE(models::problemDetail(*changedRecord), changedRecord->errorDetail);
        const auto missingRecord = (*database)->document(missing);
        QCOMPARE(missingRecord->status, DocumentStatus::Failed);
        QCOMPARE(models::readableProblem(*missingRecord), u"file missing"_s);
    }

    void failedEmbedding_isReadyButNamed()
    {
        QTemporaryDir dir;
        auto database = index::IndexDatabase::open(dir.filePath(u"index.sqlite"_s));
        QVERIFY(database);
        const QString path = dir.filePath(u"vermerk.md"_s);
        QVERIFY(
            writeFile(path, "# Vermerk\n\nDie Behörde entscheidet nach pflichtgemäßem Ermessen über den Antrag.\n"));
        OfflineProvider provider;
        qint64 id = 0;
        {
            import::ImportQueue queue(**database, {});
            queue.setEmbeddingProvider(&provider);
            id = queue.enqueue(path, domain::ProtectionClass::Normal).id;
            waitIdle(queue);
        }
        const auto record = (*database)->document(id);
        QCOMPARE(record->status, DocumentStatus::Ready);
        QCOMPARE(models::problemKind(*record), ProblemKind::EmbeddingFailed);
        QCOMPARE(models::readableProblem(*record), u"embedding failed (still searchable)"_s);
        QVERIFY(models::problemDetail(*record).contains(u"words"_s));
    }

    void cancelledImport_hasNoProblem()
    {
        QTemporaryDir dir;
        auto database = index::IndexDatabase::open(dir.filePath(u"index.sqlite"_s));
        QVERIFY(database);
        const QString path = dir.filePath(u"abbruch.md"_s);
        QVERIFY(writeFile(path, "# Vermerk\n\nWird abgebrochen.\n"));
        qint64 id = 0;
        {
            import::ImportQueue queue(**database, {});
            id = queue.enqueue(path, domain::ProtectionClass::Normal).id;
            queue.cancel(id);
            waitIdle(queue);
        }
        const auto record = (*database)->document(id);
        QCOMPARE(record->status, DocumentStatus::Cancelled);
        QCOMPARE(models::readableProblem(*record), QString());
    }

    void poorScan_hasLowOcrQuality_cleanScanHasNone()
    {
        const QString pdf = QStringLiteral(GENIUS_CORPUS_DIR "/scanned/scan_VwVfG_p2-9_300dpi_gray.pdf");
        if (!QFile::exists(pdf))
            QSKIP("The shared corpus is not available.");
        // The same scanned page recognised from a fine and from a coarse rendering: the coarse
        // one loses characters, and Tesseract's confidence says so.
        const auto confidenceAt = [&pdf](int dpi) {
            documents::ReaderLimits limits;
            limits.ocrDpi = dpi;
            auto reader = documents::openDocument(pdf, limits);
            if (!reader)
                return -2.0;
            const auto page = (*reader)->readPage(1, {});
            if (!page || !page->ocr)
                return -2.0;
            return models::meanOcrConfidence({ *page });
        };
        const double fine = confidenceAt(150);
        const double coarse = confidenceAt(50);
        qInfo("mean OCR confidence: %.1f at 150 dpi, %.1f at 50 dpi", fine, coarse);
        QVERIFY(fine >= 0.0 && coarse >= 0.0);

        DocumentRecord record;
        record.status = DocumentStatus::Ready;
        record.ocrPages = 1;
        QCOMPARE(models::readableProblem(record, fine), QString());
        QCOMPARE(models::problemKind(record, coarse), ProblemKind::LowOcrConfidence);
        QCOMPARE(models::readableProblem(record, coarse), u"OCR quality low"_s);
        QVERIFY(models::problemDetail(record, coarse).contains(QString::number(qRound(coarse))));
        // Unknown confidence (the record alone) is no problem.
        QCOMPARE(models::readableProblem(record), QString());
    }

    void meanOcrConfidence_ignoresTextLayerPages()
    {
        documents::PageText text;
        documents::PageText ocrA;
        ocrA.ocr = true;
        ocrA.confidence = 80.0;
        documents::PageText ocrB = ocrA;
        ocrB.confidence = 40.0;
        QCOMPARE(models::meanOcrConfidence({ text, ocrA, ocrB }), 60.0);
        QCOMPARE(models::meanOcrConfidence({ text }), -1.0);
    }
};

QTEST_GUILESS_MAIN(TestDocumentProblem)
#include "tst_documentproblem.moc"
