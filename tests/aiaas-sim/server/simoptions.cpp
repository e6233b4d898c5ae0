#include "simoptions.h"

#include "faultregistry.h"

#include <QCommandLineParser>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace genius::sim {

QString SimOptions::baseUrl(quint16 boundPort) const
{
    QString host = address.toString();
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    return u"http://%1:%2/v1"_s.arg(host).arg(boundPort);
}

std::expected<SimOptions, QString> parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Deterministic AIaaS gateway simulator on loopback (OpenAI-compatible, LiteLLM-style extras). "
        u"Control endpoints: POST /sim/fault {\"name\",\"times\",\"params\"}, POST /sim/reset, GET /sim/faults."_s);
    const QCommandLineOption help({u"h"_s, u"help"_s}, u"Show this help."_s);
    const QCommandLineOption port(u"port"_s, u"Port to listen on; 0 picks a free one (default 4000)."_s, u"N"_s, u"4000"_s);
    const QCommandLineOption host(u"host"_s, u"Loopback address to bind (default 127.0.0.1)."_s, u"HOST"_s, u"127.0.0.1"_s);
    const QCommandLineOption key(u"key"_s, u"Accepted API key, optionally with a budget in EUR; repeatable "
                                           u"(default: sim-demo-key, unlimited)."_s, u"KEY[:budget=EUR]"_s);
    const QCommandLineOption log(u"log"_s, u"Append one JSON line per request to FILE."_s, u"FILE"_s);
    const QCommandLineOption logBodies(u"log-bodies"_s, u"Also log request bodies."_s);
    const QCommandLineOption fault(u"fault"_s, u"Apply fault NAME to every matching request."_s, u"NAME"_s);
    const QCommandLineOption faultParams(u"fault-params"_s, u"JSON parameters of --fault."_s, u"JSON"_s);
    const QCommandLineOption chunkDelay(u"chunk-delay-ms"_s, u"Pause between stream chunks (default 5)."_s, u"MS"_s, u"5"_s);
    const QCommandLineOption strict(u"strict-openai"_s, u"Reject LiteLLM extension fields (tags, metadata.tags)."_s);
    parser.addOptions({help, port, host, key, log, logBodies, fault, faultParams, chunkDelay, strict});
    if (!parser.parse(arguments))
        return std::unexpected(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return std::unexpected(u"unexpected argument: %1"_s.arg(parser.positionalArguments().first()));

    SimOptions options;
    if (parser.isSet(help)) {
        options.showHelp = true;
        options.helpText = parser.helpText();
        return options;
    }
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        return std::unexpected(u"--port: expected 0..65535"_s);
    options.port = static_cast<quint16>(portNumber);

    QString hostText = parser.value(host);
    if (hostText == u"localhost")
        hostText = u"127.0.0.1"_s;
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    options.address = QHostAddress(hostText);
    if (options.address.isNull() || !options.address.isLoopback())
        return std::unexpected(u"--host: %1 is not a loopback address; the simulator binds loopback only"_s.arg(parser.value(host)));

    for (const QString& spec : parser.values(key)) {
        const std::optional<KeySpec> parsed = parseKeySpec(spec);
        if (!parsed)
            return std::unexpected(u"--key: expected KEY or KEY:budget=EUR"_s);
        options.keys.append(*parsed);
    }
    if (options.keys.isEmpty())
        options.keys.append(KeySpec{u"sim-demo-key"_s, std::nullopt});

    options.logPath = parser.value(log);
    options.logBodies = parser.isSet(logBodies);
    options.strictOpenAi = parser.isSet(strict);
    const int delay = parser.value(chunkDelay).toInt(&ok);
    if (!ok || delay < 0)
        return std::unexpected(u"--chunk-delay-ms: expected a non-negative number"_s);
    options.chunkDelayMs = delay;

    options.fault = parser.value(fault);
    if (!options.fault.isEmpty() && !FaultRegistry::find(options.fault))
        return std::unexpected(u"--fault: unknown fault \"%1\""_s.arg(options.fault));
    if (parser.isSet(faultParams)) {
        const QJsonDocument document = QJsonDocument::fromJson(parser.value(faultParams).toUtf8());
        if (!document.isObject())
            return std::unexpected(u"--fault-params: expected a JSON object"_s);
        options.faultParams = document.object();
    }
    return options;
}

} // namespace genius::sim
