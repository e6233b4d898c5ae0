// ODT and PDF export through Qt Gui's text engine (offscreen), checked by reading the
// files back with QuaZip and Poppler.
#include "conversationsample.h"

#include "core/storage/conversationexport.h"

#include <QGuiApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <poppler-qt6.h>
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

QString pdfText(const QString& path, int* pages = nullptr)
{
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
    if (!document || document->isLocked())
        return {};
    QString text;
    for (int i = 0; i < document->numPages(); ++i) {
        if (const std::unique_ptr<Poppler::Page> page = document->page(i))
            text += page->text(QRectF()) + u'\n';
    }
    if (pages)
        *pages = document->numPages();
    return text;
}

} // namespace

class TestConversationExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(qobject_cast<QGuiApplication*>(QCoreApplication::instance()));
    }

    void odt_holdsTheTextInContentXml()
    {
        QTemporaryDir dir;
        const Sample sample = makeSample(dir.filePath(u"c.sqlite"_s));
        QVERIFY(!sample.conversation.id.isEmpty());
        const QString path = dir.filePath(u"out.odt"_s);
        const auto written = ConversationExport(sample.conversation, sample.path).write(ExportFormat::Odt, path);
        QVERIFY2(written, written ? "" : qPrintable(written.error().detail));
        QCOMPARE(zipEntry(path, u"mimetype"_s), QByteArray("application/vnd.oasis.opendocument.text"));
        const QString content = QString::fromUtf8(zipEntry(path, u"content.xml"_s));
        QVERIFY(!content.isEmpty());
        QVERIFY(content.contains(u"Wie hoch ist die Hundesteuer für den ersten Hund?"_s));
        QVERIFY(content.contains(u"Protection class:"_s));
        QVERIFY(content.contains(u"Ermäßigungen regelt § 5 [2]."_s));
        QVERIFY(content.contains(u"[1] hundesteuersatzung.pdf, p. 3"_s));
        QVERIFY(content.contains(u"Für gefährliche Hunde gilt ein erhöhter"_s));
        QVERIFY(!content.contains(u"Verworfene"_s));
    }

    void pdf_textIsExtractableWithPoppler()
    {
        QTemporaryDir dir;
        Sample sample = makeSample(dir.filePath(u"c.sqlite"_s));
        QVERIFY(!sample.conversation.id.isEmpty());
        const QString path = dir.filePath(u"out.pdf"_s);
        const auto written = ConversationExport(sample.conversation, sample.path).write(ExportFormat::Pdf, path);
        QVERIFY2(written, written ? "" : qPrintable(written.error().detail));
        int pages = 0;
        const QString text = pdfText(path, &pages).simplified();
        QCOMPARE(pages, 1);
        for (const QString& expected :
             {u"Wie hoch ist die Hundesteuer für den ersten Hund?"_s, u"Protection class: high"_s,
              u"156 Euro im Jahr [1]."_s, u"[1] hundesteuersatzung.pdf, p. 3"_s, u"[2] ermäßigungen.docx"_s,
              u"Und für einen Listenhund?"_s, u"(stopped)"_s})
            QVERIFY2(text.contains(expected), qPrintable(expected + u" missing in: "_s + text));
        QVERIFY(!text.contains(u"Verworfene"_s));

        const std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
        QCOMPARE(document->info(u"Title"_s), sample.conversation.title);
    }

    void pdf_longConversation_flowsOntoMorePages()
    {
        QTemporaryDir dir;
        Sample sample = makeSample(dir.filePath(u"c.sqlite"_s));
        QVERIFY(!sample.conversation.id.isEmpty());
        QStringList lines;
        for (int i = 1; i <= 150; ++i)
            lines.append(u"Zeile %1 der langen Antwort über Gebührenbescheide."_s.arg(i));
        sample.path[1].content = lines.join(u'\n');
        const QString path = dir.filePath(u"long.pdf"_s);
        QVERIFY(ConversationExport(sample.conversation, sample.path).write(ExportFormat::Pdf, path));
        int pages = 0;
        const QString text = pdfText(path, &pages);
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        QVERIFY(text.contains(u"Zeile 1 der"_s));
        QVERIFY(text.contains(u"Zeile 150 der"_s));
    }
};

QTEST_MAIN(TestConversationExport)
#include "tst_conversationexport.moc"
