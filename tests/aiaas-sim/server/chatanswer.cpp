#include "chatanswer.h"

#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

constexpr int maxCitedSources = 3;
constexpr qsizetype minWordLength = 4;
constexpr qsizetype excerptLength = 60;

/// Frequent German function words of four or more letters: they would match every source.
const QSet<QString>& stopWords()
{
    static const QSet<QString> words{
        u"aber"_s, u"alle"_s, u"auch"_s, u"bitte"_s, u"dass"_s, u"dein"_s, u"denn"_s, u"diese"_s, u"dieser"_s,
        u"dieses"_s, u"eine"_s, u"einem"_s, u"einen"_s, u"einer"_s, u"eines"_s, u"gibt"_s, u"haben"_s, u"hat"_s,
        u"ihre"_s, u"kann"_s, u"koennen"_s, u"muss"_s, u"nach"_s, u"nicht"_s, u"oder"_s, u"sein"_s, u"sich"_s,
        u"sind"_s, u"ueber"_s, u"und"_s, u"unter"_s, u"viel"_s, u"viele"_s, u"warum"_s, u"welche"_s,
        u"welcher"_s, u"welches"_s, u"wenn"_s, u"werden"_s, u"wird"_s, u"wurde"_s, u"zwischen"_s, u"steht"_s,
        u"stehen"_s, u"laut"_s, u"quelle"_s, u"quellen"_s, u"frage"_s, u"antwort"_s,
    };
    return words;
}

const QRegularExpression& sourceMarker()
{
    static const QRegularExpression marker(u"^\\s*\\[(\\d{1,3})\\]\\s*(.*)$"_s);
    return marker;
}

QStringList questionWords(const QString& question)
{
    QStringList words;
    QString current;
    const auto flush = [&] {
        const QString folded = foldGerman(current);
        if (current.size() >= minWordLength && !stopWords().contains(folded) && !words.contains(folded))
            words.append(folded);
        current.clear();
    };
    for (const QChar c : question) {
        if (c.isLetterOrNumber())
            current.append(c);
        else
            flush();
    }
    flush();
    return words;
}

QStringList sentencesOf(const QString& text)
{
    static const QRegularExpression boundary(u"(?<=[.!?])\\s+"_s);
    QStringList sentences;
    for (const QString& sentence : text.split(boundary, Qt::SkipEmptyParts)) {
        const QString simplified = sentence.simplified();
        if (!simplified.isEmpty())
            sentences.append(simplified);
    }
    return sentences;
}

int scoreOf(const QString& sentence, const QStringList& words)
{
    const QString folded = foldGerman(sentence);
    int score = 0;
    for (const QString& word : words)
        score += folded.contains(word) ? 1 : 0;
    return score;
}

/// The numbered sources of all messages; a source runs until a blank line or the next marker.
QMap<int, QString> collectSources(const QList<ChatMessage>& messages)
{
    QMap<int, QString> sources;
    for (const ChatMessage& message : messages) {
        int current = -1;
        for (const QString& line : message.text.split(u'\n')) {
            const QRegularExpressionMatch match = sourceMarker().match(line);
            if (match.hasMatch()) {
                current = match.captured(1).toInt();
                sources.insert(current, match.captured(2));
            } else if (line.trimmed().isEmpty()) {
                current = -1;
            } else if (current >= 0) {
                sources[current] += u' ' + line.trimmed();
            }
        }
    }
    return sources;
}

/// The last user message without its source lines.
QString lastQuestion(const QList<ChatMessage>& messages)
{
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages.at(i).role != u"user")
            continue;
        QStringList kept;
        bool inSource = false;
        for (const QString& line : messages.at(i).text.split(u'\n')) {
            if (sourceMarker().match(line).hasMatch())
                inSource = true;
            else if (line.trimmed().isEmpty())
                inSource = false;
            else if (!inSource)
                kept.append(line);
        }
        return kept.join(u'\n');
    }
    return {};
}

