#pragma once

#include "core/domain/modelinfo.h"
#include "core/gateway/gatewayclient.h"
#include "core/gateway/protocol/chatstreamdecoder.h"
#include "core/gateway/protocol/gatewayerror.h"

#include <QJsonObject>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>

namespace genius::sim {
class SimulatorProcess;
}

namespace genius::test {

/// How one chat request against the simulator ended.
struct ChatOutcome {
    bool finished = false;
    std::optional<gateway::GatewayError> error;
    QString text;          ///< everything `delta` delivered
    QString partial;       ///< the partial text `failed` reported
    gateway::Usage usage;
    gateway::FinishReason reason = gateway::FinishReason::Unknown;
    int attempts = 0;
    int toolCalls = 0;
    QString reasoning;
    qint64 elapsedMs = 0;
};

/// A client configured for the simulator with short timeouts, for conformance tests.
gateway::GatewayConfig simulatorConfig(const sim::SimulatorProcess& simulator);

/// The model the tests send to: sim-sovereign, cleared up to normal.
domain::ModelInfo sovereignModel();

/// Sends one streamed (or not) chat request of class normal and waits for its end.
/// `cancelAfterFirstDelta` cancels as soon as text arrived; `cancelAfterMs` cancels after
/// that many milliseconds whatever happened.
ChatOutcome runChat(gateway::GatewayClient& client, const QString& prompt, bool stream = true,
                    bool cancelAfterFirstDelta = false, int cancelAfterMs = -1);

} // namespace genius::test
