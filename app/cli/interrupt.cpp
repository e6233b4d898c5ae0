#include "app/cli/interrupt.h"

#include <QPointer>
#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace genius::cli {

#ifdef Q_OS_UNIX
namespace {
int g_signalPipe[2] = {-1, -1};

void writeSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}
} // namespace

void onInterrupt(QObject* context, std::function<void()> handler)
{
    // The self-pipe trick: the handler only writes a byte; Qt reads it on the event loop.
    if (g_signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [handler] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalPipe[0], &byte, 1);
        handler();
    });
    struct sigaction action {};
    action.sa_handler = writeSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}
#else
void onInterrupt(QObject*, std::function<void()>)
{
    // Windows: the console's Ctrl+C ends the process; the gateway sees a closed socket.
}
#endif

} // namespace genius::cli
