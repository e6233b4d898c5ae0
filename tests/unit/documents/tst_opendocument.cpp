#include "core/documents/documentreader.h"
#include "documentstesthelpers.h"

#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace genius::documents;
using namespace Qt::StringLiterals;
using genius::common::ErrorCode;

namespace {

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& byte : bytes)
        byte = static_cast<char>(generator.bounded(256));
    bytes[0] = '\x01'; // never a signature by chance
    bytes[1] = '\0'; // binary, not text
    return bytes;
}

// Details are one sentence without document content: capitalised, ending with a period.
void verifySentence(const QString& detail)
{
    QVERIFY2(!detail.isEmpty() && detail.front().isUpper() && detail.endsWith(u'.'), qPrintable(detail));
}

} // namespace

class TestOpenDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyFile_reportsInvalidArgument()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"leer.pdf"_s);
        QVERIFY(testing::writeFile(path, {}));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(reader.error().detail, u"The file is empty."_s);
    }

    void fileOverLimit_reportsInvalidArgument()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"gross.txt"_s);
        QVERIFY(testing::writeFile(path, QByteArray(4096, 'a')));
        ReaderLimits limits;
        limits.maxFileBytes = 4095;
        auto reader = openDocument(path, limits);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
        verifySentence(reader.error().detail);
        limits.maxFileBytes = 4096;
        QVERIFY(openDocument(path, limits).has_value());
    }

    void missingFile_reportsIo()
    {
        QTemporaryDir dir;
        auto reader = openDocument(dir.filePath(u"fehlt.pdf"_s));
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Io);
        verifySentence(reader.error().detail);
    }

    void unreadableFile_reportsIo()
    {
        if (::geteuid() == 0)
            QSKIP("root reads files without read permission.");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"gesperrt.txt"_s);
        QVERIFY(testing::writeFile(path, "Text"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Io);
    }

    void directory_reportsInvalidArgument()
    {
        QTemporaryDir dir;
        auto reader = openDocument(dir.path());
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
    }

    void unknownBinary_reportsUnsupported_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("pdf name") << u"kaputt.pdf"_s;
        QTest::newRow("docx name") << u"kaputt.docx"_s;
        QTest::newRow("txt name") << u"binaer.txt"_s;
        QTest::newRow("no extension") << u"datei"_s;
    }

    void unknownBinary_reportsUnsupported()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QVERIFY(testing::writeFile(path, randomBytes(4096, 7)));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
        QVERIFY(reader.error().detail.startsWith(u"Unsupported file format"_s));
        verifySentence(reader.error().detail);
    }

    void textWithUnknownExtension_reportsUnsupported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"tabelle.csv"_s);
        QVERIFY(testing::writeFile(path, "a;b;c\n1;2;3\n"));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
    }

    void signature_winsOverExtension()
    {
        const QString corpus = testing::corpusDir();
        if (corpus.isEmpty())
            QSKIP("The shared corpus is not available.");
        QTemporaryDir dir;
        const QString pdfAsText = dir.filePath(u"eigentlich-pdf.txt"_s);
        QVERIFY(QFile::copy(corpus + u"/pdf/BauNVO_libreoffice.pdf"_s, pdfAsText));
        auto pdf = openDocument(pdfAsText);
        QVERIFY(pdf.has_value());
        QCOMPARE((*pdf)->format(), u"pdf"_s);
        QCOMPARE((*pdf)->pageCount(), 20);

        const QString pngAsPdf = dir.filePath(u"eigentlich-png.pdf"_s);
        QImage image(64, 32, QImage::Format_Grayscale8);
        image.fill(255);
        QVERIFY(image.save(pngAsPdf, "PNG"));
        auto png = openDocument(pngAsPdf);
        QVERIFY(png.has_value());
        QCOMPARE((*png)->format(), u"image"_s);
        QVERIFY((*png)->isPaged());
    }

    void textQuotingPdfHeader_staysText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notiz.md"_s);
        QVERIFY(
            testing::writeFile(path, "# PDF-Dateien\n\nJede PDF-Datei beginnt mit %PDF-1.7 in der ersten Zeile.\n"));
        auto reader = openDocument(path);
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->format(), u"markdown"_s);
    }

    void pdfAfterLeadingJunk_isStillPdf()
    {
        const QString corpus = testing::corpusDir();
        if (corpus.isEmpty())
            QSKIP("The shared corpus is not available.");
        QFile source(corpus + u"/pdf/BauNVO_libreoffice.pdf"_s);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"mit-vorspann.pdf"_s);
        QVERIFY(testing::writeFile(path, QByteArray(200, ' ') + "\n" + source.readAll()));
        auto reader = openDocument(path);
        QVERIFY2(reader.has_value(), reader ? "" : qPrintable(reader.error().detail));
        QCOMPARE((*reader)->pageCount(), 20);
        auto page = (*reader)->readPage(3, {});
        QVERIFY(page.has_value() && page->text.size() > 1000);
    }

    void textFormats_byExtension_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("format");
        QTest::newRow("txt") << u"a.txt"_s << u"text"_s;
        QTest::newRow("md") << u"a.md"_s << u"markdown"_s;
        QTest::newRow("markdown") << u"a.MARKDOWN"_s << u"markdown"_s;
        QTest::newRow("html") << u"a.html"_s << u"html"_s;
        QTest::newRow("htm") << u"a.htm"_s << u"html"_s;
    }

    void textFormats_byExtension()
    {
        QFETCH(QString, name);
        QFETCH(QString, format);
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QVERIFY(testing::writeFile(path, "Inhalt"));
        auto reader = openDocument(path);
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->format(), format);
    }
};

QTEST_MAIN(TestOpenDocument)
#include "tst_opendocument.moc"
