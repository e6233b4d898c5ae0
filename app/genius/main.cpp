#include "app/genius/application.h"
#include "core/common/processenvironment.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    genius::common::ensureOcrThreadLimit(argv);
    genius::common::disableCoreDumps();
    QApplication qtApplication(argc, argv);
    genius::app::Application application;
    return application.run();
}
