#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

namespace genius::sim {

class Router;

/// Accepts loopback connections and hands each request to the router.
class SimServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimServer)

public:
    explicit SimServer(Router& router, QObject* parent = nullptr);

    /// Binds the address; false with a reason if that fails.
    bool listen(const QHostAddress& address, quint16 port, QString* error);
    quint16 port() const { return m_server.serverPort(); }
    /// Stops accepting and drops every open connection (streams included).
    void shutdown();

private:
    void acceptConnections();

    Router& m_router;
    QTcpServer m_server;
};

} // namespace genius::sim
