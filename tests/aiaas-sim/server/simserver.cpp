#include "simserver.h"

#include "httpconnection.h"
#include "router.h"

#include <QTcpSocket>

namespace genius::sim {

SimServer::SimServer(Router& router, QObject* parent)
    : QObject(parent)
    , m_router(router)
{
    connect(&m_server, &QTcpServer::newConnection, this, &SimServer::acceptConnections);
}

bool SimServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    if (m_server.listen(address, port))
        return true;
    *error = m_server.errorString();
    return false;
}

void SimServer::shutdown()
{
    m_server.close();
    const QList<HttpConnection*> connections = findChildren<HttpConnection*>(Qt::FindDirectChildrenOnly);
    for (HttpConnection* connection : connections)
        connection->abort();
}

void SimServer::acceptConnections()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto* connection = new HttpConnection(socket, this);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest& request) { m_router.handle(connection, request); });
    }
}

} // namespace genius::sim
