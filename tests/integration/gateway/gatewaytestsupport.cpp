#include "gatewaytestsupport.h"

#include "core/gateway/chatstream.h"
#include "core/security/protectionguard.h"
#include "fixture/simulatorprocess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QUuid>

namespace genius::test {

using namespace std::chrono_literals;

gateway::GatewayConfig simulatorConfig(const sim::SimulatorProcess& simulator)
{
    gateway::GatewayConfig config;
    config.baseUrl = simulator.baseUrl();
    config.firstByteTimeout = 1500ms;
    config.idleTimeout = 1500ms;
    config.retryBase = 100ms;
    config.maxRetryWait = 3s;
    return config;
}

domain::ModelInfo sovereignModel()
{
    domain::ModelInfo model;
    model.id = QStringLiteral("sim-sovereign");
    model.clearance = domain::ProtectionClass::Normal;
    model.location = domain::ModelLocation::SovereignCloud;
    return model;
}

ChatOutcome runChat(gateway::GatewayClient& client, const QString& prompt, bool stream, bool cancelAfterFirstDelta,
                    int cancelAfterMs)
{
    ChatOutcome outcome;
    const security::ProtectionGuard guard;
    const auto decision = guard.decide({security::Endpoint::ChatCompletions, domain::ProtectionClass::Normal, {}},
                                       sovereignModel());
    if (!decision)
        return outcome;
    gateway::ChatRequest request;
    request.stream = stream;
    request.maxTokens = 400;
    request.messages = {{QStringLiteral("user"), prompt}};

    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QObject owner;
    gateway::ChatStream* chat = client.chat(*decision, request, QUuid::createUuid().toString(QUuid::WithoutBraces), &owner);
    QObject::connect(chat, &gateway::ChatStream::delta, &loop, [&](const QString& piece) {
        outcome.text += piece;
        if (cancelAfterFirstDelta)
            chat->cancel();
    });
    QObject::connect(chat, &gateway::ChatStream::finished, &loop,
                     [&](const gateway::Usage& usage, gateway::FinishReason reason) {
                         outcome.finished = true;
                         outcome.usage = usage;
                         outcome.reason = reason;
                         loop.quit();
                     });
    QObject::connect(chat, &gateway::ChatStream::failed, &loop,
                     [&](const gateway::GatewayError& error, const QString& partial) {
                         outcome.error = error;
                         outcome.partial = partial;
                         loop.quit();
                     });
    if (cancelAfterMs >= 0)
        QTimer::singleShot(cancelAfterMs, chat, [chat] { chat->cancel(); });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit); // a hang fails the test, never the suite
    if (!chat->isDone())
        loop.exec();
    outcome.attempts = chat->attempts();
    outcome.toolCalls = static_cast<int>(chat->decoder().toolCalls().size());
    outcome.reasoning = chat->decoder().reasoning();
    outcome.elapsedMs = clock.elapsed();
    return outcome;
}

} // namespace genius::test
