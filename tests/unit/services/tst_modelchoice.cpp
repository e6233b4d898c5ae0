#include "core/services/modelchoice.h"

#include <QTest>

using namespace Qt::StringLiterals;
namespace services = genius::services;
using genius::domain::ModelInfo;
using genius::domain::ModelKind;
using genius::domain::ProtectionClass;

namespace {

QList<ModelInfo> catalogue()
{
    QList<ModelInfo> models;
    const auto add = [&](const QString& id, ModelKind kind, ProtectionClass clearance) {
        ModelInfo model;
        model.id = id;
        model.kind = kind;
        model.clearance = clearance;
        models.append(model);
    };
    add(u"public"_s, ModelKind::Chat, ProtectionClass::None);
    add(u"sovereign"_s, ModelKind::Chat, ProtectionClass::Normal);
    add(u"onprem"_s, ModelKind::Chat, ProtectionClass::High);
    add(u"embed"_s, ModelKind::Embedding, ProtectionClass::High);
    return models;
}

const genius::security::ProtectionGuard kOpenGuard; // no policy list: every model is allowed

} // namespace

class ModelChoiceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noPreference_takesTheLowestSufficientClearance()
    {
        const genius::security::ProtectionGuard guard;
        const auto normal = services::chooseChatModel(guard, catalogue(), {}, ProtectionClass::Normal);
        QVERIFY(normal && *normal);
        QCOMPARE((*normal)->id, u"sovereign"_s);
        const auto high = services::chooseChatModel(guard, catalogue(), {}, ProtectionClass::High);
        QCOMPARE((*high)->id, u"onprem"_s);
    }

    void veryHigh_choosesNoModel()
    {
        const auto choice = services::chooseChatModel(kOpenGuard, catalogue(), {u"onprem"_s, {}, {}}, ProtectionClass::VeryHigh);
        QVERIFY(choice);
        QVERIFY(!*choice);
    }

    void explicitModelBelowTheClass_isRefusedNotReplaced()
    {
        const auto choice = services::chooseChatModel(kOpenGuard, catalogue(), {u"public"_s, {}, {}}, ProtectionClass::High);
        QVERIFY(!choice);
        QCOMPARE(choice.error().code, genius::common::ErrorCode::Refused);
        QVERIFY(choice.error().detail.contains(u"onprem"_s)); // names a cleared alternative
    }

    void defaultModelBelowTheClass_isReplacedByAClearedOne()
    {
        const auto choice = services::chooseChatModel(kOpenGuard, catalogue(), {{}, u"public"_s, {}}, ProtectionClass::High);
        QVERIFY(choice && *choice);
        QCOMPARE((*choice)->id, u"onprem"_s);
        const auto kept = services::chooseChatModel(kOpenGuard, catalogue(), {{}, u"onprem"_s, {}}, ProtectionClass::None);
        QCOMPARE((*kept)->id, u"onprem"_s);
    }

    void policyAllowList_limitsTheChoice()
    {
        const genius::security::ProtectionGuard guard({u"sovereign"_s});
        const auto high = services::chooseChatModel(guard, catalogue(), {}, ProtectionClass::High);
        QVERIFY(high && !*high);
        const auto best = services::highestClearedChatModel(guard, catalogue(), ProtectionClass::Normal);
        QCOMPARE(best->id, u"sovereign"_s);
        QVERIFY(!services::highestClearedChatModel(guard, catalogue(), ProtectionClass::High));
        QCOMPARE(services::highestClearedChatModel(kOpenGuard, catalogue(), ProtectionClass::None)->id, u"onprem"_s);
    }
};

QTEST_GUILESS_MAIN(ModelChoiceTest)
#include "tst_modelchoice.moc"
