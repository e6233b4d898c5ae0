#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace genius::sim {

/// Protection classes in ascending order; VeryHigh never leaves the workstation.
enum class ProtectionClass { None, Normal, High, VeryHigh };

/// Parses "none|normal|high|very-high"; nothing for anything else.
std::optional<ProtectionClass> parseProtectionClass(QStringView text);
QString protectionClassName(ProtectionClass protectionClass);

/// One model the simulated gateway serves.
struct SimModel {
    QString id;
    bool embedding = false;
    ProtectionClass clearance = ProtectionClass::None;
    QString location; ///< public-cloud | sovereign-cloud | on-prem
};

/// The fixed catalogue: sim-public, sim-sovereign, sim-onprem (chat) and sim-embed.
class ModelCatalog final
{
public:
    ModelCatalog();

    const QList<SimModel>& models() const { return m_models; }
    const SimModel* find(QStringView id) const;

    /// The OpenAI-style entry of GET /v1/models with clearance and location.
    static QJsonObject modelEntry(const SimModel& model);
    /// {"object":"list","data":[...]} of GET /v1/models.
    QJsonObject listJson() const;
    /// The LiteLLM-style body of GET /v1/model/info.
    QJsonObject modelInfoJson() const;

private:
    QList<SimModel> m_models;
};

} // namespace genius::sim
