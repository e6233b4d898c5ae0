#pragma once

#include "outcome.h"

namespace genius::sim {

class FaultRegistry;
class KeyRing;

/// The simulator's own control endpoints under /sim/ (no key, loopback peers only):
/// POST /sim/fault queues a fault, POST /sim/reset clears faults and spends,
/// GET /sim/faults lists the catalogue and what is queued.
class ControlHandler final
{
public:
    ControlHandler(FaultRegistry& faults, KeyRing& keys);

    Outcome handle(const HttpRequest& request);

private:
    Outcome queueFault(const HttpRequest& request);

    FaultRegistry& m_faults;
    KeyRing& m_keys;
};

} // namespace genius::sim
