#include "app/genius/application.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication qtApplication(argc, argv);
    genius::app::Application application;
    return application.run();
}
