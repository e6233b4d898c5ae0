#pragma once

#include "faultregistry.h"
#include "outcome.h"

#include <optional>

namespace genius::sim {

/// What an error fault may quote in its answer.
struct ErrorFaultContext {
    QString method;
    QString path;
    QString model;
    QString budgetMessage; ///< the key's LiteLLM budget message
};

/// The answer of an HTTP-level fault (error bodies, statuses, retry headers, silence); nothing
/// when the fault is not one of them (stream, embedding and model faults).
std::optional<Outcome> errorFaultOutcome(const ActiveFault& fault, const ErrorFaultContext& context);

} // namespace genius::sim
