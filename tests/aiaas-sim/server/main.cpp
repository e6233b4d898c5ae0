// genius-aiaas-sim: a deterministic AIaaS gateway simulator on loopback, the test peer of the
// gateway client and the demo's gateway. Never part of the product's code path.
#include "faultregistry.h"
#include "keyring.h"
#include "modelcatalog.h"
#include "requestlog.h"
#include "router.h"
#include "simoptions.h"
#include "simserver.h"

#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace genius::sim;

namespace {

volatile std::sig_atomic_t stopRequested = 0;

extern "C" void onStopSignal(int)
{
    stopRequested = 1;
}

int fail(const QString& message)
{
    std::fprintf(stderr, "genius-aiaas-sim: %s\n", message.toLocal8Bit().constData());
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"genius-aiaas-sim"_s);
    const std::expected<SimOptions, QString> options = parseOptions(QCoreApplication::arguments());
    if (!options)
        return fail(options.error());
    if (options->showHelp) {
        std::fputs(options->helpText.toLocal8Bit().constData(), stdout);
        return 0;
    }

    const ModelCatalog catalog;
    KeyRing keys(options->keys);
    FaultRegistry faults;
    if (!options->fault.isEmpty())
        faults.setPermanent(options->fault, options->faultParams);
    RequestLog log(options->logPath, options->logBodies);
    QString error;
    if (!log.open(&error))
        return fail(error);
    Router router(RouterSettings{options->chunkDelayMs, !options->strictOpenAi}, catalog, keys, faults, log);
    SimServer server(router);
    if (!server.listen(options->address, options->port, &error))
        return fail(u"cannot listen on port %1: %2"_s.arg(options->port).arg(error));

    // Signal handlers may only set a flag; the event loop polls it and shuts down cleanly.
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
#ifdef SIGPIPE
    std::signal(SIGPIPE, SIG_IGN);
#endif
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &app, [&server] {
        if (stopRequested) {
            server.shutdown();
            QCoreApplication::quit();
        }
    });
    stopPoll.start(50);

    std::printf("listening on %s\n", options->baseUrl(server.port()).toUtf8().constData());
    std::fflush(stdout);
    return app.exec();
}
