#include "core/security/protectionguard.h"

#include <QTest>

using namespace genius::security;
using genius::common::ErrorCode;
using genius::domain::ModelInfo;
using genius::domain::ModelKind;
using genius::domain::ProtectionClass;

namespace {

ModelInfo model(const char* id, ProtectionClass clearance, ModelKind kind = ModelKind::Chat)
{
    ModelInfo info;
    info.id = QString::fromLatin1(id);
    info.clearance = clearance;
    info.kind = kind;
    return info;
}

const QList<ModelInfo> kCatalogue = {
    model("public", ProtectionClass::None),
    model("sovereign", ProtectionClass::Normal),
    model("onprem", ProtectionClass::High),
    model("embed", ProtectionClass::High, ModelKind::Embedding),
};

} // namespace

class TestProtectionGuard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clearedModel_isAllowedAndDecisionCarriesTheRequest()
    {
        const ProtectionGuard guard;
        auto decision = guard.decide({Endpoint::ChatCompletions, ProtectionClass::Normal, {QStringLiteral("doc-1")}},
                                     kCatalogue.at(1), kCatalogue);
        QVERIFY(decision.has_value());
        QCOMPARE(decision->model().id, QStringLiteral("sovereign"));
        QCOMPARE(decision->requestClass(), ProtectionClass::Normal);
        QCOMPARE(decision->documentIds(), QStringList{QStringLiteral("doc-1")});
        QVERIFY(guard.decide({Endpoint::ChatCompletions, ProtectionClass::Normal, {}}, kCatalogue.at(2)).has_value());
    }

    void classAboveClearance_isRefusedWithAClearedAlternative()
    {
        const ProtectionGuard guard;
        auto decision = guard.decide({Endpoint::ChatCompletions, ProtectionClass::High, {}}, kCatalogue.at(0), kCatalogue);
        QVERIFY(!decision.has_value());
        QCOMPARE(decision.error().code, ErrorCode::Refused);
        QVERIFY2(decision.error().detail.contains(QStringLiteral("onprem")), qPrintable(decision.error().detail));
    }

    void veryHigh_isRefusedForEveryModel()
    {
        const ProtectionGuard guard;
        for (const ModelInfo& candidate : kCatalogue) {
            const Endpoint endpoint = candidate.kind == ModelKind::Embedding ? Endpoint::Embeddings : Endpoint::ChatCompletions;
            auto decision = guard.decide({endpoint, ProtectionClass::VeryHigh, {}}, candidate, kCatalogue);
            QVERIFY(!decision.has_value());
            QCOMPARE(decision.error().code, ErrorCode::Refused);
        }
        QVERIFY(!guard.suggest(ProtectionClass::VeryHigh, ModelKind::Chat, kCatalogue));
    }

    void embeddings_obeyTheSameRule()
    {
        const ProtectionGuard guard;
        ModelInfo weakEmbedder = model("weak-embed", ProtectionClass::None, ModelKind::Embedding);
        QVERIFY(!guard.decide({Endpoint::Embeddings, ProtectionClass::Normal, {}}, weakEmbedder).has_value());
        QVERIFY(guard.decide({Endpoint::Embeddings, ProtectionClass::High, {}}, kCatalogue.at(3)).has_value());
        // A chat model cannot serve the embeddings endpoint, and the reverse.
        QCOMPARE(guard.decide({Endpoint::Embeddings, ProtectionClass::None, {}}, kCatalogue.at(0)).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(guard.decide({Endpoint::ChatCompletions, ProtectionClass::None, {}}, kCatalogue.at(3)).error().code,
                 ErrorCode::InvalidArgument);
    }

    void unknownClearance_countsAsNone()
    {
        const ProtectionGuard guard;
        ModelInfo unknown;
        unknown.id = QStringLiteral("mystery");
        QVERIFY(guard.decide({Endpoint::ChatCompletions, ProtectionClass::None, {}}, unknown).has_value());
        QVERIFY(!guard.decide({Endpoint::ChatCompletions, ProtectionClass::Normal, {}}, unknown).has_value());
    }

    void policyAllowList_refusesOtherModels()
    {
        const ProtectionGuard guard({QStringLiteral("onprem")});
        QCOMPARE(guard.decide({Endpoint::ChatCompletions, ProtectionClass::None, {}}, kCatalogue.at(0)).error().code,
                 ErrorCode::Refused);
        QVERIFY(guard.decide({Endpoint::ChatCompletions, ProtectionClass::None, {}}, kCatalogue.at(2)).has_value());
        QCOMPARE(guard.suggest(ProtectionClass::None, ModelKind::Chat, kCatalogue)->id, QStringLiteral("onprem"));
    }

    void suggest_prefersTheRouteOfTheClass()
    {
        const ProtectionGuard guard;
        QCOMPARE(guard.suggest(ProtectionClass::None, ModelKind::Chat, kCatalogue)->id, QStringLiteral("public"));
        QCOMPARE(guard.suggest(ProtectionClass::Normal, ModelKind::Chat, kCatalogue)->id, QStringLiteral("sovereign"));
        QCOMPARE(guard.suggest(ProtectionClass::High, ModelKind::Chat, kCatalogue)->id, QStringLiteral("onprem"));
        QVERIFY(!guard.suggest(ProtectionClass::High, ModelKind::Chat, kCatalogue.mid(0, 2)));
    }
};

QTEST_GUILESS_MAIN(TestProtectionGuard)
#include "tst_protectionguard.moc"
