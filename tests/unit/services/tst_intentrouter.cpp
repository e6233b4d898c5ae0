#include "core/services/intentrouter.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
namespace services = genius::services;
using services::AssistantFunction;
using services::RouteContext;
using services::RouteDecision;

namespace {

const QStringList kTemplates { u"buergeranfrage"_s, u"protokoll"_s, u"vermerk"_s, u"beschlussvorlage"_s };
const QStringList kCollections { u"Baurecht"_s, u"Vergaberichtlinien"_s, u"Dienstvereinbarungen"_s, u"Ratsbeschlüsse"_s,
    u"Satzungen"_s, u"Personalrecht"_s, u"Haushalt 2024"_s };

RouteDecision route(const QString& request, bool document = false, const QStringList& collections = {})
{
    return services::routeLocally(RouteContext { request, document, collections, kTemplates });
}

/// One line of router-requests.tsv.
struct Case {
    int line = 0;
    QString request;
    bool document = false;
    QStringList collections;
    QString expected;
    QString collection;
    QString templateName;
    QString aspect;
};

QList<Case> loadCases()
{
    QList<Case> cases;
    QFile file(QStringLiteral(GENIUS_SERVICES_TEST_DATA "/router-requests.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return cases;
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList columns = line.split(u'\t');
        if (columns.size() < 8)
            continue;
        Case c;
        c.line = number;
        c.request = columns[0];
        c.document = columns[1] == u"1";
        c.collections = columns[2] == u"*" ? kCollections : columns[2] == u"-" ? QStringList() : columns[2].split(u'|');
        c.expected = columns[3];
        c.collection = columns[4];
        c.templateName = columns[5];
        c.aspect = columns[6];
        cases.append(c);
    }
    return cases;
}

/// Empty expectation: not checked; "-": must be empty; else equal.
QString fieldMismatch(const char* field, const QString& expected, const QString& actual)
{
    if (expected.isEmpty())
        return {};
    const QString wanted = expected == u"-" ? QString() : expected;
    if (wanted == actual)
        return {};
    return QStringLiteral("%1 \"%2\" instead of \"%3\"").arg(QString::fromLatin1(field), actual, wanted);
}

} // namespace

class IntentRouterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void functionNames_roundTrip()
    {
        for (auto f : { AssistantFunction::Chat, AssistantFunction::Ask, AssistantFunction::Research,
                 AssistantFunction::Summarize, AssistantFunction::Generate })
            QCOMPARE(services::parseFunctionName(services::functionName(f)), f);
        QCOMPARE(services::functionName(AssistantFunction::Summarize), u"summarize"_s);
        QVERIFY(!services::parseFunctionName(u"summarise"_s));
        QVERIFY(!services::parseFunctionName(QString()));
    }

    void requestSet_everyCaseRoutesAsExpected()
    {
        const QList<Case> cases = loadCases();
        QVERIFY2(cases.size() >= 120, qPrintable(u"only %1 cases in router-requests.tsv"_s.arg(cases.size())));
        int correct = 0;
        QStringList failures;
        for (const Case& c : cases) {
            const RouteDecision d
                = services::routeLocally(RouteContext { c.request, c.document, c.collections, kTemplates });
            QStringList problems;
            if (services::functionName(d.function) != c.expected)
                problems << u"function %1 instead of %2"_s.arg(services::functionName(d.function), c.expected);
            for (const QString& p : { fieldMismatch("collection", c.collection, d.collection),
                     fieldMismatch("template", c.templateName, d.templateName),
                     fieldMismatch("aspect", c.aspect, d.aspect) }) {
                if (!p.isEmpty())
                    problems << p;
            }
            if (d.reason.isEmpty())
                problems << u"no reason"_s;
            if (problems.isEmpty())
                ++correct;
            else
                failures << u"line %1: %2 — %3 (%4)"_s.arg(c.line).arg(c.request, problems.join(u"; "_s), d.reason);
        }
        const double accuracy = 100.0 * correct / cases.size();
        qInfo().noquote()
            << u"router accuracy: %1 of %2 (%3 %)"_s.arg(correct).arg(cases.size()).arg(accuracy, 0, 'f', 1);
        for (const QString& f : std::as_const(failures))
            qInfo().noquote() << f;
        QVERIFY2(failures.isEmpty(), qPrintable(u"%1 requests routed wrongly"_s.arg(failures.size())));
    }

