#include "core/documents/documentreader.h"
#include "documentstesthelpers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <allheaders.h>

using namespace genius::documents;
using namespace Qt::StringLiterals;
using genius::common::ErrorCode;

namespace {

// A page of large, clean text as a scanner at `dpi` would deliver it.
QImage renderPage(const QStringList& lines, int dpi)
{
    QImage image(dpi * 8, 120 + 90 * static_cast<int>(lines.size()), QImage::Format_Grayscale8);
    image.fill(255);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    QPainter painter(&image);
    QFont font(u"DejaVu Sans"_s);
    font.setPixelSize(dpi / 5);
    painter.setFont(font);
    painter.setPen(Qt::black);
    for (qsizetype i = 0; i < lines.size(); ++i)
        painter.drawText(QPointF(dpi / 2.0, 100.0 + 90.0 * static_cast<double>(i)), lines[i]);
    painter.end();
    return image;
}

// Leptonica keeps 8 bpp pixels in 32-bit words, the first pixel in the most significant byte.
Pix* toPix(const QImage& gray, int dpi)
{
    Pix* pix = pixCreate(gray.width(), gray.height(), 8);
    const l_int32 wordsPerLine = pixGetWpl(pix);
    l_uint32* data = pixGetData(pix);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar* row = gray.constScanLine(y);
        l_uint32* line = data + static_cast<qsizetype>(y) * wordsPerLine;
        for (int x = 0; x < gray.width(); ++x) {
            const int shift = 8 * (3 - (x & 3));
            line[x >> 2] = (line[x >> 2] & ~(0xFFU << shift)) | (static_cast<l_uint32>(row[x]) << shift);
        }
    }
    pixSetResolution(pix, dpi, dpi);
    return pix;
}

double characterErrorRate(const QString& expected, const QString& actual)
{
    const QString a = testing::collapseWhitespace(expected);
    const QString b = testing::collapseWhitespace(actual);
    return a.isEmpty() ? 1.0 : static_cast<double>(testing::editDistance(a, b)) / static_cast<double>(a.size());
}

PageText readPage(DocumentReader& reader, int number)
{
    auto page = reader.readPage(number, {});
    if (!page)
        qWarning("%s", qPrintable(page.error().detail));
    return page ? *page : PageText {};
}

} // namespace

