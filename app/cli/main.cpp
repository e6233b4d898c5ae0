#include "app/cli/cliapplication.h"
#include "core/common/appinfo.h"
#include "core/common/logging.h"
#include "core/common/processenvironment.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    genius::common::ensureOcrThreadLimit(argv);
    QCoreApplication app(argc, argv);
    genius::common::applyApplicationInfo();
    genius::common::installLogFormat();
    genius::cli::CliApplication cli;
    return cli.exec(QCoreApplication::arguments().mid(1));
}
