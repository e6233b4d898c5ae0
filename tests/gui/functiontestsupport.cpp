#include "gui/functiontestsupport.h"

#include "fixture/simulatorprocess.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace genius::test {

bool FunctionFixture::openServices(const sim::SimulatorProcess& simulator)
{
    if (!openIndex())
        return false;
    profile.saveUserValue(u"gateway/url"_s, simulator.baseUrl().toString());
    profile.saveUserValue(u"gateway/defaultModel"_s, u"sim-sovereign"_s);
    settings = std::make_unique<settings::Settings>(profile.locations());
    gateway = std::make_unique<services::GatewayServices>(*settings, profile.path());
    bool resolved = false;
    gateway->resolveApiKey(secrets, [&resolved](std::optional<common::Error>) { resolved = true; });
    if (!QTest::qWaitFor([&resolved] { return resolved; }, 5000))
        return false;
    curation = std::make_unique<models::Curation>(*database, *queue);
    if (!curation->reload())
        return false;
    functions = std::make_unique<services::FunctionServices>(*settings, profile.path(), *database, gateway.get());
    return true;
}

} // namespace genius::test
