#include "core/gateway/modelcatalog.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace genius::gateway {

using domain::ClearanceSource;
using domain::ModelInfo;

namespace {

QJsonArray dataArray(const QByteArray& body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.isArray() ? document.array() : document.object().value(QLatin1String("data")).toArray();
}

void applyFields(ModelInfo& model, const QJsonObject& fields, ClearanceSource source)
{
    if (const auto clearance = domain::parseProtectionClass(fields.value(QLatin1String("max_protection_class")).toString());
        clearance && *clearance != domain::ProtectionClass::VeryHigh) {
        model.clearance = *clearance;
        model.clearanceSource = source;
    }
    if (const auto location = domain::parseModelLocation(fields.value(QLatin1String("location")).toString()))
        model.location = *location;
    const QString mode = fields.value(QLatin1String("mode")).toString();
    if (mode == QLatin1String("embedding"))
        model.kind = domain::ModelKind::Embedding;
    else if (mode == QLatin1String("chat") || mode == QLatin1String("completion"))
        model.kind = domain::ModelKind::Chat;
}

} // namespace

QList<ModelInfo> parseModelCatalogue(const QByteArray& modelsBody, const QByteArray& modelInfoBody,
                                     const QStringList& clearanceTable)
{
    QList<ModelInfo> models;
    QHash<QString, qsizetype> index;
    const auto entryFor = [&](const QString& id) -> ModelInfo& {
        if (!index.contains(id)) {
            ModelInfo model;
            model.id = id;
            model.kind = id.contains(QLatin1String("embed"), Qt::CaseInsensitive) ? domain::ModelKind::Embedding
                                                                                   : domain::ModelKind::Chat;
            index.insert(id, models.size());
            models.append(model);
        }
        return models[index.value(id)];
    };

    for (const QJsonValue& value : dataArray(modelsBody)) {
        const QJsonObject entry = value.toObject();
        const QString id = entry.value(QLatin1String("id")).toString();
        if (!id.isEmpty())
            applyFields(entryFor(id), entry, ClearanceSource::Catalogue);
    }
    for (const QJsonValue& value : dataArray(modelInfoBody)) {
        const QJsonObject entry = value.toObject();
        const QString id = entry.value(QLatin1String("model_name")).toString();
        if (id.isEmpty())
            continue;
        ModelInfo& model = entryFor(id);
        if (model.clearanceSource != ClearanceSource::Unknown) {
            // The catalogue entry already said; model_info may still give the kind.
            const ModelInfo kept = model;
            applyFields(model, entry.value(QLatin1String("model_info")).toObject(), ClearanceSource::ModelInfo);
            model.clearance = kept.clearance;
            model.clearanceSource = kept.clearanceSource;
        } else {
            applyFields(model, entry.value(QLatin1String("model_info")).toObject(), ClearanceSource::ModelInfo);
        }
    }
    for (const QString& row : clearanceTable) {
        const qsizetype eq = row.lastIndexOf(QLatin1Char('='));
        const QString id = row.left(eq);
        const auto clearance = domain::parseProtectionClass(row.mid(eq + 1));
        if (eq <= 0 || !clearance)
            continue;
        // The table only fills gaps: what the gateway reports about its own routing wins.
        if (index.contains(id) && models[index.value(id)].clearanceSource != ClearanceSource::Unknown)
            continue;
        ModelInfo& model = entryFor(id);
        model.clearance = *clearance;
        model.clearanceSource = ClearanceSource::Policy;
    }
    return models;
}

} // namespace genius::gateway
