#include "chatevents.h"

#include "chatanswer.h"
#include "responses.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace genius::sim {

namespace {

constexpr int defaultInterruptAfter = 3;
constexpr int defaultLongStreamChunks = 10000;
constexpr qsizetype longEventBytes = 1100 * 1024;

// Placeholders replaced in the JSON text by lone UTF-16 surrogate escapes (case 12).
const QString highPlaceholder = u"@@SIM_SURROGATE_HIGH@@"_s;
const QString lowPlaceholder = u"@@SIM_SURROGATE_LOW@@"_s;
const QString emoji = u"🙂"_s;

QStringList longStreamPieces(int count)
{
    QStringList pieces;
    pieces.reserve(count);
    for (int i = 1; i <= count; ++i)
        pieces.append(i == 1 ? u"Wort1"_s : u" Wort%1"_s.arg(i));
    return pieces;
}

QStringList whitespacePieces(const QStringList& pieces)
{
    QStringList result;
    for (const QString& piece : pieces) {
        if (piece.startsWith(u' ')) {
            result.append(u" "_s);
            result.append(piece.mid(1));
        } else {
            result.append(piece);
        }
    }
    result.append(u"\n"_s);
    return result;
}

QString longEventText()
{
    const QString unit = u" Sehr langer Inhalt mit Umlauten äöü und ß."_s;
    QString text;
    while (text.toUtf8().size() < longEventBytes)
        text += unit.repeated(1024);
    return text;
}

/// Builds the event list of one stream, applying the content-level stream faults.
class EventBuilder
{
public:
    EventBuilder(const ChatCompletionSpec& spec, const QString& fault, const QJsonObject& params)
        : m_spec(spec)
        , m_fault(fault)
        , m_params(params)
    {
    }

    QList<SseEvent> build();

private:
    bool is(QStringView name) const { return m_fault == name; }
    QJsonObject chunk(const QJsonArray& choices);
    QJsonObject choice(int index, const QJsonObject& delta, const QJsonValue& finish) const;
    void addChunk(const QJsonObject& object, bool content = false);
    void addContent(int index, const QString& piece);
    void addInterrupt(const QString& nextPiece);
    void addToolCalls();
    void addEnd(const QString& finishReason, bool twoChoices);

