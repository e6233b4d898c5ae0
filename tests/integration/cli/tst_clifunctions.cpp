// The five functions from the command line against the gateway simulator: ask and research
// with citations mapped to the right pages, the plain "no evidence" answer, map-reduce
// summaries anchored to pages, drafts from templates, the main agent, and the local-only
// mode in which nothing reaches the simulator.
#include "fixture/simulatorprocess.h"
#include "support/textpdf.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject object() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};


const QStringList kSatzungPages = {
    u"Hundesteuersatzung der Gemeinde Musterstadt. Die Hundesteuer beträgt für den ersten Hund 96 Euro im Jahr. "
    "Für jeden weiteren Hund beträgt die Hundesteuer 144 Euro im Jahr. Die Hundesteuer wird am 1. Juli eines jeden "
    "Jahres fällig. Von der Hundesteuer befreit sind Blindenführhunde und Hunde, die zur Hilfe hilfloser Personen "
    "notwendig sind. Die Anmeldung eines Hundes erfolgt innerhalb von zwei Wochen nach der Aufnahme beim Steueramt."_s,
    u"Abfallgebührensatzung der Gemeinde Musterstadt. Die Restmülltonne wird alle zwei Wochen geleert. Die Gebühr "
    "für eine Restmülltonne mit 120 Litern beträgt 180 Euro im Jahr. Die Biotonne wird wöchentlich geleert und kostet "
    "60 Euro im Jahr. Sperrmüll wird auf Antrag zweimal im Jahr gebührenfrei abgeholt. Die Gebühren werden "
    "vierteljährlich mit dem Grundbesitzabgabenbescheid erhoben."_s,
    u"Satzung über Bewohnerparkausweise. Einen Bewohnerparkausweis erhalten Personen mit Hauptwohnsitz im "
    "Parkgebiet. Der Bewohnerparkausweis kostet 30 Euro und gilt ein Jahr. Der Antrag wird beim Bürgerbüro gestellt; "
    "beizufügen sind der Personalausweis und der Fahrzeugschein. Für jedes Fahrzeug wird ein eigener "
    "Bewohnerparkausweis ausgestellt."_s,
};

const QStringList kPersonalPages = {
    u"Personalakte Erika Mustermann. Die Beamtin wurde am 3. März 2019 zur Regierungsinspektorin ernannt. "
    "Ihre Beurteilung für den Zeitraum 2021 bis 2023 lautet auf übertrifft die Anforderungen."_s,
    u"Die Beamtin hat eine Nebentätigkeit als Dozentin an der Fachhochschule angezeigt. Die Nebentätigkeit "
    "wurde am 12. Mai 2024 genehmigt und ist auf acht Stunden im Monat begrenzt."_s,
};

QString normalized(QString text)
{
    return text.simplified();
}

/// The simulator quotes source sentences verbatim: what an answer point says without its
/// preamble and citations.
QString quotedSentence(const QString& point)
{
    QString text = point;
    text.remove(u"Gemäß den bereitgestellten Quellen:"_s);
    text.remove(QRegularExpression(u"\\s*\\[[\\d, ]+\\]"_s));
    text.remove(QRegularExpression(u"^\\s*-\\s*"_s));
    return normalized(text).chopped(text.trimmed().endsWith(u'.') ? 1 : 0).trimmed();
}

int chatRequests(const QList<QJsonObject>& log)
{
    int count = 0;
    for (const QJsonObject& entry : log)
        count += entry.value(u"path"_s).toString().endsWith(u"/chat/completions"_s) ? 1 : 0;
    return count;
}

} // namespace

