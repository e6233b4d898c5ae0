// genius-bench: measurements that print one JSON line per result. Each subcommand lives in
// its own file; add a row to kCommands to add one.
#include "benchcommands.h"
#include "benchreport.h"
#include "core/common/processenvironment.h"

#include <QCoreApplication>
#ifdef GENIUS_BENCH_UI
#include <QApplication>
#endif

#include <memory>

#include <cstdio>
#include <cstring>

namespace {

struct Command {
    const char* name;
    const char* usage;
    int (*run)(const QStringList& arguments);
};

const Command kCommands[] = {
    { "vector-search", "--chunks N --dim D [--queries Q] [--k K] [--threads T] [--recall-queries R]",
        genius::bench::vectorSearch },
    { "retrieval", "[--corpus DIR] [--sweep] [--failures]", genius::bench::retrieval },
    { "legal-retrieval", "[--laws DIR] [--questions FILE] [--details] [--all-laws]", genius::bench::legalRetrieval },
    { "evidence-gate", "[--laws DIR] [--questions FILE] [--unanswerable FILE] [--details]",
        genius::bench::evidenceGate },
    { "tokenizer", "[--laws DIR]", genius::bench::tokenizer },
    { "import-pdf", "[--dir DIR]", genius::bench::importPdf },
    { "import-ocr", "[--dir DIR]", genius::bench::importOcr },
    { "store-publish", "[--laws DIR] [--count N] [--dim D]", genius::bench::storePublish },
    { "report", "--results FILE --machine FILE", genius::bench::report },
    { "search-latency", "[--chunks N] [--rounds R] [--laws DIR] [--questions FILE]", genius::bench::searchLatency },
#ifdef GENIUS_BENCH_UI
    { "stream-render", "[--tokens N] [--tokens-per-render K]", genius::bench::streamRender },
    { "startup", "", genius::bench::startup },
#endif
};

/// The commands that draw need a GUI application (offscreen by default).
bool needsGui(const QString& command)
{
    return command == QLatin1String("stream-render") || command == QLatin1String("startup");
}

int usage()
{
    std::fprintf(stderr, "usage: genius-bench <command> [options]\n");
    for (const Command& command : kCommands)
        std::fprintf(stderr, "  %s %s\n", command.name, command.usage);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    // OCR runs one engine per core: OpenMP must be limited before the runtime loads.
    genius::common::ensureOcrThreadLimit(argv);
    // QSQLITE and the event-loop-free Qt classes the subcommands use need an application object.
    const bool gui = argc > 1 && needsGui(QString::fromLocal8Bit(argv[1]));
#ifdef GENIUS_BENCH_UI
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = gui ? std::make_unique<QApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
#else
    std::unique_ptr<QCoreApplication> app = std::make_unique<QCoreApplication>(argc, argv);
#endif
    Q_UNUSED(gui)
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty())
        return usage();
    for (const Command& command : kCommands) {
        if (arguments.front() == QLatin1String(command.name))
            return command.run(arguments.mid(1));
    }
    return usage();
}
