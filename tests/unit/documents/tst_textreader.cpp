#include "core/documents/documentreader.h"
#include "documentstesthelpers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace genius::documents;
using namespace Qt::StringLiterals;

namespace {

struct Opened {
    std::unique_ptr<DocumentReader> reader;
    PageText page;
};

// Writes `bytes` as `name` into `dir`, opens it and reads its one page.
Opened openBytes(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    if (!testing::writeFile(path, bytes))
        return {};
    auto reader = openDocument(path);
    if (!reader)
        return {};
    auto page = (*reader)->readPage(1, genius::common::CancellationToken());
    if (!page)
        return {};
    return Opened { std::move(*reader), *page };
}

} // namespace

class TestTextReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void utf8WithBom_losesBom()
    {
        QTemporaryDir dir;
        const Opened opened = openBytes(dir, u"bom.txt"_s, "\xEF\xBB\xBF" + u"Grüße aus Düsseldorf, § 35"_s.toUtf8());
        QVERIFY(opened.reader);
        QCOMPARE(opened.reader->format(), u"text"_s);
        QCOMPARE(opened.page.text, u"Grüße aus Düsseldorf, § 35"_s);
    }

    void windows1252_isDecodedWhenNotUtf8()
    {
        QTemporaryDir dir;
        // "Grüße „Akte“ € 5 – §" in Windows-1252: invalid as UTF-8.
        const Opened opened = openBytes(dir, u"ansi.txt"_s,
            QByteArray("Gr\xFC\xDF"
                       "e \x84"
                       "Akte\x93 \x80 5 \x96 \xA7"));
        QVERIFY(opened.reader);
        QCOMPARE(opened.page.text, u"Grüße „Akte“ € 5 – §"_s);
    }

    void utf16WithBom_isDecoded()
    {
        QTemporaryDir dir;
        const QString text = u"Behörde\r\nStraße"_s;
        QByteArray bytes("\xFF\xFE");
        for (QChar c : text) {
            bytes.append(static_cast<char>(c.unicode() & 0xFF));
            bytes.append(static_cast<char>(c.unicode() >> 8));
        }
        const Opened opened = openBytes(dir, u"utf16.txt"_s, bytes);
        QVERIFY(opened.reader);
        QCOMPARE(opened.page.text, u"Behörde\nStraße"_s);
    }

    void plainText_isNormalisedAndDehyphenated()
    {
        QTemporaryDir dir;
        const Opened opened = openBytes(dir, u"plain.txt"_s,
            u"Der Verwal-\r\ntungsakt   ist\u00A0wirksam.\r\n\r\n\r\n\r\nNeuer Absatz.  \r\n"_s.toUtf8());
        QVERIFY(opened.reader);
        QCOMPARE(opened.page.text, u"Der Verwaltungsakt\nist wirksam.\n\nNeuer Absatz."_s);
        QVERIFY(!opened.reader->isPaged());
        QCOMPARE(opened.reader->pageCount(), 1);
        QVERIFY(opened.page.words.isEmpty());
    }

    void markdown_dropsFrontMatterKeepsHeadings()
    {
        QTemporaryDir dir;
        const QByteArray markdown
            = "---\nTitle: Gesetz über die Testverfahren\njurabk: TestG\n\n---\n\n"
              "# Gesetz über die Testverfahren (TestG)\n\n## § 1 Zweck\n\nDieses Gesetz regelt   Tests.\n";
        const Opened opened = openBytes(dir, u"testg.md"_s, markdown);
        QVERIFY(opened.reader);
        QCOMPARE(opened.reader->format(), u"markdown"_s);
        QCOMPARE(opened.reader->metadata().title, u"Gesetz über die Testverfahren"_s);
        QCOMPARE(opened.page.text,
            u"# Gesetz über die Testverfahren (TestG)\n\n## § 1 Zweck\n\nDieses Gesetz regelt Tests."_s);
    }

    void corpusMarkdown_keepsAllOfTheLaw()
    {
        const QString corpus = testing::corpusDir();
        if (corpus.isEmpty())
            QSKIP("The shared corpus is not available.");
        auto reader = openDocument(corpus + u"/gesetze/ifg.md"_s);
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->metadata().title, u"Gesetz zur Regelung des Zugangs zu Informationen des Bundes"_s);
        auto page = (*reader)->readPage(1, genius::common::CancellationToken());
        QVERIFY(page.has_value());
        QVERIFY(page->text.startsWith(u"# Gesetz zur Regelung des Zugangs zu Informationen des Bundes (IFG)"_s));
        QVERIFY(!page->text.contains(u"jurabk"_s));
        QVERIFY(page->text.contains(u"§ 1 Grundsatz"_s));
        QVERIFY(page->text.size() > 10000);
    }

    void html_becomesTextWithHeadingsAndLists()
    {
        QTemporaryDir dir;
        const QByteArray html
            = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Merkblatt &amp; Hinweise</title>"
              "<style>p { color: red; }</style><script>var geheim = 1;</script></head><body>"
              "<h1>Merkblatt</h1><p>Bitte beachten Sie &sect; 35 <b>VwVfG</b>.<br>Zweite Zeile</p>"
              "<h2>Fristen</h2><ul><li>eins</li><li>zwei</li></ul><p>Ende &ndash; Stra&szlig;e</p>"
              "<p>ungeschlossener <i>Absatz</body>";
        const Opened opened = openBytes(dir, u"merkblatt.html"_s, html);
        QVERIFY(opened.reader);
        QCOMPARE(opened.reader->format(), u"html"_s);
        QCOMPARE(opened.reader->metadata().title, u"Merkblatt & Hinweise"_s);
        QCOMPARE(opened.page.text,
            u"# Merkblatt\n\nBitte beachten Sie § 35 VwVfG.\nZweite Zeile\n\n## Fristen\n\n"
            "- eins\n\n- zwei\n\nEnde – Straße\n\nungeschlossener Absatz"_s);
        QVERIFY(!opened.page.text.contains(u"geheim"_s));
        QVERIFY(!opened.page.text.contains(u"color"_s));
    }

    void htmlDeclaringWindows1252_isDecodedWithIt()
    {
        QTemporaryDir dir;
        const QByteArray html
            = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
              "</head><body><p>Gr\xFC\xDF"
              "e \x80</p></body></html>";
        const Opened opened = openBytes(dir, u"alt.htm"_s, html);
        QVERIFY(opened.reader);
        QCOMPARE(opened.page.text, u"Grüße €"_s);
    }

    void readPage_rejectsOtherPagesAndCancellation()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"a.txt"_s);
        QVERIFY(testing::writeFile(path, "Text"));
        auto reader = openDocument(path);
        QVERIFY(reader.has_value());
        QCOMPARE((*reader)->readPage(2, {}).error().code, genius::common::ErrorCode::InvalidArgument);
        genius::common::CancellationToken token;
        token.cancel();
        QCOMPARE((*reader)->readPage(1, token).error().code, genius::common::ErrorCode::Cancelled);
    }
};

QTEST_MAIN(TestTextReader)
#include "tst_textreader.moc"