class TestCliFunctions final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<genius::sim::SimulatorProcess> m_sim;
    QString m_profile;
    QString m_satzung;
    QString m_personal;
    qint64 m_satzungId = 0;
    qint64 m_personalId = 0;
    QStringList m_pageTexts; ///< of the Satzung, as the index extracted them

    Run run(const QStringList& arguments, const QString& endpoint = QString(), const QByteArray& input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.path());
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"GENIUS_API_KEY"_s, genius::sim::SimulatorProcess::defaultKey());
        environment.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        process.setProcessEnvironment(environment);
        QStringList all{u"--profile"_s, m_profile, u"--endpoint"_s,
                        endpoint.isEmpty() ? m_sim->baseUrl().toString() : endpoint};
        process.start(QStringLiteral(GENIUS_CLI_PATH), all + arguments);
        process.write(input);
        process.closeWriteChannel();
        Run result;
        if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit)
            result.exitCode = process.exitCode();
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    Run json(const QStringList& arguments, const QString& endpoint = QString(), const QByteArray& input = {})
    {
        return run(QStringList{u"--json"_s} + arguments, endpoint, input);
    }

    /// Every cited source: its page exists, its text is on that page, and the sentence the
    /// simulator quoted with [n] stands in source n.
    void verifyCitations(const QJsonObject& answer, const QString& textField = u"answer"_s)
    {
        const QJsonArray sources = answer.value(u"sources"_s).toArray();
        QVERIFY2(!sources.isEmpty(), QJsonDocument(answer).toJson().constData());
        for (const QJsonValue& source : sources) {
            QCOMPARE(source[u"document"_s].toInteger(), m_satzungId);
            const int page = source[u"page"_s].toInt();
            QVERIFY(page >= 1 && page <= m_pageTexts.size());
            const QString excerpt = normalized(source[u"text"_s].toString()).left(60);
            QVERIFY2(normalized(m_pageTexts.at(page - 1)).contains(excerpt), qPrintable(excerpt));
        }
        const QJsonArray points = answer.value(u"points"_s).toArray();
        int checked = 0;
        for (const QJsonValue& point : points) {
            const QJsonArray cited = point[u"sources"_s].toArray();
            if (cited.isEmpty())
                continue;
            const QString sentence = quotedSentence(point[u"text"_s].toString());
            const QString sourceText = normalized(sources.at(cited.first().toInt() - 1)[u"text"_s].toString());
            QVERIFY2(sourceText.contains(sentence), qPrintable(sentence + u" ⟂ "_s + sourceText));
            ++checked;
        }
        QVERIFY2(checked > 0, qPrintable(answer.value(textField).toString()));
    }

    QList<int> sourcePages(const QJsonObject& answer)
    {
        QList<int> pages;
        for (const QJsonValue& source : answer.value(u"sources"_s).toArray())
            pages.append(source[u"page"_s].toInt());
        return pages;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_home.setAutoRemove(qEnvironmentVariableIsEmpty("GENIUS_KEEP_TEST_DIR")); // for debugging a failure
        m_sim = std::make_unique<genius::sim::SimulatorProcess>(QStringList{u"--log-bodies"_s});
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->errorString()));
        m_profile = m_home.filePath(u"profile"_s);
        m_satzung = m_home.filePath(u"satzungen.pdf"_s);
        m_personal = m_home.filePath(u"personalakte.pdf"_s);
        QVERIFY(genius::test::writeTextPdf(m_satzung, kSatzungPages));
        QVERIFY(genius::test::writeTextPdf(m_personal, kPersonalPages));

        // Lexical indexing only (no gateway while importing): the functions are under test here.
        const Run satzung = run({u"import"_s, u"--collection"_s, u"satzungen"_s, m_satzung}, u"http://127.0.0.1:1/v1"_s);
        QCOMPARE(satzung.exitCode, 0);
        m_satzungId = satzung.out.trimmed().toLongLong();
        QVERIFY2(m_satzungId > 0, qPrintable(satzung.err));
        const Run personal = run({u"import"_s, u"--class"_s, u"very-high"_s, u"--collection"_s, u"personal"_s,
                                  m_personal});
        QCOMPARE(personal.exitCode, 0);
        m_personalId = personal.out.trimmed().toLongLong();
        QVERIFY(m_personalId > 0);
        for (int page = 1; page <= kSatzungPages.size(); ++page) {
            const Run text = run({u"text"_s, u"--document"_s, QString::number(m_satzungId), u"--page"_s, QString::number(page)});
            QCOMPARE(text.exitCode, 0);
            m_pageTexts.append(text.out);
        }
        QVERIFY(m_pageTexts.at(2).contains(u"Bewohnerparkausweis"_s));
    }

    void init()
    {
        m_sim->reset();
        QCOMPARE(run({u"settings"_s, u"reset"_s, u"gateway/contextWindows"_s}).exitCode, 0);
    }

    void ask_wholeDocument_citesTheRightPage()
    {
        const int before = chatRequests(m_sim->logEntries());
        const Run asked = json({u"ask"_s, u"--document"_s, QString::number(m_satzungId),
                                u"Wie hoch ist die Hundesteuer für einen weiteren Hund?"_s});
        QCOMPARE(asked.exitCode, 0);
        const QJsonObject answer = asked.object();
        QCOMPARE(answer[u"local"_s].toBool(), false);
        QCOMPARE(answer[u"model"_s].toString(), u"sim-sovereign"_s); // normal → sovereign cloud
        QCOMPARE(answer[u"class"_s].toString(), u"normal"_s);
        QVERIFY(answer[u"answer"_s].toString().contains(u"144 Euro"_s));
        verifyCitations(answer);
        QVERIFY(sourcePages(answer).contains(1));
        QVERIFY(!sourcePages(answer).contains(3));
        const auto log = m_sim->logEntries();
        QCOMPARE(chatRequests(log), before + 1);
        // The whole (short) document went in: all three pages are in the request, marked as data.
        const QString body = QString::fromUtf8(QJsonDocument(log.last()[u"body"_s].toObject()).toJson());
        QVERIFY(body.contains(u"Bewohnerparkausweis"_s));
        QVERIFY(body.contains(u"<<<QUELLEN"_s));
        QCOMPARE(log.last()[u"protection_class"_s].toString(), u"normal"_s);
    }

    void ask_documentBeyondTheContext_retrievesWithinIt()
    {
        // 768 tokens: the three pages (about 550) no longer fit beside the prompt and the answer.
        QCOMPARE(run({u"settings"_s, u"set"_s, u"gateway/contextWindows"_s, u"*=768"_s}).exitCode, 0);
        const Run asked = json({u"ask"_s, u"--document"_s, QString::number(m_satzungId),
                                u"Wo wird ein Bewohnerparkausweis beantragt und was ist beizufügen?"_s});
        QCOMPARE(asked.exitCode, 0);
        const QJsonObject answer = asked.object();
        QVERIFY2(!answer[u"sources"_s].toArray().isEmpty(), qPrintable(asked.out + asked.err));
        verifyCitations(answer);
        QVERIFY(sourcePages(answer).contains(3));
        const auto log = m_sim->logEntries();
        const QString body = QString::fromUtf8(QJsonDocument(log.last()[u"body"_s].toObject()).toJson());
        QVERIFY(!body.contains(u"Restmülltonne"_s)); // only the retrieved passages went out
        QCOMPARE(log.last()[u"body"_s].toObject()[u"max_tokens"_s].toInt(), 768 / 4); // the answer's share
    }

    void research_answersAcrossTheCollectionWithCitations()
    {
        const Run researched = json({u"research"_s, u"--collection"_s, u"satzungen"_s,
                                     u"Wie oft wird die Restmülltonne geleert und was kostet sie?"_s});
        QCOMPARE(researched.exitCode, 0);
        const QJsonObject answer = researched.object();
        QCOMPARE(answer[u"evidence"_s].toBool(), true);
        verifyCitations(answer);
        QVERIFY(sourcePages(answer).contains(2));
    }

    void research_withoutEvidence_saysSoAndAsksNoModel()
    {
        const int before = chatRequests(m_sim->logEntries());
        const Run researched = json({u"research"_s, u"--collection"_s, u"satzungen"_s,
                                     u"Welche Förderung gibt es für die Mondlandung von Raketen?"_s});
        QCOMPARE(researched.exitCode, 0);
        const QJsonObject answer = researched.object();
        QCOMPARE(answer[u"evidence"_s].toBool(), false);
        QVERIFY(answer[u"sources"_s].toArray().isEmpty());
        QCOMPARE(answer[u"answer"_s].toString(), u"The collections contain no evidence for this question."_s);
        QCOMPARE(answer[u"requests"_s].toInt(), 0);
        QCOMPARE(chatRequests(m_sim->logEntries()), before);
        const Run text = run({u"research"_s, u"--collection"_s, u"satzungen"_s, u"Mondlandung von Raketen?"_s});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.trimmed(), u"The collections contain no evidence for this question."_s);
        // Staff read it in German.
        QCOMPARE(run({u"settings"_s, u"set"_s, u"ui/language"_s, u"de"_s}).exitCode, 0);
        const Run german = run({u"research"_s, u"--collection"_s, u"satzungen"_s, u"Mondlandung von Raketen?"_s});
        QCOMPARE(run({u"settings"_s, u"reset"_s, u"ui/language"_s}).exitCode, 0);
        QCOMPARE(german.out.trimmed(), u"Die Kollektionen enthalten keine Belege zu dieser Frage."_s);
    }

    void veryHigh_isAnsweredLocally_andTheSimulatorSeesNothing()
    {
        const qsizetype before = m_sim->logLineCount();
        const Run asked = json({u"ask"_s, u"--document"_s, QString::number(m_personalId),
                                u"Wann wurde die Nebentätigkeit genehmigt?"_s});
        QCOMPARE(asked.exitCode, 0);
        const QJsonObject answer = asked.object();
        QCOMPARE(answer[u"local"_s].toBool(), true);
        QCOMPARE(answer[u"local_reason"_s].toString(), u"very-high"_s);
        QVERIFY(answer[u"model"_s].isNull());
        const QJsonArray sources = answer[u"sources"_s].toArray();
        QVERIFY(!sources.isEmpty());
        QCOMPARE(sources.first()[u"page"_s].toInt(), 2);
        QVERIFY(sources.first()[u"text"_s].toString().contains(u"12. Mai 2024"_s));

        const Run researched = json({u"research"_s, u"--collection"_s, u"personal"_s, u"Beurteilung der Beamtin"_s});
        QCOMPARE(researched.exitCode, 0);
        QCOMPARE(researched.object()[u"local"_s].toBool(), true);
        QCOMPARE(researched.object()[u"sources"_s].toArray().first()[u"page"_s].toInt(), 1);

        const Run summary = json({u"summarize"_s, u"--document"_s, QString::number(m_personalId), u"--length"_s, u"short"_s});
        QCOMPARE(summary.exitCode, 0);
        QCOMPARE(summary.object()[u"local"_s].toBool(), true);
        QVERIFY(!summary.object()[u"points"_s].toArray().isEmpty());
        QVERIFY(!summary.object()[u"summary"_s].toString().isEmpty());

        // Asked together with a normal document, the request carries the highest class: very-high.
        const Run both = json({u"ask"_s, u"--document"_s, u"%1,%2"_s.arg(m_satzungId).arg(m_personalId),
                               u"Wann wurde die Nebentätigkeit genehmigt?"_s});
        QCOMPARE(both.exitCode, 0);
        QCOMPARE(both.object()[u"local"_s].toBool(), true);
        QCOMPARE(both.object()[u"class"_s].toString(), u"very-high"_s);
        QCOMPARE(both.object()[u"sources"_s].toArray().first()[u"document"_s].toInteger(), m_personalId);

        const Run text = run({u"ask"_s, u"--document"_s, QString::number(m_personalId), u"Nebentätigkeit?"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.err.contains(u"very-high never leaves this workstation"_s));

        const Run drafted = run({u"generate"_s, u"--template"_s, u"vermerk"_s, u"--document"_s,
                                 QString::number(m_personalId)});
        QCOMPARE(drafted.exitCode, 3);
        QCOMPARE(m_sim->logLineCount(), before); // not one request, not even the catalogue
    }

    void unreachableGateway_answersLocally()
    {
        const Run asked = json({u"ask"_s, u"--document"_s, QString::number(m_satzungId), u"Hundesteuer für den ersten Hund"_s},
                               u"http://127.0.0.1:1/v1"_s);
        QCOMPARE(asked.exitCode, 0);
        QCOMPARE(asked.object()[u"local"_s].toBool(), true);
        QCOMPARE(asked.object()[u"local_reason"_s].toString(), u"unreachable"_s);
        QCOMPARE(asked.object()[u"sources"_s].toArray().first()[u"page"_s].toInt(), 1);
    }

    void summarize_mapReduce_anchorsEveryPointToPages()
    {
        QCOMPARE(run({u"settings"_s, u"set"_s, u"gateway/contextWindows"_s, u"*=1024"_s}).exitCode, 0);
        const int before = chatRequests(m_sim->logEntries());
        const Run summary = json({u"summarize"_s, u"--document"_s, QString::number(m_satzungId), u"--aspect"_s,
                                  u"Gebühr"_s, u"--length"_s, u"short"_s});
        QCOMPARE(summary.exitCode, 0);
        const QJsonObject answer = summary.object();
        QCOMPARE(answer[u"local"_s].toBool(), false);
        const int requests = answer[u"requests"_s].toInt();
        QVERIFY2(requests >= 3, qPrintable(summary.out)); // at least two parts, then the whole
        QCOMPARE(chatRequests(m_sim->logEntries()), before + requests);
        const QJsonArray sources = answer[u"sources"_s].toArray();
        QVERIFY(!sources.isEmpty());
        for (const QJsonValue& source : sources) {
            const int page = source[u"page"_s].toInt();
            QVERIFY(page >= 1 && page <= 3);
            // A reduced point keeps the page of the passage its sentence came from.
            const QString sentence = quotedSentence(source[u"text"_s].toString());
            QVERIFY2(normalized(m_pageTexts.at(page - 1)).contains(sentence), qPrintable(sentence));
        }
        QVERIFY(sourcePages(answer).contains(2)); // the Gebühr sentences are on page 2
    }

    void summarize_pastedText_fromStandardInput()
    {
        const QByteArray text = kSatzungPages.at(1).toUtf8();
        const Run summary = json({u"summarize"_s, u"--aspect"_s, u"Biotonne"_s, u"-"_s}, QString(), text);
        QCOMPARE(summary.exitCode, 0);
        const QJsonObject answer = summary.object();
        QVERIFY(answer[u"summary"_s].toString().contains(u"Biotonne"_s));
        QVERIFY(answer[u"sources"_s].toArray().first()[u"page"_s].isNull());
    }

    void generate_draftsFromTemplateAndBulletPoints()
    {
        const Run list = json({u"generate"_s, u"--list"_s});
        QCOMPARE(list.exitCode, 0);
        QStringList names;
        for (const QJsonValue& entry : QJsonDocument::fromJson(list.out.toUtf8()).array())
            names.append(entry[u"name"_s].toString());
        for (const QString& name : {u"buergeranfrage"_s, u"protokoll"_s, u"vermerk"_s, u"beschlussvorlage"_s})
            QVERIFY2(names.contains(name), qPrintable(names.join(u',')));

        const QByteArray bullets = "- Anfrage von Herrn Schmidt zur Hundesteuer\n- zweiter Hund kostet 144 Euro\n";
        const Run drafted = json({u"generate"_s, u"--template"_s, u"buergeranfrage"_s, u"--tone"_s, u"citizen"_s, u"-"_s},
                                 QString(), bullets);
        QCOMPARE(drafted.exitCode, 0);
        QVERIFY(!drafted.object()[u"text"_s].toString().isEmpty());
        const auto log = m_sim->logEntries();
        const QString body = QString::fromUtf8(QJsonDocument(log.last()[u"body"_s].toObject()).toJson());
        QVERIFY(body.contains(u"Herrn Schmidt"_s));
        QVERIFY(body.contains(u"bürgerfreundlich"_s));

        const Run unknown = run({u"generate"_s, u"--template"_s, u"gibtsnicht"_s, u"-"_s}, QString(), bullets);
        QCOMPARE(unknown.exitCode, 2);
    }

    void route_recognisesTheFunctionAndSaysWhy()
    {
        const qsizetype before = m_sim->logLineCount();
        const Run summary = json({u"route"_s, u"--document"_s, QString::number(m_satzungId), u"--local"_s,
                                  u"Fasse mir das Dokument bitte kurz zusammen"_s});
        QCOMPARE(summary.exitCode, 0);
        QCOMPARE(summary.object()[u"function"_s].toString(), u"summarize"_s);
        QVERIFY(!summary.object()[u"reason"_s].toString().isEmpty());
        const Run research = json({u"route"_s, u"--local"_s,
                                   u"Recherchiere in der Kollektion satzungen, was ein Bewohnerparkausweis kostet"_s});
        QCOMPARE(research.object()[u"function"_s].toString(), u"research"_s);
        QCOMPARE(research.object()[u"collection"_s].toString(), u"satzungen"_s);
        const Run ask = json({u"route"_s, u"--document"_s, QString::number(m_satzungId), u"--local"_s,
                              u"Was steht in dem Dokument zur Biotonne?"_s});
        QCOMPARE(ask.object()[u"function"_s].toString(), u"ask"_s);
        QCOMPARE(m_sim->logLineCount(), before); // --local never asks a model
        QCOMPARE(run({u"route"_s, u"--document"_s, u"999"_s, u"Hallo"_s}).exitCode, 2);
    }

    void route_uncertainChoice_asksTheModelButKeepsTheLocalOneOnAnUnclearReply()
    {
        const int before = chatRequests(m_sim->logEntries());
        const Run routed = json({u"route"_s, u"Kündigungsfrist im Mietrecht?"_s});
        QCOMPARE(routed.exitCode, 0);
        const QJsonObject outcome = routed.object();
        QCOMPARE(outcome[u"function"_s].toString(), u"chat"_s);
        QVERIFY(outcome[u"confidence"_s].toDouble() < 0.5);
        QCOMPARE(outcome[u"refined_by_model"_s].toBool(), true);
        QCOMPARE(chatRequests(m_sim->logEntries()), before + 1);
    }
};

QTEST_MAIN(TestCliFunctions)
#include "tst_clifunctions.moc"
