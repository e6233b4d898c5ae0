#pragma once

#include "core/services/intentrouter.h"

#include <QObject>

#include <functional>

namespace genius::services {

class FunctionRunner;

/// The main agent's answer.
struct RouteOutcome {
    RouteDecision decision;
    bool refinedByModel = false; ///< a model was asked because the local choice was uncertain
    QString model;               ///< the model asked, if any
};

/// The main agent: recognises the function locally first; only when that choice is
/// uncertain (confidence below 0.5) and a cleared model is reachable does it ask the model,
/// and it keeps the local choice whenever the model's reply is not one of the five names.
/// Works without any gateway.
class RouteService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RouteService)

public:
    explicit RouteService(FunctionRunner* runner, QObject* parent = nullptr);

    using Done = std::function<void(RouteOutcome)>;
    /// `allowModel` false keeps the recognition strictly local.
    void route(const RouteContext& context, bool allowModel, QObject* receiver, Done done);

    static constexpr double kRefineBelow = 0.5;

private:
    FunctionRunner* m_runner;
};

/// The function a model named in its reply ("summarize", "Funktion: research."), if exactly one.
std::optional<AssistantFunction> functionNamedIn(const QString& reply);

} // namespace genius::services
