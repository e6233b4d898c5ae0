// silent_secret_service [LOG_FILE]
//
// A Secret Service that never answers, for tst_keychain_timeout: it owns org.freedesktop.secrets
// on the session bus, receives every method call on every object path (Properties and
// Introspect included) and replies to none of them, neither with a result nor with an error.
// Each received call is appended to LOG_FILE as "interface.member path", so the test can prove
// that its requests really reached this service. Prints "ready" once the name is owned.

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QFile>

#include <cstdio>

namespace {

class SilentObject final : public QDBusVirtualObject
{
public:
    explicit SilentObject(const QString& logPath)
        : m_log(logPath)
    {
        if (!logPath.isEmpty() && !m_log.open(QIODevice::WriteOnly | QIODevice::Append))
            std::fprintf(stderr, "silent_secret_service: cannot open %s\n", qPrintable(logPath));
    }

    QString introspect(const QString& path) const override
    {
        Q_UNUSED(path)
        return {};
    }

    bool handleMessage(const QDBusMessage& message, const QDBusConnection& connection) override
    {
        Q_UNUSED(connection)
        if (m_log.isOpen()) {
            m_log.write((message.interface() + QLatin1Char('.') + message.member() + QLatin1Char(' ')
                         + message.path() + QLatin1Char('\n'))
                            .toUtf8());
            m_log.flush();
        }
        // Handled, and deliberately never answered: the caller waits until its own timeout.
        return true;
    }

private:
    QFile m_log;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        std::fprintf(stderr, "silent_secret_service: no session bus: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    SilentObject object(arguments.value(1));
    if (!bus.registerVirtualObject(QStringLiteral("/"), &object, QDBusConnection::SubPath)) {
        std::fprintf(stderr, "silent_secret_service: cannot register the object tree\n");
        return 1;
    }
    if (!bus.registerService(QStringLiteral("org.freedesktop.secrets"))) {
        std::fprintf(stderr, "silent_secret_service: cannot own org.freedesktop.secrets: %s\n",
                     qPrintable(bus.lastError().message()));
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}
