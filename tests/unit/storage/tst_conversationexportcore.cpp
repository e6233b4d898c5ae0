// Markdown and DOCX export under a QCoreApplication (as genius-cli runs most commands);
// ODT and PDF report that they need Qt Gui instead of crashing.
#include "conversationsample.h"

#include "core/storage/conversationexport.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

using namespace genius::storage;
using namespace genius::storage::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray zipEntry(const QString& archive, const QString& name)
{
    QuaZip zip(archive);
    if (!zip.open(QuaZip::mdUnzip) || !zip.setCurrentFile(name))
        return {};
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

struct WordText {
    QStringList paragraphs;
    QStringList boldRuns;
    QStringList styles;
    QString error;
};

/// The paragraphs of word/document.xml as a reader sees them.
WordText wordText(const QByteArray& xml)
{
    WordText text;
    QXmlStreamReader reader(xml);
    QString paragraph;
    bool bold = false;
    while (!reader.atEnd()) {
        reader.readNext();
        const auto name = reader.name();
        if (reader.isStartElement() && name == u"p"_s) {
            paragraph.clear();
        } else if (reader.isStartElement() && name == u"r"_s) {
            bold = false;
        } else if (reader.isStartElement() && name == u"b"_s) {
            bold = true;
        } else if (reader.isStartElement() && name == u"pStyle"_s) {
            text.styles.append(reader.attributes().value(u"http://schemas.openxmlformats.org/wordprocessingml/2006/main"_s,
                                                         u"val"_s).toString());
        } else if (reader.isStartElement() && name == u"t"_s) {
            const QString run = reader.readElementText();
            paragraph += run;
            if (bold)
                text.boldRuns.append(run);
        } else if (reader.isEndElement() && name == u"p"_s) {
            text.paragraphs.append(paragraph);
        }
    }
    if (reader.hasError())
        text.error = reader.errorString();
    return text;
}

} // namespace

