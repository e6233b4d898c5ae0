#include "modelcatalog.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

constexpr qint64 catalogueCreated = 1735689600; // 2025-01-01, fixed so answers are reproducible

} // namespace

std::optional<ProtectionClass> parseProtectionClass(QStringView text)
{
    if (text == u"none")
        return ProtectionClass::None;
    if (text == u"normal")
        return ProtectionClass::Normal;
    if (text == u"high")
        return ProtectionClass::High;
    if (text == u"very-high")
        return ProtectionClass::VeryHigh;
    return std::nullopt;
}

QString protectionClassName(ProtectionClass protectionClass)
{
    switch (protectionClass) {
    case ProtectionClass::None: return u"none"_s;
    case ProtectionClass::Normal: return u"normal"_s;
    case ProtectionClass::High: return u"high"_s;
    case ProtectionClass::VeryHigh: return u"very-high"_s;
    }
    return u"none"_s;
}

ModelCatalog::ModelCatalog()
    : m_models{
        {u"sim-public"_s, false, ProtectionClass::None, u"public-cloud"_s},
        {u"sim-sovereign"_s, false, ProtectionClass::Normal, u"sovereign-cloud"_s},
        {u"sim-onprem"_s, false, ProtectionClass::High, u"on-prem"_s},
        {u"sim-embed"_s, true, ProtectionClass::High, u"on-prem"_s},
    }
{
}

const SimModel* ModelCatalog::find(QStringView id) const
{
    for (const SimModel& model : m_models) {
        if (model.id == id)
            return &model;
    }
    return nullptr;
}

QJsonObject ModelCatalog::modelEntry(const SimModel& model)
{
    return QJsonObject{
        {u"id"_s, model.id},
        {u"object"_s, u"model"_s},
        {u"created"_s, catalogueCreated},
        {u"owned_by"_s, u"genius-aiaas-sim"_s},
        {u"max_protection_class"_s, protectionClassName(model.clearance)},
        {u"location"_s, model.location},
    };
}

QJsonObject ModelCatalog::listJson() const
{
    QJsonArray data;
    for (const SimModel& model : m_models)
        data.append(modelEntry(model));
    return QJsonObject{{u"object"_s, u"list"_s}, {u"data"_s, data}};
}

QJsonObject ModelCatalog::modelInfoJson() const
{
    QJsonArray data;
    for (const SimModel& model : m_models) {
        const QJsonObject info{
            {u"mode"_s, model.embedding ? u"embedding"_s : u"chat"_s},
            {u"max_protection_class"_s, protectionClassName(model.clearance)},
            {u"location"_s, model.location},
        };
        data.append(QJsonObject{
            {u"model_name"_s, model.id},
            {u"litellm_params"_s, QJsonObject{{u"model"_s, QString(u"genius-sim/"_s + model.id)}}},
            {u"model_info"_s, info},
        });
    }
    return QJsonObject{{u"data"_s, data}};
}

} // namespace genius::sim
