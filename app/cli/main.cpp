#include "app/cli/cliapplication.h"
#include "app/cli/conversationscommand.h"
#include "core/common/appinfo.h"
#include "core/common/logging.h"
#include "core/common/processenvironment.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

namespace {

QtMessageHandler g_previousHandler = nullptr;

// Export needs no runtime directory, yet a QGuiApplication warns when XDG_RUNTIME_DIR is
// unset (cron jobs, containers, CI); that line would be all of the command's stderr.
void withoutRuntimeDirWarning(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    g_previousHandler(type, context, message);
}

} // namespace

int main(int argc, char* argv[])
{
    genius::common::ensureOcrThreadLimit(argv);
    genius::common::disableCoreDumps();
    QStringList rawArguments;
    for (int i = 1; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    // Only ODT/PDF export lays out text with Qt Gui; every other command stays on a
    // QCoreApplication, which needs no display and loads no platform plugin.
    std::unique_ptr<QCoreApplication> app;
    if (genius::cli::needsGuiApplication(rawArguments)) {
#ifdef Q_OS_LINUX
        // Nothing is shown: the offscreen platform works without a display server.
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
        g_previousHandler = qInstallMessageHandler(withoutRuntimeDirWarning);
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    genius::common::applyApplicationInfo();
    genius::common::installLogFormat();
    genius::cli::CliApplication cli;
    return cli.exec(QCoreApplication::arguments().mid(1));
}
