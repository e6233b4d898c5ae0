#pragma once

#include "controlhandler.h"
#include "outcome.h"
#include "requestlog.h"

#include <QObject>

namespace genius::sim {

class FaultRegistry;
class HttpConnection;
class KeyRing;
class ModelCatalog;
struct SimModel;

/// Settings of the router that come from the command line.
struct RouterSettings {
    int chunkDelayMs = 5;
    bool liteLlmExtensions = true;
};

/// Decides the answer to every request: control endpoints, authentication, the protection
/// class, schema validation, model, clearance, budget and faults, in that order; logs one
/// line per gateway request and hands the answer to the connection.
class Router final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Router)

public:
    Router(const RouterSettings& settings, const ModelCatalog& catalog, KeyRing& keys, FaultRegistry& faults,
           RequestLog& log, QObject* parent = nullptr);

    void handle(HttpConnection* connection, const HttpRequest& request);

private:
    struct Auth {
        QString key;
        bool known = false;
    };
    Outcome route(const HttpRequest& request, LogEntry& entry);
    Outcome routeCatalog(const HttpRequest& request, LogEntry& entry, const Auth& auth);
    Outcome routeInference(const HttpRequest& request, LogEntry& entry, bool chat, const QString& pathModel,
                           const Auth& auth);
    Outcome applyFaultOrAnswer(const HttpRequest& request, LogEntry& entry, const QJsonObject& body,
                               const SimModel& model, const Auth& auth, bool chat);
    Auth authenticate(const HttpRequest& request, LogEntry& entry) const;
    void execute(HttpConnection* connection, Outcome outcome, const QByteArray& requestId);

    RouterSettings m_settings;
    const ModelCatalog& m_catalog;
    KeyRing& m_keys;
    FaultRegistry& m_faults;
    RequestLog& m_log;
    ControlHandler m_control;
    quint64 m_sequence = 0;     ///< numbers chat completion ids
    quint64 m_requestCount = 0; ///< numbers generated request ids
};

} // namespace genius::sim