class TestConversationExportCore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void formats_parseTheirCliNames()
    {
        QCOMPARE(parseExportFormat(u"md"_s), ExportFormat::Markdown);
        QCOMPARE(parseExportFormat(u"Markdown"_s), ExportFormat::Markdown);
        QCOMPARE(parseExportFormat(u"DOCX"_s), ExportFormat::Docx);
        QCOMPARE(parseExportFormat(u"odt"_s), ExportFormat::Odt);
        QCOMPARE(parseExportFormat(u"pdf"_s), ExportFormat::Pdf);
        QVERIFY(!parseExportFormat(u"rtf"_s));
        QVERIFY(exportNeedsGui(ExportFormat::Pdf) && exportNeedsGui(ExportFormat::Odt));
        QVERIFY(!exportNeedsGui(ExportFormat::Markdown) && !exportNeedsGui(ExportFormat::Docx));
    }

    void markdown_hasHeaderActivePathAndSources()
    {
        QTemporaryDir dir;
        const Sample sample = makeSample(dir.filePath(u"c.sqlite"_s));
        QVERIFY(!sample.conversation.id.isEmpty());
        const QString path = dir.filePath(u"out.md"_s);
        QVERIFY(ConversationExport(sample.conversation, sample.path).write(ExportFormat::Markdown, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QStringList lines = text.split(u'\n');
        QCOMPARE(lines.first(), u"# Wie hoch ist die Hundesteuer für den ersten Hund?"_s);
        QVERIFY(lines.contains(u"**Date:** "_s + sample.conversation.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)));
        QVERIFY2(lines.contains(u"**Protection class:** high"_s), qPrintable(text)); // raised by the follow-up
        QCOMPARE(text.count(u"\n## User · "_s), 2);
        QCOMPARE(text.count(u"\n## Assistant · "_s), 2);
        QVERIFY(text.contains(u"Ermäßigungen regelt § 5 [2]."_s));
        QVERIFY(lines.contains(u"- [1] hundesteuersatzung.pdf, p. 3"_s));
        QVERIFY(lines.contains(u"- [2] ermäßigungen.docx"_s));
        QVERIFY(text.contains(u"(stopped)"_s));
        QVERIFY(!text.contains(u"Verworfene"_s)); // the abandoned branch is not exported
        // Order: question, answer, sources, follow-up, stopped answer.
        QVERIFY(text.indexOf(u"156 Euro"_s) < text.indexOf(u"[1] hundesteuersatzung"_s));
        QVERIFY(text.indexOf(u"[2] ermäßigungen"_s) < text.indexOf(u"Listenhund"_s));
        QVERIFY(text.indexOf(u"Listenhund"_s) < text.indexOf(u"erhöhter"_s));
    }

    void docx_isAWordPackageWithTheText()
    {
        QTemporaryDir dir;
        Sample sample = makeSample(dir.filePath(u"c.sqlite"_s));
        QVERIFY(!sample.conversation.id.isEmpty());
        sample.path.last().content += QChar(0x0007) + u"<&>"_s; // a control character XML cannot carry
        const QString path = dir.filePath(u"out.docx"_s);
        const auto written = ConversationExport(sample.conversation, sample.path).write(ExportFormat::Docx, path);
        QVERIFY2(written, written ? "" : qPrintable(written.error().detail));

        QuaZip zip(path);
        QVERIFY(zip.open(QuaZip::mdUnzip));
        const QStringList entries = zip.getFileNameList();
        zip.close();
        for (const QString& part : {u"[Content_Types].xml"_s, u"_rels/.rels"_s, u"word/document.xml"_s,
                                    u"word/styles.xml"_s, u"word/_rels/document.xml.rels"_s})
            QVERIFY2(entries.contains(part), qPrintable(part));
        QVERIFY(zipEntry(path, u"[Content_Types].xml"_s).contains("wordprocessingml.document.main+xml"));
        QVERIFY(zipEntry(path, u"_rels/.rels"_s).contains("Target=\"word/document.xml\""));
        QVERIFY(QXmlStreamReader(zipEntry(path, u"word/styles.xml"_s)).readNextStartElement());

        const WordText text = wordText(zipEntry(path, u"word/document.xml"_s));
        QVERIFY2(text.error.isEmpty(), qPrintable(text.error));
        QCOMPARE(text.paragraphs.first(), u"Wie hoch ist die Hundesteuer für den ersten Hund?"_s);
        QCOMPARE(text.styles.first(), u"Title"_s);
        QCOMPARE(text.styles.count(u"Heading1"_s), 4);
        QVERIFY(text.paragraphs.contains(u"Protection class: high"_s));
        QVERIFY(text.paragraphs.contains(u"Für den ersten Hund beträgt die Steuer 156 Euro im Jahr [1]."_s));
        QVERIFY(text.paragraphs.contains(u"[1] hundesteuersatzung.pdf, p. 3"_s));
        QVERIFY(text.paragraphs.contains(u"Für gefährliche Hunde gilt ein erhöhter<&>"_s));
        QVERIFY(text.boldRuns.contains(u"User"_s) && text.boldRuns.contains(u"Assistant"_s));
        QVERIFY(text.boldRuns.contains(u"Protection class:"_s));
        QVERIFY(!text.paragraphs.join(u'\n').contains(u"Verworfene"_s));
    }

    void guiFormats_withoutGuiApplication_areUnavailable()
    {
        QTemporaryDir dir;
        const Sample sample = makeSample(dir.filePath(u"c.sqlite"_s));
        for (const auto format : {ExportFormat::Odt, ExportFormat::Pdf}) {
            const QString path = dir.filePath(u"out."_s + exportFormatName(format));
            const auto result = ConversationExport(sample.conversation, sample.path).write(format, path);
            QVERIFY(!result);
            QCOMPARE(result.error().code, genius::common::ErrorCode::Unavailable);
            QVERIFY(!QFile::exists(path));
        }
    }

    void unwritableTarget_isAnIoErrorAndLeavesNoFile()
    {
        QTemporaryDir dir;
        const Sample sample = makeSample(dir.filePath(u"c.sqlite"_s));
        const QString path = dir.filePath(u"missing/folder/out.md"_s);
        const auto result = ConversationExport(sample.conversation, sample.path).write(ExportFormat::Markdown, path);
        QVERIFY(!result);
        QCOMPARE(result.error().code, genius::common::ErrorCode::Io);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestConversationExportCore)
#include "tst_conversationexportcore.moc"
