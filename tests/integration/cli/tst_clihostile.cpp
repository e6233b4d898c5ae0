// The hostile-input catalogue in one `genius-cli import` batch, as a careless or malicious upload
// would bring it: empty, random-noise, truncated and encrypted PDFs, a DOCX whose one entry inflates
// to 1.5 GB, a DOCX with a zip-slip entry name, a 20,000 x 20,000 pixel image, a 2,000-page PDF and a
// Windows-1252 text file, between good files. Each bad file gets one sentence, the good ones (and
// the big PDF and the old text file) are imported, and the import's peak memory stays under 2 GB.
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

const QString kCli = QStringLiteral(GENIUS_CLI_PATH);
constexpr qint64 kPeakLimitKb = 2LL * 1024 * 1024; // 2 GB

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A DOCX: the content types, and `document` written by `write` in as many pieces as it likes.
bool writeDocx(const QString& path, const QString& documentName, const std::function<bool(QIODevice&)>& write)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    const auto entry = [&zip](const QString& name, const std::function<bool(QIODevice&)>& body) {
        QuaZipFile file(&zip);
        return file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)) && body(file) && (file.close(), file.getZipError() == 0);
    };
    const bool ok = entry(u"[Content_Types].xml"_s, [](QIODevice& out) {
                        return out.write(R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                                         R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)") > 0;
                    })
        && entry(documentName, write);
    zip.close();
    return ok && zip.getZipError() == 0;
}

bool writeXml(QIODevice& out, const QByteArray& text)
{
    return out.write(R"(<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>)"
                     + text + "</w:t></w:r></w:p></w:body></w:document>")
        > 0;
}

// 1.5 GB of one letter inside the paragraph, streamed: a few MB once deflated.
bool writeBomb(QIODevice& out)
{
    if (out.write(R"(<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>)") <= 0)
        return false;
    const QByteArray block(8 * 1024 * 1024, 'a');
    for (int i = 0; i < 192; ++i) { // 192 x 8 MB = 1.5 GB
        if (out.write(block) != block.size())
            return false;
    }
    return out.write("</w:t></w:r></w:p></w:body></w:document>") > 0;
}

bool writeLongPdf(const QString& path, int pages)
{
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QPainter painter(&writer);
    if (!painter.isActive())
        return false;
    painter.setFont(QFont(u"DejaVu Sans"_s, 10));
    for (int page = 1; page <= pages; ++page) {
        if (page > 1)
            writer.newPage();
        painter.drawText(40, 80, u"§ %1 Aufbewahrung der Akten des Jahrgangs %2"_s.arg(page).arg(1900 + page % 120));
        painter.drawText(40, 100, u"Die Akten werden nach Ablauf der Frist dem Landesarchiv angeboten."_s);
    }
    return painter.end();
}

} // namespace

