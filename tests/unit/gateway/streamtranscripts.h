#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace genius::gateway::test {

/// What a decoded stream must yield. Rendered to text by the test so a failure shows a diff.
struct Expected {
    QString content {};
    QString reasoning {};
    QString toolCalls {};                            ///< "index|id|name|arguments" lines
    QString usage = QStringLiteral("unknown");      ///< "prompt/completion/total", "-" for a missing count
    QString finish = QStringLiteral("unknown");     ///< finishReasonName(), plus "(raw)" for Other
    QString outcome = QStringLiteral("completed");  ///< completed, completed-lenient, failed, truncated
    QString error {};                                ///< "kind: message" or empty
    QString model = QStringLiteral("m1");
};

/// Raw bytes exactly as a server sends them, named after the CONFORMANCE.md case they cover.
struct Transcript {
    QString name {};
    QByteArray bytes {};
    Expected expected {};
    bool wholeBody = false; ///< case 31: a JSON body instead of an event stream
};

/// The transcripts for CONFORMANCE.md cases 1–14 and 18–31.
QList<Transcript> chatTranscripts();

} // namespace genius::gateway::test