    void summaryRequest_reasonNamesTheCueAndAspect()
    {
        const RouteDecision d = route(u"Fasse den Vertrag im Hinblick auf Kündigungsfristen zusammen"_s, true);
        QCOMPARE(d.function, AssistantFunction::Summarize);
        QCOMPARE(d.aspect, u"Kündigungsfristen"_s);
        QVERIFY2(d.reason.contains(u"Fasse"_s) && d.reason.contains(u"zusammen"_s), qPrintable(d.reason));
        QVERIFY2(d.reason.contains(u"Kündigungsfristen"_s), qPrintable(d.reason));
        QVERIFY(d.confidence >= 0.5);
        QVERIFY(d.collection.isEmpty());
        QVERIFY(d.templateName.isEmpty());
    }

    void inflectedSummaryWords_allMatch()
    {
        for (const QString& request :
            { u"Fasse das bitte zusammen"_s, u"Kannst du das zusammenfassen?"_s, u"Eine Zusammenfassung, bitte."_s,
                u"Bitte zusammengefasst darstellen."_s, u"ZUSAMMENFASSUNG"_s, u"fasst ihr das zusammen?"_s }) {
            const RouteDecision d = route(request, true);
            QVERIFY2(d.function == AssistantFunction::Summarize, qPrintable(request));
        }
    }

    void umlautSpellings_foldToTheSameTemplate()
    {
        for (const QString& request :
            { u"Schreibe eine Antwort auf die Bürgeranfrage."_s, u"Schreibe eine Antwort auf die Buergeranfrage."_s,
                u"SCHREIBE EINE ANTWORT AUF DIE BÜRGERANFRAGE."_s }) {
            const RouteDecision d = route(request);
            QCOMPARE(d.function, AssistantFunction::Generate);
            QCOMPARE(d.templateName, u"buergeranfrage"_s);
        }
        QCOMPARE(route(u"Zwei Entwürfe für das Ergebnisprotokoll"_s).templateName, u"protokoll"_s);
        QCOMPARE(route(u"Zwei Entwuerfe für das Ergebnisprotokoll"_s).function, AssistantFunction::Generate);
    }

    void generateRequest_reasonNamesCueAndTemplate()
    {
        const RouteDecision d = route(u"Formuliere einen Aktenvermerk über das Telefonat"_s);
        QCOMPARE(d.function, AssistantFunction::Generate);
        QCOMPARE(d.templateName, u"vermerk"_s);
        QVERIFY2(d.reason.contains(u"Aktenvermerk"_s) && d.reason.contains(u"vermerk"_s), qPrintable(d.reason));
        QVERIFY(d.confidence >= 0.8);
    }

    void templateNotAvailable_isNotNamed()
    {
        // A template the caller does not offer is not chosen, but the request is still a draft.
        RouteContext context { u"Formuliere einen Vermerk zum Ortstermin"_s, false, {}, { u"protokoll"_s } };
        const RouteDecision d = services::routeLocally(context);
        QCOMPARE(d.function, AssistantFunction::Generate);
        QVERIFY(d.templateName.isEmpty());
    }

    void userTemplate_isRecognisedByItsName()
    {
        RouteContext context { u"Schreibe eine Pressemitteilung zur Eröffnung des Rathauses"_s, false, {},
            kTemplates + QStringList { u"pressemitteilung"_s } };
        const RouteDecision d = services::routeLocally(context);
        QCOMPARE(d.function, AssistantFunction::Generate);
        QCOMPARE(d.templateName, u"pressemitteilung"_s);
    }

