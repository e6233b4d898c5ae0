#pragma once

#include "core/domain/protectionclass.h"

#include <QString>

#include <optional>

namespace genius::domain {

enum class ModelKind { Chat, Embedding };

/// Where a model runs; the route the gateway takes for it.
enum class ModelLocation { PublicCloud, SovereignCloud, OnPrem, Unknown };

/// Where a model's clearance came from; `Unknown` means it is treated as `none`.
enum class ClearanceSource { Catalogue, ModelInfo, Policy, Unknown };

/// One model of the gateway's catalogue with the highest class it may receive.
struct ModelInfo {
    QString id;
    ModelKind kind = ModelKind::Chat;
    ProtectionClass clearance = ProtectionClass::None;
    ModelLocation location = ModelLocation::Unknown;
    ClearanceSource clearanceSource = ClearanceSource::Unknown;
};

/// "public-cloud", "sovereign-cloud", "on-prem", "unknown".
QString modelLocationName(ModelLocation location);
std::optional<ModelLocation> parseModelLocation(const QString& text);
QString modelKindName(ModelKind kind);
QString clearanceSourceName(ClearanceSource source);

} // namespace genius::domain
