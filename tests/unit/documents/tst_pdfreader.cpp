#include "core/documents/documentreader.h"
#include "documentstesthelpers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace genius::documents;
using namespace Qt::StringLiterals;
using genius::common::ErrorCode;

namespace {

QString corpusPdf(const QString& name)
{
    return testing::corpusDir() + u"/pdf/"_s + name;
}

bool hasInvisibleGarbage(const QString& text)
{
    for (QChar c : text) {
        if (c == QChar(0xFFFD) || c.category() == QChar::Other_PrivateUse
            || (c.category() == QChar::Other_Control && c != u'\n'))
            return true;
    }
    return false;
}

} // namespace

class TestPdfReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (testing::corpusDir().isEmpty())
            QSKIP("The shared corpus is not available.");
    }

    void corpusPdfs_haveTheirPageCounts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("pages");
        QTest::newRow("VwVfG") << u"VwVfG_libreoffice.pdf"_s << 49;
        QTest::newRow("BDSG") << u"BDSG_libreoffice.pdf"_s << 58;
        QTest::newRow("FStrG") << u"FStrG_libreoffice.pdf"_s << 32;
        QTest::newRow("BauNVO") << u"BauNVO_libreoffice.pdf"_s << 20;
        QTest::newRow("IFG_EGovG_OZG") << u"IFG_EGovG_OZG_docx_libreoffice.pdf"_s << 26;
        QTest::newRow("BHO groff") << u"BHO_groff.pdf"_s << 30;
        QTest::newRow("DSGVO") << u"DSGVO_libreoffice.pdf"_s << 126;
    }

    void corpusPdfs_haveTheirPageCounts()
    {
        QFETCH(QString, file);
        QFETCH(int, pages);
        auto reader = openDocument(corpusPdf(file));
        QVERIFY2(reader.has_value(), reader ? "" : qPrintable(reader.error().detail));
        QCOMPARE((*reader)->format(), u"pdf"_s);
        QVERIFY((*reader)->isPaged());
        QCOMPARE((*reader)->pageCount(), pages);
    }

    void textPdf_keepsUmlautsSharpSAndSectionSigns()
    {
        auto reader = openDocument(corpusPdf(u"VwVfG_libreoffice.pdf"_s));
        QVERIFY(reader.has_value());
        auto page = (*reader)->readPage(5, {});
        QVERIFY(page.has_value());
        QCOMPARE(page->number, 5);
        QVERIFY(!page->ocr);
        QCOMPARE(page->confidence, -1.0);
        QVERIFY(page->text.contains(u"§ 6 Auswahl der Behörde"_s));
        QVERIFY(page->text.contains(u"mit wesentlich größerem Aufwand"_s));
        QVERIFY(page->text.contains(u"Maßnahme für unzweckmäßig hält."_s));
        QVERIFY(!hasInvisibleGarbage(page->text));
        // Paragraphs are separated by a blank line, lines of a paragraph by one break.
        QVERIFY(page->text.contains(u"erhebliche Nachteile\nbereitet würden."_s));
        QVERIFY(page->text.contains(u"ersuchte Behörde.\n\n(2) Die ersuchte Behörde"_s));
    }

    void wordBoxes_lieInsideThePageAndPointAtTheirWords()
    {
        auto reader = openDocument(corpusPdf(u"BDSG_libreoffice.pdf"_s));
        QVERIFY(reader.has_value());
        for (int number = 1; number <= (*reader)->pageCount(); ++number) {
            auto page = (*reader)->readPage(number, {});
            QVERIFY(page.has_value());
            QVERIFY(!page->words.isEmpty());
            QCOMPARE(page->size.toSize(), QSize(595, 842)); // A4 in points
            const QRectF bounds(QPointF(0, 0), page->size);
            qint32 previousEnd = 0;
            for (const WordBox& word : std::as_const(page->words)) {
                QVERIFY2(bounds.contains(word.box), qPrintable(u"page %1"_s.arg(number)));
                QVERIFY(word.box.width() > 0 && word.box.height() > 0);
                QVERIFY(word.offset >= previousEnd); // in reading order, never overlapping
                QVERIFY(word.length > 0 && word.offset + word.length <= page->text.size());
                const QString text = page->text.mid(word.offset, word.length);
                QVERIFY(!text.contains(u' ') && !text.contains(u'\n'));
                previousEnd = word.offset + word.length;
            }
        }
    }

    // groff hyphenates; its words must come back whole, with the break after them.
    void hyphenatedPdf_joinsWords()
    {
        auto reader = openDocument(corpusPdf(u"BHO_groff.pdf"_s));
        QVERIFY(reader.has_value());
        auto page = (*reader)->readPage(5, {});
        QVERIFY(page.has_value());
        QVERIFY(page->text.contains(u"die Ausgaben und die Verpflichtungsermächtigungen\nnach Zwecken getrennt"_s));
        QVERIFY(
            page->text.contains(u"(1) Die Einnahmen sind nach dem Entstehungsgrund"_s)); // "(1)" shares the baseline
        QVERIFY(!page->text.contains(u"Verpflichtungsermächtigun-"_s));
    }

    void metadata_comesFromTheInfoDictionary()
    {
        auto reader = openDocument(corpusPdf(u"BHO_groff.pdf"_s));
        QVERIFY(reader.has_value());
        const DocumentMetadata metadata = (*reader)->metadata();
        QVERIFY(metadata.created.isValid());
        QVERIFY(metadata.created.date().year() >= 2020);
    }

    void encryptedPdf_reportsInvalidArgument()
    {
        auto reader = openDocument(testing::fixturePath(u"encrypted.pdf"_s));
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(reader.error().detail, u"The PDF is encrypted/password-protected."_s);
    }

    void ownerPasswordOnlyPdf_opensAndReads()
    {
        auto reader = openDocument(testing::fixturePath(u"owner-password-only.pdf"_s));
        QVERIFY2(reader.has_value(), reader ? "" : qPrintable(reader.error().detail));
        auto page = (*reader)->readPage(1, {});
        QVERIFY(page.has_value());
        QCOMPARE(page->text, u"Vertrauliche Akte üß § 35 VwVfG"_s);
        QCOMPARE(page->words.size(), 6);
    }

    void truncatedPdf_reportsCorrupt()
    {
        QFile source(corpusPdf(u"VwVfG_libreoffice.pdf"_s));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray bytes = source.readAll();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"halb.pdf"_s);
        QVERIFY(testing::writeFile(path, bytes.left(bytes.size() / 2)));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
        QCOMPARE(reader.error().detail, u"The PDF is damaged and cannot be read."_s);
    }

    void pdfHeaderWithGarbage_reportsCorrupt()
    {
        QByteArray bytes("%PDF-1.7\n");
        QRandomGenerator generator(42);
        for (int i = 0; i < 8192; ++i)
            bytes.append(static_cast<char>(generator.bounded(256)));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"muell.pdf"_s);
        QVERIFY(testing::writeFile(path, bytes));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
    }

    void pageLimit_isEnforced()
    {
        ReaderLimits limits;
        limits.maxPages = 19;
        auto reader = openDocument(corpusPdf(u"BauNVO_libreoffice.pdf"_s), limits);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
        limits.maxPages = 20;
        QVERIFY(openDocument(corpusPdf(u"BauNVO_libreoffice.pdf"_s), limits).has_value());
    }

    void readPage_rejectsBadNumbersAndCancellation()
    {
        auto reader = openDocument(corpusPdf(u"BauNVO_libreoffice.pdf"_s));
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->readPage(0, {}).error().code, ErrorCode::InvalidArgument);
        QCOMPARE((*reader)->readPage(21, {}).error().code, ErrorCode::InvalidArgument);
        genius::common::CancellationToken token;
        token.cancel();
        QCOMPARE((*reader)->readPage(1, token).error().code, ErrorCode::Cancelled);
    }

    // Not a benchmark gate (this is a debug build on a shared machine), a guard against
    // pathological slowness; the figure is printed for the record.
    void allCorpusPdfs_extractAtUsefulSpeed()
    {
        const QStringList files { u"VwVfG_libreoffice.pdf"_s, u"BDSG_libreoffice.pdf"_s, u"FStrG_libreoffice.pdf"_s,
            u"BauNVO_libreoffice.pdf"_s, u"IFG_EGovG_OZG_docx_libreoffice.pdf"_s, u"BHO_groff.pdf"_s,
            u"DSGVO_libreoffice.pdf"_s };
        QElapsedTimer timer;
        timer.start();
        int pages = 0;
        qint64 characters = 0;
        for (const QString& file : files) {
            auto reader = openDocument(corpusPdf(file));
            QVERIFY(reader.has_value());
            for (int number = 1; number <= (*reader)->pageCount(); ++number) {
                auto page = (*reader)->readPage(number, {});
                QVERIFY(page.has_value());
                QVERIFY2(!page->ocr, qPrintable(u"%1 page %2 was OCRed"_s.arg(file).arg(number)));
                characters += page->text.size();
                ++pages;
            }
        }
        const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        qInfo("%d pages, %lld characters in %.2f s: %.0f pages/s", pages, static_cast<long long>(characters), seconds,
            pages / seconds);
        QCOMPARE(pages, 341);
        QVERIFY(pages / seconds > 30);
    }
};

QTEST_GUILESS_MAIN(TestPdfReader)
#include "tst_pdfreader.moc"