QString groundedAnswer(const QMap<int, QString>& sources, const QString& question)
{
    const QStringList words = questionWords(question);
    struct Hit {
        int number;
        int score;
        QString sentence;
    };
    QList<Hit> hits;
    for (auto it = sources.begin(); it != sources.end(); ++it) {
        Hit best{it.key(), 0, {}};
        for (const QString& sentence : sentencesOf(it.value())) {
            const int score = scoreOf(sentence, words);
            if (score > best.score)
                best = Hit{it.key(), score, sentence};
        }
        if (best.score > 0)
            hits.append(best);
    }
    if (hits.isEmpty())
        return u"Die bereitgestellten Quellen enthalten dazu keine Angaben."_s;
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
    hits = hits.mid(0, maxCitedSources);
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.number < b.number; });
    QStringList parts;
    for (const Hit& hit : hits) {
        QString sentence = hit.sentence;
        while (!sentence.isEmpty() && (sentence.back() == u'.' || sentence.back() == u'!' || sentence.back() == u'?'))
            sentence.chop(1);
        parts.append(u"%1 [%2]."_s.arg(sentence).arg(hit.number));
    }
    return u"Gemäß den bereitgestellten Quellen: "_s + parts.join(u' ');
}

QString freeAnswer(const QString& question)
{
    const QString simplified = question.simplified();
    const qsizetype wordCount = simplified.isEmpty() ? 0 : simplified.count(u' ') + 1;
    QString excerpt = simplified.left(excerptLength);
    if (simplified.size() > excerptLength)
        excerpt += u'…';
    const QString opening = excerpt.isEmpty() ? u"Zu Ihrer Anfrage:"_s : u"Zu Ihrer Anfrage „%1“:"_s.arg(excerpt);
    return opening
        + u" Dies ist eine simulierte Antwort des AIaaS-Simulators. Ihre Nachricht umfasst %1 Wörter; "
          u"die Antwort enthält Umlaute wie ä, ö und ü sowie das ß, damit die UTF-8-Verarbeitung geprüft wird. "
          u"Viele Grüße 🙂"_s.arg(wordCount);
}

} // namespace

QList<ChatMessage> chatMessages(const QJsonArray& messages)
{
    QList<ChatMessage> result;
    for (const QJsonValue& value : messages) {
        const QJsonObject message = value.toObject();
        ChatMessage entry{message.value(u"role"_s).toString(), {}};
        const QJsonValue content = message.value(u"content"_s);
        if (content.isString()) {
            entry.text = content.toString();
        } else {
            QStringList texts;
            for (const QJsonValue& part : content.toArray()) {
                if (part.toObject().value(u"type"_s).toString() == u"text")
                    texts.append(part.toObject().value(u"text"_s).toString());
            }
            entry.text = texts.join(u'\n');
        }
        result.append(entry);
    }
    return result;
}

int countPromptTokens(const QList<ChatMessage>& messages)
{
    qsizetype characters = 0;
    for (const ChatMessage& message : messages)
        characters += message.text.size();
    return static_cast<int>((characters + 3) / 4);
}

QString composeAnswer(const QList<ChatMessage>& messages)
{
    const QMap<int, QString> sources = collectSources(messages);
    const QString question = lastQuestion(messages);
    return sources.isEmpty() ? freeAnswer(question) : groundedAnswer(sources, question);
}

QStringList splitIntoPieces(const QString& text)
{
    QStringList pieces;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i)
        pieces.append(i == 0 ? words.at(i) : u' ' + words.at(i));
    return pieces;
}

QString foldGerman(const QString& text)
{
    QString folded = text.toLower();
    folded.replace(u'ä', u"ae"_s);
    folded.replace(u'ö', u"oe"_s);
    folded.replace(u'ü', u"ue"_s);
    folded.replace(u'ß', u"ss"_s);
    return folded;
}

} // namespace genius::sim
