#include "core/domain/modelinfo.h"

namespace genius::domain {

QString modelLocationName(ModelLocation location)
{
    switch (location) {
    case ModelLocation::PublicCloud: return QStringLiteral("public-cloud");
    case ModelLocation::SovereignCloud: return QStringLiteral("sovereign-cloud");
    case ModelLocation::OnPrem: return QStringLiteral("on-prem");
    case ModelLocation::Unknown: break;
    }
    return QStringLiteral("unknown");
}

std::optional<ModelLocation> parseModelLocation(const QString& text)
{
    for (const ModelLocation location :
         {ModelLocation::PublicCloud, ModelLocation::SovereignCloud, ModelLocation::OnPrem}) {
        if (text == modelLocationName(location))
            return location;
    }
    return std::nullopt;
}

QString modelKindName(ModelKind kind)
{
    return kind == ModelKind::Embedding ? QStringLiteral("embedding") : QStringLiteral("chat");
}

QString clearanceSourceName(ClearanceSource source)
{
    switch (source) {
    case ClearanceSource::Catalogue: return QStringLiteral("catalogue");
    case ClearanceSource::ModelInfo: return QStringLiteral("model-info");
    case ClearanceSource::Policy: return QStringLiteral("policy");
    case ClearanceSource::Unknown: break;
    }
    return QStringLiteral("unknown");
}

} // namespace genius::domain