    const ChatCompletionSpec& m_spec;
    QString m_fault;
    QJsonObject m_params;
    QList<SseEvent> m_events;
    int m_chunkCount = 0;
    int m_completionTokens = 0;
};

QJsonObject EventBuilder::chunk(const QJsonArray& choices)
{
    QJsonObject object{{u"id"_s, m_spec.id}, {u"object"_s, u"chat.completion.chunk"_s},
                       {u"created"_s, m_spec.created}, {u"model"_s, m_spec.model}, {u"choices"_s, choices}};
    if (m_spec.includeUsage && !is(u"no-usage"))
        object.insert(u"usage"_s, QJsonValue::Null);
    if (is(u"odd-ids")) {
        object.insert(u"id"_s, u"chatcmpl-sim-odd-%1"_s.arg(m_chunkCount));
        object.insert(u"model"_s, QString());
        if (m_chunkCount % 2 == 0)
            object.insert(u"created"_s, 0);
        else
            object.remove(u"created"_s);
    }
    if (is(u"extra-fields")) {
        object.insert(u"system_fingerprint"_s, u"fp_sim_0001"_s);
        object.insert(u"obfuscation"_s, QString::fromLatin1(QByteArray("sim-obfuscation-").left(4 + m_chunkCount % 12)));
    }
    ++m_chunkCount;
    return object;
}

QJsonObject EventBuilder::choice(int index, const QJsonObject& delta, const QJsonValue& finish) const
{
    QJsonObject object{{u"index"_s, index}, {u"delta"_s, delta}, {u"finish_reason"_s, finish}};
    if (is(u"extra-fields")) {
        object.insert(u"logprobs"_s, QJsonValue::Null);
        const QJsonObject safe{{u"filtered"_s, false}, {u"severity"_s, u"safe"_s}};
        object.insert(u"content_filter_results"_s, QJsonObject{{u"hate"_s, safe}, {u"violence"_s, safe}});
    }
    return object;
}

void EventBuilder::addChunk(const QJsonObject& object, bool content)
{
    SseEvent event;
    event.payload = compactJson(object);
    event.payload.replace(highPlaceholder.toUtf8(), "\\ud83d"_ba);
    event.payload.replace(lowPlaceholder.toUtf8(), "\\ude42"_ba);
    event.content = content;
    m_events.append(event);
}

void EventBuilder::addContent(int index, const QString& piece)
{
    ++m_completionTokens;
    const qsizetype at = piece.indexOf(emoji);
    if (is(u"surrogate-split") && at >= 0) {
        const QString first = piece.left(at) + highPlaceholder;
        const QString second = lowPlaceholder + piece.mid(at + emoji.size());
        addChunk(chunk({choice(index, {{u"content"_s, first}}, QJsonValue::Null)}), true);
        addChunk(chunk({choice(index, {{u"content"_s, second}}, QJsonValue::Null)}), true);
        return;
    }
    addChunk(chunk({choice(index, {{u"content"_s, piece}}, QJsonValue::Null)}), true);
}

void EventBuilder::addInterrupt(const QString& nextPiece)
{
    const QJsonObject error = openAiErrorObject(u"Das Modell-Backend ist mitten in der Antwort ausgefallen (simuliert)."_s,
                                                u"server_error"_s, u"internal_error"_s);
    if (is(u"instream-error")) {
        addChunk({{u"error"_s, error}});
    } else if (is(u"event-error")) {
        addChunk({{u"error"_s, error}});
        m_events.last().eventName = "error"_ba;
    } else if (is(u"llamacpp-error")) {
        const QJsonObject llama{{u"code"_s, 500}, {u"message"_s, error.value(u"message"_s)}, {u"type"_s, u"server_error"_s}};
        m_events.append({SseEvent::Kind::Raw, "error: "_ba + compactJson(llama) + "\n\n"_ba, {}, false, true});
        m_events.append({SseEvent::Kind::Data, "[DONE]"_ba, {}, false, true});
    } else if (is(u"cut-mid-json")) {
        const QByteArray json = compactJson(chunk({choice(0, {{u"content"_s, nextPiece}}, QJsonValue::Null)}));
        m_events.append({SseEvent::Kind::Raw, "data: "_ba + json.left(json.size() / 2), {}, false, true});
    } else if (is(u"reset-mid-stream")) {
        m_events.append({SseEvent::Kind::Abort, {}, {}, false, true});
    }
}

void EventBuilder::addToolCalls()
{
    const QStringList arguments{uR"({"suchbegriff":"Hundesteuer Köln","anzahl":3})"_s,
                                uR"({"datum":"2025-03-01","ort":"Düsseldorf"})"_s};
    const QStringList names{u"dokumente_suchen"_s, u"termin_pruefen"_s};
    const QJsonObject role{{u"role"_s, u"assistant"_s}, {u"content"_s, QJsonValue::Null}};
    for (int call = 0; call < 2; ++call) {
        const QJsonObject function{{u"name"_s, names.at(call)}, {u"arguments"_s, QString()}};
        const QJsonObject toolCall{{u"index"_s, call}, {u"id"_s, u"call_sim_%1"_s.arg(call)},
                                   {u"type"_s, u"function"_s}, {u"function"_s, function}};
        QJsonObject delta = call == 0 ? role : QJsonObject{};
        delta.insert(u"tool_calls"_s, QJsonArray{toolCall});
        addChunk(chunk({choice(0, delta, QJsonValue::Null)}));
    }
    constexpr qsizetype fragment = 7;
    for (qsizetype offset = 0; offset < qMax(arguments.at(0).size(), arguments.at(1).size()); offset += fragment) {
        for (int call = 0; call < 2; ++call) {
            if (offset >= arguments.at(call).size())
                continue;
            const QJsonObject toolCall{{u"index"_s, call},
                                       {u"function"_s, QJsonObject{{u"arguments"_s, arguments.at(call).mid(offset, fragment)}}}};
            addChunk(chunk({choice(0, {{u"tool_calls"_s, QJsonArray{toolCall}}}, QJsonValue::Null)}), true);
            ++m_completionTokens;
        }
    }
    addEnd(u"tool_calls"_s, false);
}

void EventBuilder::addEnd(const QString& finishReason, bool twoChoices)
{
    if (is(u"no-done-no-finish"))
        return;
    QString finish = finishReason;
    if (is(u"finish-length"))
        finish = u"length"_s;
    else if (is(u"finish-content-filter"))
        finish = u"content_filter"_s;
    else if (is(u"finish-unknown"))
        finish = u"sim_unknown_reason"_s;
    else if (is(u"finish-empty"))
        finish = QString();
    addChunk(chunk({choice(0, {}, finish)}));
    if (twoChoices)
        addChunk(chunk({choice(1, {}, u"stop"_s)}));
    if (m_spec.includeUsage && !is(u"no-usage")) {
        QJsonObject usage = chunk({});
        usage.insert(u"usage"_s, usageJson(m_spec.promptTokens, m_completionTokens));
        addChunk(usage);
    }
    if (is(u"no-done-finish"))
        return;
    if (is(u"done-no-newline"))
        m_events.append({SseEvent::Kind::Raw, "data: [DONE]"_ba, {}, false, true});
    else
        m_events.append({SseEvent::Kind::Data, "[DONE]"_ba, {}, false, true});
}

QList<SseEvent> EventBuilder::build()
{
    if (is(u"empty-choices")) {
        const QJsonObject filter{{u"prompt_index"_s, 0},
                                 {u"content_filter_results"_s, QJsonObject{{u"hate"_s, QJsonObject{{u"filtered"_s, false}}}}}};
        addChunk({{u"id"_s, QString()}, {u"object"_s, QString()}, {u"created"_s, 0}, {u"model"_s, QString()},
                  {u"choices"_s, QJsonArray{}}, {u"prompt_filter_results"_s, QJsonArray{filter}}});
    }
    if (is(u"tool-calls")) {
        addToolCalls();
        return m_events;
    }
    QStringList pieces = m_spec.pieces;
    if (is(u"long-stream"))
        pieces = longStreamPieces(m_params.value(u"count"_s).toInt(defaultLongStreamChunks));
    if (is(u"whitespace-content"))
        pieces = whitespacePieces(pieces);
    if (is(u"long-event"))
        pieces.insert(qMin<qsizetype>(1, pieces.size()), longEventText());
    if (is(u"u2028"))
        pieces.append(u" Zeile\u2028Trenner\u2029Ende."_s);
    if (is(u"surrogate-split") && !pieces.join(QString()).contains(emoji))
        pieces.append(u" "_s + emoji);
    const bool twoChoices = is(u"multi-choice");
    const QStringList secondPieces = splitIntoPieces(u"Dies ist die zweite Antwortvariante mit dem Index eins."_s);

    const QJsonValue roleContent = is(u"role-first-null") ? QJsonValue(QJsonValue::Null) : QJsonValue(QString());
    addChunk(chunk({choice(0, {{u"role"_s, u"assistant"_s}, {u"content"_s, roleContent}}, QJsonValue::Null)}));
    if (twoChoices)
        addChunk(chunk({choice(1, {{u"role"_s, u"assistant"_s}, {u"content"_s, QString()}}, QJsonValue::Null)}));
    if (is(u"extra-fields")) {
        addChunk(chunk({choice(0, {{u"reasoning_content"_s, u"Ich prüfe zuerst die Anfrage."_s}}, QJsonValue::Null)}));
        addChunk(chunk({choice(0, {{u"reasoning"_s, u" Dann formuliere ich die Antwort."_s}}, QJsonValue::Null)}));
    }
    if (is(u"empty-data")) {
        m_events.append({SseEvent::Kind::Data, {}, {}, false, true});
        m_events.append({SseEvent::Kind::Data, "\"\""_ba, {}, false, true});
        m_events.append({SseEvent::Kind::Data, ": keepalive"_ba, {}, false, true});
    }
    const bool interrupts = is(u"instream-error") || is(u"event-error") || is(u"llamacpp-error") || is(u"cut-mid-json")
        || is(u"reset-mid-stream");
    const qsizetype interruptAfter
        = std::clamp<qsizetype>(m_params.value(u"after"_s).toInt(defaultInterruptAfter), 0, pieces.size());
    for (qsizetype i = 0; i < qMax(pieces.size(), twoChoices ? secondPieces.size() : 0); ++i) {
        if (interrupts && i == interruptAfter) {
            addInterrupt(pieces.value(i, u" Ende"_s));
            return m_events;
        }
        if (i < pieces.size())
            addContent(0, pieces.at(i));
        if (twoChoices && i < secondPieces.size())
            addContent(1, secondPieces.at(i));
    }
    if (interrupts) {
        addInterrupt(u" Ende"_s);
        return m_events;
    }
    addEnd(m_spec.finishReason, twoChoices);
    return m_events;
}

} // namespace

QList<SseEvent> buildChatEvents(const ChatCompletionSpec& spec, const QString& fault, const QJsonObject& params)
{
    return EventBuilder(spec, fault, params).build();
}

QJsonObject usageJson(int promptTokens, int completionTokens)
{
    return QJsonObject{{u"prompt_tokens"_s, promptTokens},
                       {u"completion_tokens"_s, completionTokens},
                       {u"total_tokens"_s, promptTokens + completionTokens}};
}

QJsonObject buildChatCompletion(const ChatCompletionSpec& spec)
{
    const QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, spec.pieces.join(QString())},
                              {u"refusal"_s, QJsonValue::Null}};
    const QJsonObject choice{{u"index"_s, 0}, {u"message"_s, message}, {u"finish_reason"_s, spec.finishReason},
                             {u"logprobs"_s, QJsonValue::Null}};
    return QJsonObject{{u"id"_s, spec.id},
                       {u"object"_s, u"chat.completion"_s},
                       {u"created"_s, spec.created},
                       {u"model"_s, spec.model},
                       {u"choices"_s, QJsonArray{choice}},
                       {u"usage"_s, usageJson(spec.promptTokens, spec.completionTokens())}};
}

} // namespace genius::sim