class TestCliHostile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostileBatch_eachBadFileOneSentence_goodFilesImported_peakUnder2GB()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto file = [&dir](const QString& name) { return dir.filePath(name); };

        QVERIFY(writeFile(file(u"leer.pdf"_s), {}));
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(4711);
        for (char& byte : noise)
            byte = static_cast<char>(generator.bounded(256));
        QVERIFY(writeFile(file(u"rauschen.pdf"_s), noise));
        QVERIFY(writeLongPdf(file(u"vorlage.pdf"_s), 3));
        QFile whole(file(u"vorlage.pdf"_s));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QVERIFY(writeFile(file(u"abgeschnitten.pdf"_s), whole.readAll().left(whole.size() / 2)));
        QVERIFY(QFile::copy(QStringLiteral(GENIUS_DOCUMENTS_FIXTURES "/encrypted.pdf"), file(u"verschluesselt.pdf"_s)));
        QVERIFY(writeDocx(file(u"bombe.docx"_s), u"word/document.xml"_s, writeBomb));
        QVERIFY(QFileInfo(file(u"bombe.docx"_s)).size() < 16 * 1024 * 1024);
        QVERIFY(writeDocx(file(u"ausbruch.docx"_s), u"../../evil.xml"_s,
                          [](QIODevice& out) { return writeXml(out, "Ausbruch"); }));
        QImage huge(20000, 20000, QImage::Format_Mono);
        huge.fill(1);
        QVERIFY(huge.save(file(u"riesig.png"_s), "PNG"));
        QVERIFY(writeLongPdf(file(u"aktenplan.pdf"_s), 2000));
        QVERIFY(writeFile(file(u"alt.txt"_s), QByteArray("Geb\xfc") + "hrenbescheid f\xfc" "r Herrn M\xfc" "ller, Stra\xdf" "e 5\n"));
        QVERIFY(writeFile(file(u"gut.md"_s), "# Satzung\n\n## § 1 Zweck\n\nDie Satzung regelt die Gebühren der Gemeinde.\n"));

        const QStringList bad{u"leer.pdf"_s,   u"rauschen.pdf"_s, u"abgeschnitten.pdf"_s, u"verschluesselt.pdf"_s,
                              u"bombe.docx"_s, u"ausbruch.docx"_s, u"riesig.png"_s};
        const QStringList good{u"gut.md"_s, u"aktenplan.pdf"_s, u"alt.txt"_s};
        QStringList arguments{u"--profile"_s, dir.filePath(u"profil"_s), u"--json"_s, u"import"_s};
        for (const QString& name : bad + good)
            arguments.append(file(name));

        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, dir.path());
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        cli.setProcessEnvironment(environment);
        cli.start(kCli, arguments);
        QVERIFY(cli.waitForFinished(280000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        const QString errors = QString::fromUtf8(cli.readAllStandardError());
        const QJsonArray results = QJsonDocument::fromJson(cli.readAllStandardOutput()).array();
        QCOMPARE(cli.exitCode(), 2); // some files failed

        // Peak resident memory of the import (the largest child this test has waited for).
        rusage usage{};
        QCOMPARE(getrusage(RUSAGE_CHILDREN, &usage), 0);
        qInfo("peak memory of the import: %ld MB", usage.ru_maxrss / 1024);
        QVERIFY2(usage.ru_maxrss < kPeakLimitKb, qPrintable(u"%1 MB"_s.arg(usage.ru_maxrss / 1024)));

        QCOMPARE(results.size(), bad.size() + good.size());
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue& value : results)
            byName.insert(value[u"name"_s].toString(), value.toObject());
        for (const QString& name : bad) {
            const QJsonObject result = byName.value(name);
            QVERIFY2(result.value(u"status"_s).toString() == u"failed"_s, qPrintable(name));
            QVERIFY2(!result.value(u"error"_s).toString().isEmpty(), qPrintable(name));
            QVERIFY2(errors.count(name) == 1, qPrintable(name + u": "_s + errors)); // one sentence per file
        }
        QVERIFY(byName.value(u"verschluesselt.pdf"_s).value(u"error"_s).toString().contains(u"encrypted"_s));
        QVERIFY(byName.value(u"bombe.docx"_s).value(u"error"_s).toString().contains(u"size limit"_s));
        QVERIFY(byName.value(u"riesig.png"_s).value(u"error"_s).toString().contains(u"20000 × 20000"_s));
        for (const QString& name : good)
            QVERIFY2(byName.value(name).value(u"status"_s).toString() == u"ready"_s, qPrintable(name + u": "_s + errors));
        QCOMPARE(byName.value(u"aktenplan.pdf"_s).value(u"pages"_s).toInt(), 2000);

        // The old text file was read as Windows-1252: its umlauts are intact in the index.
        const qint64 oldText = byName.value(u"alt.txt"_s).value(u"id"_s).toInteger();
        QProcess text;
        text.setProcessEnvironment(environment);
        text.start(kCli, {u"--profile"_s, dir.filePath(u"profil"_s), u"text"_s, u"--document"_s, QString::number(oldText)});
        QVERIFY(text.waitForFinished(30000));
        QVERIFY(QString::fromUtf8(text.readAllStandardOutput()).contains(u"Gebührenbescheid für Herrn Müller, Straße 5"_s));
    }
};

QTEST_MAIN(TestCliHostile)
#include "tst_clihostile.moc"
