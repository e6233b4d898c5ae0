#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace genius::sim {

/// The text of one request message (content parts of type "text" joined).
struct ChatMessage {
    QString role;
    QString text;
};

QList<ChatMessage> chatMessages(const QJsonArray& messages);

/// ceil(total characters of all message contents / 4).
int countPromptTokens(const QList<ChatMessage>& messages);

/// The deterministic German answer. With numbered sources ("[1] ..." lines in any message) it
/// cites the best-matching sentence of up to three sources, or says the sources hold nothing;
/// without sources it is a short paragraph about the request with "ä", "ß" and "🙂".
QString composeAnswer(const QList<ChatMessage>& messages);

/// Splits a text into stream pieces, one per word; every piece but the first carries its
/// leading space, so the pieces concatenate to the text again.
QStringList splitIntoPieces(const QString& text);

/// Lower-case with umlauts folded (ä→ae, ö→oe, ü→ue, ß→ss).
QString foldGerman(const QString& text);

} // namespace genius::sim
