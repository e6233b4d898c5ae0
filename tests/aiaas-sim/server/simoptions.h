#pragma once

#include "keyring.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <expected>

namespace genius::sim {

/// The command line of genius-aiaas-sim.
struct SimOptions {
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 4000;
    QList<KeySpec> keys;      ///< default: sim-demo-key, unlimited
    QString logPath;          ///< empty: no request log
    bool logBodies = false;
    QString fault;            ///< a fault applied to every matching request
    QJsonObject faultParams;
    int chunkDelayMs = 5;
    bool strictOpenAi = false; ///< reject LiteLLM extension fields (tags, metadata.tags)
    bool showHelp = false;
    QString helpText;

    /// "http://127.0.0.1:PORT/v1" for the bound port.
    QString baseUrl(quint16 boundPort) const;
};

/// Parses the arguments (including the program name); an error message for bad input, such as
/// a host that is not a loopback address.
std::expected<SimOptions, QString> parseOptions(const QStringList& arguments);

} // namespace genius::sim
