#include "core/documents/documentreader.h"
#include "core/documents/safezip.h"
#include "documentstesthelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <quazip/quacrc32.h>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

using namespace genius::documents;
using namespace Qt::StringLiterals;
using genius::common::ErrorCode;

namespace {

struct Entry {
    QString name;
    QByteArray data;
    QByteArray password; // non-empty: the entry is encrypted
};

bool writeZip(const QString& path, const QList<Entry>& entries)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const Entry& entry : entries) {
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

const QByteArray kWordNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

QByteArray docxDocument(const QByteArray& body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " + kWordNs
        + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" + body
        + "<w:sectPr/></w:body></w:document>";
}

QList<Entry> docxEntries(const QByteArray& documentXml)
{
    const QByteArray contentTypes
        = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
          "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    const QByteArray styles = "<w:styles " + kWordNs
        + ">"
          "<w:style w:type=\"paragraph\" w:styleId=\"Standard\"><w:name w:val=\"Normal\"/></w:style>"
          "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
          "<w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"heading 2\"/><w:basedOn "
          "w:val=\"Standard\"/></w:style>"
          "<w:style w:type=\"paragraph\" w:styleId=\"Antrag\"><w:name w:val=\"Antragstitel\"/><w:basedOn "
          "w:val=\"Heading1\"/></w:style>"
          "</w:styles>";
    const QByteArray core
        = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>F\xC3\xB6rderbescheid</dc:title>"
          "<dc:creator>Bezirksregierung K\xC3\xB6ln</dc:creator><dc:subject>Zuwendung</dc:subject>"
          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-03-01T09:30:00Z</dcterms:created></cp:coreProperties>";
    return { Entry { u"[Content_Types].xml"_s, contentTypes, {} }, Entry { u"word/document.xml"_s, documentXml, {} },
        Entry { u"word/styles.xml"_s, styles, {} }, Entry { u"docProps/core.xml"_s, core, {} } };
}

QByteArray odtContent(const QByteArray& body)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
           "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.3\">"
           "<office:body><office:text>"
        + body + "</office:text></office:body></office:document-content>";
}

QList<Entry> odtEntries(const QByteArray& contentXml)
{
    const QByteArray meta
        = "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
          "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
          "<office:meta><dc:title>Satzung</dc:title><meta:initial-creator>Stadt M\xC3\xBCnster</meta:initial-creator>"
          "<dc:creator>Bearbeitung</dc:creator><meta:creation-date>2024-02-01T10:00:00</meta:creation-date>"
          "</office:meta></office:document-meta>";
    return { Entry { u"mimetype"_s, "application/vnd.oasis.opendocument.text", {} },
        Entry { u"content.xml"_s, contentXml, {} }, Entry { u"meta.xml"_s, meta, {} } };
}

const QByteArray kDocxBody
    = "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Bescheid \xC3\xBC"
      "ber die F\xC3\xB6rderung</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"berschrift2\"/><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
      "<w:r><w:t>\xC2\xA7 1 Gegenstand</w:t></w:r></w:p>"
      "<w:p><w:r><w:t xml:space=\"preserve\">Der Antrag vom </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>1. M\xC3\xA4rz "
      "2024</w:t></w:r>"
      "<w:del><w:r><w:delText>gestrichen</w:delText></w:r></w:del><w:r><w:t xml:space=\"preserve\"> wird "
      "bewilligt.</w:t></w:r>"
      "<w:r><w:br/><w:t>Zweite</w:t><w:tab/><w:t>Zeile</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>erster "
      "Punkt</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>zweiter "
      "Punkt</w:t></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Betrag</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>500 "
      "\xE2\x82\xAC</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:p><w:r><w:t>Frist</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>30 "
      "Tage</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE "
      "</w:instrText></w:r><w:r><w:t>Ende</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"Antrag\"/></w:pPr><w:r><mc:AlternateContent><mc:Choice "
      "Requires=\"wps\"><w:t>Textfeld</w:t></mc:Choice>"
      "<mc:Fallback><w:t>Textfeld</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
      "<w:p><w:pPr><w:outlineLvl "
      "w:val=\"2\"/></w:pPr><w:r><w:t>Gliederung</w:t><w:noBreakHyphen/><w:t>Ebene</w:t></w:r></w:p>";

