#pragma once

#include "core/domain/modelinfo.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace genius::gateway {

/// Builds the catalogue from the gateway's answers, leniently (case 60): `/models` entries
/// may lack fields or carry extra ones. A model's clearance comes from its catalogue entry
/// (`max_protection_class`, `location`), else from `/model/info` (`model_info`), else from
/// the policy's clearance table; with none of them it is `none`. Kind comes from
/// `model_info.mode`, else from the name ("embed" means an embedding model).
QList<domain::ModelInfo> parseModelCatalogue(const QByteArray& modelsBody, const QByteArray& modelInfoBody,
                                             const QStringList& clearanceTable);

} // namespace genius::gateway