    void namedCollection_isReturnedAsTheCollectionIsSpelled()
    {
        const RouteDecision d = route(u"was sagen die ratsbeschluesse zur grundsteuer"_s, false, kCollections);
        QCOMPARE(d.function, AssistantFunction::Research);
        QCOMPARE(d.collection, u"Ratsbeschlüsse"_s);
        QVERIFY2(d.reason.contains(u"Ratsbeschlüsse"_s), qPrintable(d.reason));
        QVERIFY(d.confidence >= 0.5);
    }

    void longestCollectionName_wins()
    {
        const QStringList collections { u"Haushalt"_s, u"Haushalt 2024"_s };
        QCOMPARE(route(u"Was steht im Haushalt 2024 zu Kitas?"_s, false, collections).collection, u"Haushalt 2024"_s);
        QCOMPARE(route(u"Was steht im Haushalt zu Kitas?"_s, false, collections).collection, u"Haushalt"_s);
    }

    void sameWordsWithoutCollection_stayChat()
    {
        // The same request is research only when the user has such a collection.
        QCOMPARE(route(u"Was sagt das Baurecht zu Grenzgaragen?"_s, false, kCollections).function,
            AssistantFunction::Research);
        QCOMPARE(route(u"Was sagt das Baurecht zu Grenzgaragen?"_s).function, AssistantFunction::Chat);
    }

    void attachedDocument_turnsAQuestionIntoAsk()
    {
        const QString question = u"Wer hat den Antrag unterschrieben?"_s;
        const RouteDecision with = route(question, true);
        QCOMPARE(with.function, AssistantFunction::Ask);
        QVERIFY(with.confidence >= 0.5);
        QVERIFY(!with.reason.isEmpty());
        QCOMPARE(route(question, false).function, AssistantFunction::Chat);
    }

    void pageReference_isNamedInTheReason()
    {
        const RouteDecision d = route(u"Was steht auf Seite 3 zur Haftung?"_s, true);
        QCOMPARE(d.function, AssistantFunction::Ask);
        QVERIFY2(d.reason.contains(u"Seite 3"_s) || d.reason.contains(u"Was steht"_s), qPrintable(d.reason));
    }

    void noCue_guessesChatWithLowConfidence()
    {
        const RouteDecision d = route(u"Welche Vorteile hat Homeoffice für eine Kommunalverwaltung?"_s);
        QCOMPARE(d.function, AssistantFunction::Chat);
        QVERIFY(d.confidence < 0.5);
        QVERIFY(!d.reason.isEmpty());
        QVERIFY(d.collection.isEmpty() && d.templateName.isEmpty() && d.aspect.isEmpty());
        QVERIFY(route(QString()).confidence < 0.5);
        QCOMPARE(route(u"   "_s).function, AssistantFunction::Chat);
    }

    void negatedCue_isNotTaken()
    {
        const RouteDecision d
            = route(u"Keine Zusammenfassung, sondern einen Entwurf für ein Antwortschreiben."_s, true);
        QCOMPARE(d.function, AssistantFunction::Generate);
        QVERIFY2(!d.reason.contains(u"Zusammenfassung"_s), qPrintable(d.reason));
        QCOMPARE(route(u"Bitte nicht zusammenfassen, ich habe eine Frage: Wer ist zuständig?"_s, true).function,
            AssistantFunction::Ask);
    }

    void pastedText_doesNotOverrideTheInstruction()
    {
        // The pasted minutes say "Protokoll" and "Vermerk"; the instruction asks for a summary.
        const QString request = u"Bitte fasse zusammen:\nProtokoll der Sitzung vom 3. März. Es wurde vereinbart, "
                                u"einen Vermerk zu schreiben und die Beschlussvorlage bis Freitag zu verfassen. "
                                u"Frau Meier übernimmt den Entwurf."_s;
        const RouteDecision d = route(request, false);
        QCOMPARE(d.function, AssistantFunction::Summarize);
        QVERIFY(d.templateName.isEmpty());
    }
};

QTEST_GUILESS_MAIN(IntentRouterTest)
#include "tst_intentrouter.moc"