// Opens `path` and reads its one page; fails the calling test on errors.
PageText readOnly(DocumentReader& reader)
{
    auto page = reader.readPage(1, genius::common::CancellationToken());
    return page ? *page : PageText {};
}

} // namespace

class TestOfficeReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void docx_keepsHeadingsParagraphsListsAndTables()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bescheid.docx"_s);
        QVERIFY(writeZip(path, docxEntries(docxDocument(kDocxBody))));
        auto reader = openDocument(path);
        QVERIFY2(reader.has_value(), reader ? "" : qPrintable(reader.error().detail));
        QCOMPARE((*reader)->format(), u"docx"_s);
        QVERIFY(!(*reader)->isPaged());
        QCOMPARE((*reader)->pageCount(), 1);
        QCOMPARE(readOnly(**reader).text,
            u"# Bescheid über die Förderung\n\n## § 1 Gegenstand\n\n"
            "Der Antrag vom 1. März 2024 wird bewilligt.\nZweite Zeile\n\n"
            "- erster Punkt\n\n- zweiter Punkt\n\nBetrag | 500 €\nFrist | 30 Tage\n\nEnde\n\n"
            "# Textfeld\n\n### Gliederung-Ebene"_s);
        const DocumentMetadata metadata = (*reader)->metadata();
        QCOMPARE(metadata.title, u"Förderbescheid"_s);
        QCOMPARE(metadata.author, u"Bezirksregierung Köln"_s);
        QCOMPARE(metadata.subject, u"Zuwendung"_s);
        QCOMPARE(metadata.created, QDateTime(QDate(2024, 3, 1), QTime(9, 30), QTimeZone::utc()));
    }

    void docxWithoutStyles_recognisesHeadingIds()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ohne-styles.docx"_s);
        QList<Entry> entries = docxEntries(
            docxDocument("<w:p><w:pPr><w:pStyle w:val=\"berschrift1\"/></w:pPr><w:r><w:t>Titel</w:t></w:r></w:p>"
                         "<w:p><w:r><w:t>Text</w:t></w:r></w:p>"));
        entries.removeAt(2); // word/styles.xml
        QVERIFY(writeZip(path, entries));
        auto reader = openDocument(path);
        QVERIFY(reader.has_value());
        QCOMPARE(readOnly(**reader).text, u"# Titel\n\nText"_s);
    }

    // Found by fuzz_officexml: well-formed XML with markup inside a text run was refused as
    // damaged; its text is kept instead.
    void docxMarkupInsideTextRun_keepsTheText()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"verschachtelt.docx"_s);
        QVERIFY(writeZip(path, docxEntries(docxDocument("<w:p><w:r><w:t>Ge<w:x>b\xC3\xBC</w:x>hr</w:t></w:r></w:p>"))));
        auto reader = openDocument(path);
        QVERIFY2(reader.has_value(), reader ? "" : qPrintable(reader.error().detail));
        QCOMPARE(readOnly(**reader).text, u"Gebühr"_s);
    }

    void odt_keepsHeadingsSpacesListsAndTables()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"satzung.odt"_s);
        const QByteArray body
            = "<text:sequence-decls><text:sequence-decl text:display-outline-level=\"0\" "
              "text:name=\"Table\"/></text:sequence-decls>"
              "<text:h text:outline-level=\"1\">Satzung der Stadt</text:h>"
              "<text:h text:outline-level=\"2\">\xC2\xA7 2 Geltungsbereich</text:h>"
              "<text:p>Diese <text:span text:style-name=\"T1\">Satzung</text:span> gilt<text:s "
              "text:c=\"3\"/>f\xC3\xBCr das\n    Stadtgebiet."
              "<text:note "
              "text:note-class=\"footnote\"><text:note-citation>1</"
              "text:note-citation><text:note-body><text:p>Fu\xC3\x9Fnote</text:p>"
              "</text:note-body></text:note><text:line-break/>Zweite<text:tab/>Zeile</text:p>"
              "<text:list><text:list-item><text:p>erster Punkt</text:p></text:list-item>"
              "<text:list-item><text:p>zweiter Punkt</text:p></text:list-item></text:list>"
              "<table:table><table:table-row><table:table-cell><text:p>Geb\xC3\xBChr</text:p></table:table-cell>"
              "<table:table-cell><text:p>20 \xE2\x82\xAC</text:p></table:table-cell></table:table-row></table:table>"
              "<text:p>Ende<office:annotation><text:p>Kommentar</text:p></office:annotation></text:p>";
        QVERIFY(writeZip(path, odtEntries(odtContent(body))));
        auto reader = openDocument(path);
        QVERIFY2(reader.has_value(), reader ? "" : qPrintable(reader.error().detail));
        QCOMPARE((*reader)->format(), u"odt"_s);
        QCOMPARE(readOnly(**reader).text,
            u"# Satzung der Stadt\n\n## § 2 Geltungsbereich\n\nDiese Satzung gilt für das Stadtgebiet.\nZweite "
            u"Zeile\n\n"
            "- erster Punkt\n\n- zweiter Punkt\n\nGebühr | 20 €\n\nEnde"_s);
        const DocumentMetadata metadata = (*reader)->metadata();
        QCOMPARE(metadata.title, u"Satzung"_s);
        QCOMPARE(metadata.author, u"Stadt Münster"_s);
        QCOMPARE(metadata.created.date(), QDate(2024, 2, 1));
    }

    void zipBomb_reportsCorrupt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bombe.docx"_s);
        const QByteArray body = "<w:p><w:r><w:t>" + QByteArray(3 * 1024 * 1024, 'a') + "</w:t></w:r></w:p>";
        QVERIFY(writeZip(path, docxEntries(docxDocument(body))));
        QVERIFY(QFileInfo(path).size() < 64 * 1024); // it is small on disk
        ReaderLimits limits;
        limits.maxUncompressedBytes = 1024 * 1024;
        auto reader = openDocument(path, limits);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
        QCOMPARE(reader.error().detail, u"The archive expands beyond the size limit (zip bomb?)."_s);
        limits.maxUncompressedBytes = 8 * 1024 * 1024;
        QVERIFY(openDocument(path, limits).has_value());
    }

    // Writes the bomb to the limit in pieces: the count covers every part read, not one.
    void inflatedBytes_countAcrossEntries()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"verteilt.docx"_s);
        QList<Entry> entries
            = docxEntries(docxDocument("<w:p><w:r><w:t>" + QByteArray(600 * 1024, 'b') + "</w:t></w:r></w:p>"));
        entries[2].data += QByteArray(600 * 1024, ' '); // styles.xml: white space after the root element
        QVERIFY(writeZip(path, entries));
        ReaderLimits limits;
        limits.maxUncompressedBytes = 1024 * 1024;
        auto reader = openDocument(path, limits);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
    }

    void unsafeEntryNames_areRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent folder") << u"../evil.xml"_s;
        QTest::newRow("nested parent folder") << u"word/../../evil.xml"_s;
        QTest::newRow("absolute") << u"/etc/evil.xml"_s;
        QTest::newRow("backslash parent") << u"word\\..\\..\\evil.xml"_s;
        QTest::newRow("drive letter") << u"C:/evil.xml"_s;
    }

    void unsafeEntryNames_areRefused()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"boese.docx"_s);
        QList<Entry> entries = docxEntries(docxDocument("<w:p><w:r><w:t>Text</w:t></w:r></w:p>"));
        entries.append(Entry { name, "x", {} });
        QVERIFY(writeZip(path, entries));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
        QCOMPARE(reader.error().detail, u"The archive contains an unsafe entry name."_s);
    }

    void nulInEntryName_isRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nul.docx"_s);
        QList<Entry> entries = docxEntries(docxDocument("<w:p><w:r><w:t>Text</w:t></w:r></w:p>"));
        entries.append(Entry { u"word/nulXname.xml"_s, "x", {} });
        QVERIFY(writeZip(path, entries));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        // The name sits in the local header and in the central directory; CRCs do not cover it.
        QCOMPARE(bytes.count("word/nulXname.xml"), 2);
        bytes.replace("word/nulXname.xml", QByteArray("word/nul\0name.xml", 17));
        QVERIFY(testing::writeFile(path, bytes));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
    }

    void encryptedEntry_reportsInvalidArgument()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"verschluesselt.docx"_s);
        QList<Entry> entries = docxEntries(docxDocument("<w:p><w:r><w:t>Geheim</w:t></w:r></w:p>"));
        entries[1].password = "geheim";
        QVERIFY(writeZip(path, entries));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(reader.error().detail, u"The document is encrypted/password-protected."_s);
    }

    void tooManyEntries_reportsCorrupt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"viele.docx"_s);
        QList<Entry> entries = docxEntries(docxDocument("<w:p><w:r><w:t>Text</w:t></w:r></w:p>"));
        for (int i = 0; i < 30; ++i)
            entries.append(Entry { u"word/media/bild%1.png"_s.arg(i), "x", {} });
        QVERIFY(writeZip(path, entries));
        ReaderLimits limits;
        limits.maxZipEntries = 20;
        auto reader = openDocument(path, limits);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
        limits.maxZipEntries = 40;
        QVERIFY(openDocument(path, limits).has_value());
    }

    void malformedXml_reportsCorrupt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"kaputt.docx"_s);
        QVERIFY(writeZip(path, docxEntries("<w:document " + kWordNs + "><w:body><w:p><w:r><w:t>Text</w:r>")));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
        QCOMPARE(reader.error().detail, u"The document is damaged and cannot be read."_s);
    }

    void truncatedArchive_reportsCorrupt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"halb.docx"_s);
        QVERIFY(writeZip(path, docxEntries(docxDocument(kDocxBody))));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(testing::writeFile(path, bytes.left(bytes.size() / 2)));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::Corrupt);
    }

    void otherArchives_areUnsupported_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("spreadsheet") << 0;
        QTest::newRow("ods") << 1;
        QTest::newRow("plain zip") << 2;
    }

    void otherArchives_areUnsupported()
    {
        QFETCH(int, kind);
        const QList<QList<Entry>> archives { { Entry { u"[Content_Types].xml"_s, "<Types/>", {} },
                                                 Entry { u"xl/workbook.xml"_s, "<workbook/>", {} } },
            { Entry { u"mimetype"_s, "application/vnd.oasis.opendocument.spreadsheet", {} },
                Entry { u"content.xml"_s, "<x/>", {} } },
            { Entry { u"readme.txt"_s, "hallo", {} } } };
        QTemporaryDir dir;
        const QString path = dir.filePath(u"archiv.docx"_s);
        QVERIFY(writeZip(path, archives[kind]));
        auto reader = openDocument(path);
        QVERIFY(!reader);
        QCOMPARE(reader.error().code, ErrorCode::InvalidArgument);
        QVERIFY(reader.error().detail.startsWith(u"Unsupported file format"_s));
    }

    void isSafeEntryName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("safe");
        QTest::newRow("plain") << u"word/document.xml"_s << true;
        QTest::newRow("dots in name") << u"word/a..b.xml"_s << true;
        QTest::newRow("parent") << u"a/../b"_s << false;
        QTest::newRow("only parent") << u".."_s << false;
        QTest::newRow("absolute") << u"/a"_s << false;
        QTest::newRow("backslash absolute") << u"\\a"_s << false;
        QTest::newRow("drive") << u"c:a"_s << false;
        QTest::newRow("nul") << QString(u"a\0b"_s) << false;
        QTest::newRow("empty") << QString() << false;
    }

    void isSafeEntryName()
    {
        QFETCH(QString, name);
        QFETCH(bool, safe);
        QCOMPARE(genius::documents::isSafeEntryName(name), safe);
    }
};

QTEST_GUILESS_MAIN(TestOfficeReader)
#include "tst_officereader.moc"
