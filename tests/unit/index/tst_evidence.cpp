#include "core/index/evidence.h"
#include "core/index/retriever.h"

#include "testindex.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace genius::index;
using namespace genius::index::test;
using namespace Qt::StringLiterals;

/// The evidence gate over a small index of law-like passages: questions about subjects the
/// index holds pass, questions about subjects it lacks do not, even when their common
/// words ("Gesetz", "regelt") occur everywhere.
class EvidenceTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestIndex> m_index;

    QList<SearchHit> lexical(const QString& query)
    {
        Retriever retriever(m_index->db());
        return retriever.lexical(query, {}, 5).value_or(QList<SearchHit>());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_index = std::make_unique<TestIndex>(m_dir.filePath(u"index.sqlite"_s));
        QVERIFY(m_index->isReady());
        const qint64 law = m_index->addDocument(u"gesetz.md"_s);
        const QStringList passages = {
            u"Dieses Gesetz regelt die Erhebung der Hundesteuer in den Gemeinden."_s,
            u"Das Gesetz regelt die Arbeitszeit der Arbeitnehmer; die werktägliche Arbeitszeit darf acht Stunden nicht überschreiten."_s,
            u"Das Gesetz regelt den Zugang zu amtlichen Informationen der Behörden des Bundes."_s,
            u"Dieses Gesetz regelt die Gebühren für Amtshandlungen nach diesem Gesetz."_s,
            u"Das Gesetz regelt die Zuständigkeit der Behörden und das Verfahren."_s,
        };
        for (const QString& text : passages)
            QVERIFY(m_index->addChunk(law, QString(), text) > 0);
    }

    void questionOnAHeldSubject_passes()
    {
        EvidenceGate gate(m_index->db());
        const QString question = u"Wie lange darf die werktägliche Arbeitszeit sein?"_s;
        const auto hits = lexical(question);
        QVERIFY(!hits.isEmpty());
        const auto share = gate.coverage(question, hits);
        QVERIFY(share);
        QVERIFY2(*share >= 0.5, qPrintable(QString::number(*share)));
        const auto kept = gate.evidence(question, hits);
        QVERIFY(kept);
        QVERIFY(!kept->isEmpty());
        QVERIFY(kept->first().text.contains(u"Arbeitszeit"_s));
    }

    void questionOnAMissingSubject_hasNoEvidenceThoughCommonWordsMatch()
    {
        EvidenceGate gate(m_index->db());
        const QString question = u"Was regelt das Gesetz zur Mondlandung?"_s;
        const auto hits = lexical(question);
        QVERIFY(!hits.isEmpty()); // "Gesetz" and "regelt" are everywhere
        const auto kept = gate.evidence(question, hits);
        QVERIFY(kept);
        QVERIFY(kept->isEmpty());
    }

    void inflectedAndCompoundForms_count()
    {
        EvidenceGate gate(m_index->db());
        const QString question = u"Welche Gebühren fallen für eine Amtshandlung an?"_s;
        const auto kept = gate.evidence(question, lexical(question));
        QVERIFY(kept);
        QVERIFY(!kept->isEmpty());
    }

    void derivationsAndCompounds_shareACore()
    {
        EvidenceGate gate(m_index->db());
        // "Gemeindegebieten" occurs nowhere literally; "Gemeinden" is its core.
        const QString question = u"Erfolgt die Erhebung der Hundesteuer in allen Gemeindegebieten?"_s;
        const auto share = gate.coverage(question, lexical(question));
        QVERIFY(share);
        QVERIFY2(*share >= 0.5, qPrintable(QString::number(*share)));
    }

    void emptyOrStopwordOnlyQuestion_coversNothingWithoutHits()
    {
        EvidenceGate gate(m_index->db());
        QCOMPARE(gate.coverage(QString(), {}).value_or(-1.0), 0.0);
        QCOMPARE(gate.evidence(u"und oder"_s, {}).value_or(QList<SearchHit>{SearchHit{}}).size(), 0);
    }
};

QTEST_GUILESS_MAIN(EvidenceTest)
#include "tst_evidence.moc"
