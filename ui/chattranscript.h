#pragma once

#include <QString>

class QTextEdit;
class QUrl;

namespace genius::ui {

/// Where a message stands among its versions (regenerated answers, edited questions).
struct MessageVersions {
    int number = 0;     ///< 1-based; 0 when the message has no other version
    int count = 0;
    QString previousId; ///< the version before, empty for the first
    QString nextId;     ///< the version after, empty for the last
};

/// Appends one message to a chat transcript: the speaker in bold — followed, when there are
/// several versions, by "‹ earlier version  2 of 3  later version ›" whose ends are links to the
/// neighbouring versions (reachable with Tab, opened with Enter) — then the Markdown.
void appendTranscriptMessage(QTextEdit& transcript, const QString& who, const QString& markdown,
                             const MessageVersions& versions = {});

/// The message id a version link of the transcript points at; empty for any other link.
QString versionTarget(const QUrl& link);

} // namespace genius::ui
