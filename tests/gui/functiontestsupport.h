#pragma once

#include "core/models/curation.h"
#include "core/security/memorysecretstore.h"
#include "core/services/functionservices.h"
#include "core/services/gatewayservices.h"
#include "core/settings/settings.h"
#include "gui/guitestsupport.h"
#include "unit/models/importtestsupport.h"

#include <memory>

namespace genius::sim {
class SimulatorProcess;
}

namespace genius::test {

/// A profile with an index and import queue, the gateway services pointed at the simulator
/// (key resolved from GENIUS_API_KEY, default model sim-sovereign), curation and the function
/// services — what the app composes, for tests of the function views.
struct FunctionFixture : IndexFixture {
    TestProfile profile;
    std::unique_ptr<settings::Settings> settings;
    security::MemorySecretStore secrets;
    std::unique_ptr<services::GatewayServices> gateway;
    std::unique_ptr<models::Curation> curation;
    std::unique_ptr<services::FunctionServices> functions;

    bool openServices(const sim::SimulatorProcess& simulator);
};

} // namespace genius::test
