#include "core/services/templatelibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
namespace services = genius::services;
using services::TemplateLibrary;
using services::TextTemplate;

namespace {

const QStringList kBuiltIns { u"beschlussvorlage"_s, u"buergeranfrage"_s, u"protokoll"_s, u"vermerk"_s };

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(content);
}

QStringList names(const QList<TextTemplate>& templates)
{
    QStringList result;
    for (const TextTemplate& t : templates)
        result << t.name;
    return result;
}

const TextTemplate* byName(const QList<TextTemplate>& templates, const QString& name)
{
    for (const TextTemplate& t : templates) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

} // namespace

class TemplateLibraryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void builtIns_areEmbeddedAndComplete()
    {
        // Also proves the resource of the static library reaches an executable that links it.
        const QList<TextTemplate> templates = TemplateLibrary().templates();
        QCOMPARE(names(templates), kBuiltIns);
        for (const TextTemplate& t : templates) {
            QVERIFY2(t.builtIn, qPrintable(t.name));
            QCOMPARE(t.path, u":/templates/%1.md"_s.arg(t.name));
            QVERIFY2(!t.title.isEmpty() && !t.description.isEmpty(), qPrintable(t.name));
            QVERIFY2(!t.body.startsWith(u"---"_s), qPrintable(t.name));
            // Every template tells the model not to invent facts and how to mark gaps.
            QVERIFY2(t.body.contains(u"[bitte ergänzen]"_s), qPrintable(t.name));
            QVERIFY2(t.body.contains(u"Erfinde keine Fakten"_s), qPrintable(t.name));
            QVERIFY2(t.body.contains(u"[Datum"_s) && t.body.contains(u"[Aktenzeichen]"_s), qPrintable(t.name));
        }
        QCOMPARE(byName(templates, u"buergeranfrage"_s)->title, u"Antwort auf eine Bürgeranfrage"_s);
        QCOMPARE(byName(templates, u"protokoll"_s)->title, u"Ergebnisprotokoll"_s);
        QCOMPARE(byName(templates, u"vermerk"_s)->title, u"Aktenvermerk"_s);
        QCOMPARE(byName(templates, u"beschlussvorlage"_s)->title, u"Beschlussvorlage"_s);
        QVERIFY(byName(templates, u"buergeranfrage"_s)->body.contains(u"Mit freundlichen Grüßen"_s));
        QVERIFY(byName(templates, u"beschlussvorlage"_s)->body.contains(u"Beschlussvorschlag"_s));
    }

    void find_returnsBuiltInAndRejectsUnknownOrUnsafeNames()
    {
        const TemplateLibrary library;
        const std::optional<TextTemplate> vermerk = library.find(u"vermerk"_s);
        QVERIFY(vermerk);
        QCOMPARE(vermerk->title, u"Aktenvermerk"_s);
        QVERIFY(!library.find(u"pressemitteilung"_s));
        QVERIFY(!library.find(u"../vermerk"_s));
        QVERIFY(!library.find(u"Vermerk"_s));
        QVERIFY(!library.find(QString()));
    }

    void overrideDirectory_replacesBuiltInAndAddsNew()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(u"vermerk.md"_s),
            "---\ntitle: Vermerk (Amt 61)\ndescription: Unser Hausformat.\n---\nSchreibe einen Vermerk im Format des "
            "Amtes 61.\n");
        writeFile(dir.filePath(u"pressemitteilung.md"_s),
            "---\ntitle: Pressemitteilung\ndescription: Eine Meldung für die Presse.\n---\nEntwirf eine "
            "Pressemitteilung.\n");
        writeFile(dir.filePath(u"notizen.txt"_s), "not a template");
        const TemplateLibrary library({ dir.path() });
        const QList<TextTemplate> templates = library.templates();
        QCOMPARE(names(templates),
            (QStringList {
                u"beschlussvorlage"_s, u"buergeranfrage"_s, u"pressemitteilung"_s, u"protokoll"_s, u"vermerk"_s }));
        const TextTemplate* vermerk = byName(templates, u"vermerk"_s);
        QCOMPARE(vermerk->title, u"Vermerk (Amt 61)"_s);
        QVERIFY(!vermerk->builtIn);
        QCOMPARE(
            QFileInfo(vermerk->path).canonicalFilePath(), QFileInfo(dir.filePath(u"vermerk.md"_s)).canonicalFilePath());
        QCOMPARE(vermerk->body, u"Schreibe einen Vermerk im Format des Amtes 61."_s);
        QCOMPARE(library.find(u"vermerk"_s)->title, u"Vermerk (Amt 61)"_s);
        QCOMPARE(library.find(u"pressemitteilung"_s)->description, u"Eine Meldung für die Presse."_s);
        QVERIFY(library.find(u"protokoll"_s)->builtIn);
    }

    void userDirectory_isSearchedBeforeMachineDirectory()
    {
        QTemporaryDir user;
        QTemporaryDir machine;
        QVERIFY(user.isValid() && machine.isValid());
        writeFile(user.filePath(u"protokoll.md"_s), "---\ntitle: Mein Protokoll\n---\nMeine Vorgaben.\n");
        writeFile(
            machine.filePath(u"protokoll.md"_s), "---\ntitle: Protokoll der Behörde\n---\nVorgaben der Behörde.\n");
        writeFile(machine.filePath(u"vermerk.md"_s), "---\ntitle: Vermerk der Behörde\n---\nVorgaben der Behörde.\n");
        const TemplateLibrary library({ user.path(), machine.path() });
        QCOMPARE(library.find(u"protokoll"_s)->title, u"Mein Protokoll"_s);
        QCOMPARE(library.find(u"vermerk"_s)->title, u"Vermerk der Behörde"_s);
        const QList<TextTemplate> templates = library.templates();
        QCOMPARE(byName(templates, u"protokoll"_s)->title, u"Mein Protokoll"_s);
        QCOMPARE(byName(templates, u"vermerk"_s)->title, u"Vermerk der Behörde"_s);
    }

    void invalidFiles_areSkippedWithAWarning()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath(u"vermerk.md"_s), "Ein Vermerk ohne Front Matter.\n");
        writeFile(dir.filePath(u"protokoll.md"_s), "---\ndescription: ohne Titel\n---\nText.\n");
        writeFile(dir.filePath(u"leer.md"_s), "");
        writeFile(dir.filePath(u"binaer.md"_s), QByteArray("\x00\xff\xfe---\x01", 8));
        writeFile(dir.filePath(u"riesig.md"_s), "---\ntitle: Riesig\n---\n" + QByteArray(300 * 1024, 'x'));
        writeFile(dir.filePath(u"Bad Name.md"_s), "---\ntitle: Schlechter Name\n---\nText.\n");
        QVERIFY(QDir(dir.path()).mkdir(u"ordner.md"_s)); // a directory named like a template
        const QRegularExpression skipped(u"template file skipped"_s);
        for (int i = 0; i < 6; ++i)
            QTest::ignoreMessage(QtWarningMsg, skipped);
        const TemplateLibrary library({ dir.path() });
        const QList<TextTemplate> templates = library.templates();
        // The broken overrides fall back to the built-ins; nothing else appears.
        QCOMPARE(names(templates), kBuiltIns);
        QVERIFY(byName(templates, u"vermerk"_s)->builtIn);
        QVERIFY(byName(templates, u"protokoll"_s)->builtIn);
        QTest::ignoreMessage(QtWarningMsg, skipped);
        QVERIFY(library.find(u"vermerk"_s)->builtIn);
        QTest::ignoreMessage(QtWarningMsg, skipped);
        QVERIFY(!library.find(u"riesig"_s));
    }

    void missingOverrideDirectory_isIgnored()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const TemplateLibrary library({ dir.filePath(u"gibt-es-nicht"_s), QString() });
        QCOMPARE(names(library.templates()), kBuiltIns);
    }

    void exportBuiltIns_writesEditableFilesAndKeepsExistingOnes()
    {
        QTemporaryDir profile;
        QVERIFY(profile.isValid());
        const QString directory = TemplateLibrary::userDirectory(profile.path());
        QCOMPARE(directory, profile.path() + u"/templates"_s);
        QVERIFY(QDir().mkpath(directory));
        const QByteArray mine = "---\ntitle: Mein Vermerk\n---\nMeine Fassung.\n";
        writeFile(directory + u"/vermerk.md"_s, mine);

        const TemplateLibrary builtIn;
        QCOMPARE(builtIn.exportBuiltIns(directory),
            (QStringList { u"beschlussvorlage"_s, u"buergeranfrage"_s, u"protokoll"_s }));
        QFile kept(directory + u"/vermerk.md"_s);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), mine);
        QVERIFY(builtIn.exportBuiltIns(directory).isEmpty()); // a second export overwrites nothing

        // The exported copies are the built-ins, writable, and an edit takes effect.
        const QString exported = directory + u"/protokoll.md"_s;
        QVERIFY(QFileInfo(exported).isWritable());
        const TemplateLibrary library({ directory });
        QCOMPARE(library.find(u"protokoll"_s)->body, builtIn.find(u"protokoll"_s)->body);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QString text = QString::fromUtf8(file.readAll());
        text.replace(u"title: Ergebnisprotokoll"_s, u"title: Ergebnisprotokoll (bearbeitet)"_s);
        file.resize(0);
        file.write(text.toUtf8());
        file.close();
        QCOMPARE(library.find(u"protokoll"_s)->title, u"Ergebnisprotokoll (bearbeitet)"_s);
        QVERIFY(!library.find(u"protokoll"_s)->builtIn);
    }

    void exportBuiltIns_intoANewNestedDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString nested = dir.filePath(u"a/b/templates"_s);
        QCOMPARE(TemplateLibrary().exportBuiltIns(nested), kBuiltIns);
        QCOMPARE(names(TemplateLibrary({ nested }).templates()), kBuiltIns);
    }

    void parseTemplate_readsFrontMatterAndBody()
    {
        const auto t = services::parseTemplate(u"x"_s,
            u"\uFEFF\r\n---\r\ntitle: \"Bescheid\"\r\nversion: 2\r\n"
            u"description: 'Ein Satz.'\r\n---\r\n\r\nZeile 1\r\nZeile 2\r\n\r\n"_s);
        QVERIFY(t);
        QCOMPARE(t->name, u"x"_s);
        QCOMPARE(t->title, u"Bescheid"_s);
        QCOMPARE(t->description, u"Ein Satz."_s);
        QCOMPARE(t->body, u"Zeile 1\nZeile 2"_s);
        // A colon in a value is kept; the description is optional.
        const auto colon = services::parseTemplate(u"y"_s, u"---\ntitle: Vorlage: Rat\n---\nText"_s);
        QVERIFY(colon);
        QCOMPARE(colon->title, u"Vorlage: Rat"_s);
        QVERIFY(colon->description.isEmpty());
    }

    void parseTemplate_rejectsFilesWithoutUsableFrontMatter()
    {
        QVERIFY(!services::parseTemplate(u"x"_s, u"title: Ohne Striche\nText"_s));
        QVERIFY(!services::parseTemplate(u"x"_s, u"---\ntitle: Nicht geschlossen\nText"_s));
        QVERIFY(!services::parseTemplate(u"x"_s, u"---\ndescription: Kein Titel\n---\nText"_s));
        QVERIFY(!services::parseTemplate(u"x"_s, u"---\ntitle:   \n---\nText"_s));
        QVERIFY(!services::parseTemplate(u"x"_s, u"---\ntitle: Ohne Inhalt\n---\n\n"_s));
        QVERIFY(!services::parseTemplate(u"x"_s, QString()));
    }
};

QTEST_GUILESS_MAIN(TemplateLibraryTest)
#include "tst_templatelibrary.moc"
