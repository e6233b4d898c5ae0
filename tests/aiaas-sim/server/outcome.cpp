#include "outcome.h"

namespace genius::sim {

int Outcome::status() const
{
    switch (kind) {
    case Kind::Respond: return response.status;
    case Kind::Stream: return stream.status;
    case Kind::Silent:
    case Kind::Close: return 0;
    }
    return 0;
}

Outcome respond(const HttpResponse& response)
{
    Outcome outcome;
    outcome.response = response;
    return outcome;
}

} // namespace genius::sim
