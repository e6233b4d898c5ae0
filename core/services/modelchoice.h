#pragma once

#include "core/common/error.h"
#include "core/domain/modelinfo.h"
#include "core/security/protectionguard.h"

#include <optional>

namespace genius::services {

/// Which chat model a function may use for a class: the model named by the user, else the
/// default model from settings, else the allowed one with the lowest sufficient clearance.
struct ModelPreference {
    QString explicitModel; ///< --model / the picker: refused (not replaced) when not cleared
    QString defaultModel;  ///< gateway/defaultModel: replaced by a cleared one when it is not
    QStringList clearanceTable;
};

/// The model, or no value when no model may receive the class (the function then works
/// locally); Refused when the explicitly named model is not cleared for it.
common::Result<std::optional<domain::ModelInfo>> chooseChatModel(const security::ProtectionGuard& guard,
                                                                 const QList<domain::ModelInfo>& catalogue,
                                                                 const ModelPreference& preference,
                                                                 domain::ProtectionClass requestClass);

/// The allowed chat model with the highest clearance of at least `minimum` (research caps
/// retrieval at it when no model is cleared for a whole collection).
std::optional<domain::ModelInfo> highestClearedChatModel(const security::ProtectionGuard& guard,
                                                         const QList<domain::ModelInfo>& catalogue,
                                                         domain::ProtectionClass minimum);

} // namespace genius::services