class TestOcr final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("OMP_THREAD_LIMIT") != u"1")
            qWarning("OMP_THREAD_LIMIT=1 is not set: Tesseract runs slower with OpenMP threads.");
    }

    void scannedPdf_matchesGroundTruth_data()
    {
        QTest::addColumn<QString>("scan");
        QTest::addColumn<int>("page");
        QTest::newRow("VwVfG 300 dpi gray, page 1") << u"scan_VwVfG_p2-9_300dpi_gray"_s << 1;
        QTest::newRow("BHO 300 dpi bilevel, page 1") << u"scan_BHO_p3-10_300dpi_bw"_s << 1;
    }

    // The ground truth is pdftotext of the page the scan was made from; both are compared
    // without layout (white space collapsed), so the error rate counts characters only.
    void scannedPdf_matchesGroundTruth()
    {
        QFETCH(QString, scan);
        QFETCH(int, page);
        const QString corpus = testing::corpusDir();
        if (corpus.isEmpty())
            QSKIP("The shared corpus is not available.");
        QFile truthFile(corpus + u"/scanned/"_s + scan + u".gt.txt"_s);
        QVERIFY(truthFile.open(QIODevice::ReadOnly));
        const QString truth = QString::fromUtf8(truthFile.readAll()).split(u'\f').value(page - 1);
        QVERIFY(!truth.isEmpty());

        auto reader = openDocument(corpus + u"/scanned/"_s + scan + u".pdf"_s);
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->pageCount(), 8);
        QElapsedTimer timer;
        timer.start();
        const PageText text = readPage(**reader, page);
        const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        QVERIFY(text.ocr);
        QVERIFY2(text.confidence > 70.0, qPrintable(QString::number(text.confidence)));
        QVERIFY(qAbs(text.size.width() - 595.0) < 2.0 && qAbs(text.size.height() - 842.0) < 2.0);
        const double cer = characterErrorRate(truth, text.text);
        qInfo("%s page %d: CER %.2f %%, %.1f s, mean word confidence %.1f", qPrintable(scan), page, cer * 100.0,
            seconds, text.confidence);
        QVERIFY2(cer < 0.02, qPrintable(u"CER %1"_s.arg(cer)));
        QVERIFY(text.text.contains(u"§"_s));
        const QRectF bounds(QPointF(0, 0), text.size);
        QVERIFY(text.words.size() > 200);
        for (const WordBox& word : text.words) {
            QVERIFY(bounds.contains(word.box));
            QVERIFY(word.offset + word.length <= text.text.size());
            QVERIFY(!text.text.mid(word.offset, word.length).contains(u' '));
        }
    }

    // A page whose text layer is too short for the limit is rendered and read by OCR.
    void shortTextLayer_isOcred()
    {
        ReaderLimits limits;
        limits.minTextCharsPerPage = 100;
        auto reader = openDocument(testing::fixturePath(u"owner-password-only.pdf"_s), limits);
        QVERIFY(reader.has_value());
        const PageText text = readPage(**reader, 1);
        QVERIFY(text.ocr);
        QVERIFY2(characterErrorRate(u"Vertrauliche Akte üß § 35 VwVfG"_s, text.text) < 0.1, qPrintable(text.text));
        QCOMPARE(text.size.toSize(), QSize(595, 842));
        QCOMPARE(text.words.size(), 6);
        // Helvetica 18 pt at x = 72 pt, baseline 720 pt from the bottom: about 104 pt from the top.
        QVERIFY(qAbs(text.words.first().box.left() - 72.0) < 3.0);
        QVERIFY(qAbs(text.words.first().box.bottom() - 122.0) < 6.0);
    }

    // A page image beyond the pixel cap is refused from its header, before any pixel is decoded.
    void hugeImages_areRefusedBeforeDecoding()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(u"riesig.png"_s);
        QImage huge(20000, 20000, QImage::Format_Mono);
        huge.fill(1);
        QVERIFY(huge.save(png, "PNG"));
        auto reader = openDocument(png);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(reader.error().detail.contains(u"20000 × 20000"_s), qPrintable(reader.error().detail));

        const QString tiff = dir.filePath(u"riesig.tif"_s);
        Pix* pix = pixCreate(20000, 20000, 1); // 50 MB in memory, a few KB as G4
        QVERIFY(pix);
        QCOMPARE(pixWriteTiff(QFile::encodeName(tiff).constData(), pix, IFF_TIFF_G4, "w"), 0);
        pixDestroy(&pix);
        auto tiffReader = openDocument(tiff);
        QVERIFY(tiffReader.has_value());
        const auto page = (*tiffReader)->readPage(1, {});
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(page.error().detail.contains(u"20000 × 20000"_s), qPrintable(page.error().detail));
    }

    // A PDF page that would exceed the cap at the OCR resolution is rendered at a lower one: it is
    // still read, and its size in points is the page's.
    void largePdfPage_isRenderedWithinThePixelCap()
    {
        ReaderLimits limits;
        limits.minTextCharsPerPage = 100;       // OCR the fixture's short text layer
        limits.maxImagePixels = 4'000'000;      // A4 at 300 dpi would be 8.7 million
        auto reader = openDocument(testing::fixturePath(u"owner-password-only.pdf"_s), limits);
        QVERIFY(reader.has_value());
        const PageText text = readPage(**reader, 1);
        QVERIFY(text.ocr);
        QCOMPARE(text.size.toSize(), QSize(595, 842));
        QVERIFY2(characterErrorRate(u"Vertrauliche Akte üß § 35 VwVfG"_s, text.text) < 0.2, qPrintable(text.text));
        // Below 50 dpi nothing would be legible: such a page is refused, not read as noise.
        limits.maxImagePixels = 100'000;
        auto tiny = openDocument(testing::fixturePath(u"owner-password-only.pdf"_s), limits);
        QVERIFY(tiny.has_value());
        const auto refused = (*tiny)->readPage(1, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    }

    void multiPageTiff_readsEachPage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"scan.tif"_s);
        const QByteArray file = QFile::encodeName(path);
        const QImage first
            = renderPage({ u"Bescheid über die Förderung"_s, u"§ 12 Absatz 3 gilt entsprechend."_s }, 200);
        const QImage second = renderPage({ u"Widerspruch binnen eines Monats"_s }, 200);
        Pix* pix = toPix(first, 200);
        QCOMPARE(pixWriteTiff(file.constData(), pix, IFF_TIFF_ZIP, "w"), 0);
        pixDestroy(&pix);
        pix = toPix(second, 200);
        QCOMPARE(pixWriteTiff(file.constData(), pix, IFF_TIFF_ZIP, "a"), 0);
        pixDestroy(&pix);

        auto reader = openDocument(path);
        QVERIFY2(reader.has_value(), reader ? "" : qPrintable(reader.error().detail));
        QCOMPARE((*reader)->format(), u"image"_s);
        QCOMPARE((*reader)->pageCount(), 2);
        const PageText two = readPage(**reader, 2); // out of order on purpose
        const PageText one = readPage(**reader, 1);
        QVERIFY(one.ocr && two.ocr);
        // Tesseract may take the wide line spacing for a paragraph break: compare the words.
        QCOMPARE(
            testing::collapseWhitespace(one.text), u"Bescheid über die Förderung § 12 Absatz 3 gilt entsprechend."_s);
        QCOMPARE(two.text, u"Widerspruch binnen eines Monats"_s);
        QCOMPARE(two.number, 2);
        QVERIFY(qAbs(one.size.width() - 1600 * 72.0 / 200) < 0.5); // pixels at 200 dpi in points
        QCOMPARE((*reader)->readPage(3, {}).error().code, ErrorCode::InvalidArgument);
    }

    void pngAndJpeg_areReadByOcr_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png") << QByteArray("PNG");
        QTest::newRow("jpeg") << QByteArray("JPEG");
    }

    void pngAndJpeg_areReadByOcr()
    {
        QFETCH(QByteArray, format);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"foto.bild"_s);
        QVERIFY(renderPage({ u"Antrag auf Erteilung einer Genehmigung"_s }, 300).save(path, format.constData(), 90));
        auto reader = openDocument(path);
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->pageCount(), 1);
        const PageText text = readPage(**reader, 1);
        QCOMPARE(text.text, u"Antrag auf Erteilung einer Genehmigung"_s);
        QCOMPARE(text.words.size(), 5);
        QVERIFY(text.confidence > 80.0);
    }

    void blankImage_givesEmptyPage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"leer.png"_s);
        QVERIFY(renderPage({}, 300).save(path, "PNG"));
        auto reader = openDocument(path);
        QVERIFY(reader.has_value());
        auto page = (*reader)->readPage(1, {});
        QVERIFY(page.has_value());
        QVERIFY(page->text.isEmpty());
        QVERIFY(page->ocr);
    }

    void missingLanguage_reportsUnavailable_data()
    {
        QTest::addColumn<QString>("languages");
        QTest::addColumn<QString>("missing");
        QTest::newRow("only missing") << u"xyz"_s << u"xyz"_s;
        QTest::newRow("second missing") << u"deu+xyz"_s << u"xyz"_s;
    }

    void missingLanguage_reportsUnavailable()
    {
        QFETCH(QString, languages);
        QFETCH(QString, missing);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"text.png"_s);
        QVERIFY(renderPage({ u"Text"_s }, 300).save(path, "PNG"));
        ReaderLimits limits;
        limits.ocrLanguages = languages;
        auto reader = openDocument(path, limits);
        QVERIFY(reader.has_value());
        for (int attempt = 0; attempt < 2; ++attempt) { // the failure is remembered, not retried
            auto page = (*reader)->readPage(1, {});
            QVERIFY(!page);
            QCOMPARE(page.error().code, ErrorCode::Unavailable);
            QCOMPARE(page.error().detail, u"The OCR language data %1 is not installed."_s.arg(missing));
        }
    }

    void cancelledToken_stopsOcr()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"text.png"_s);
        QVERIFY(renderPage({ u"Text"_s }, 300).save(path, "PNG"));
        auto reader = openDocument(path);
        QVERIFY(reader.has_value());
        genius::common::CancellationToken token;
        token.cancel();
        auto page = (*reader)->readPage(1, token);
        QVERIFY(!page);
        QCOMPARE(page.error().code, ErrorCode::Cancelled);
    }
};

QTEST_MAIN(TestOcr)
#include "tst_ocr.moc"
