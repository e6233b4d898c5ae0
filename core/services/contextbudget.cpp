#include "core/services/contextbudget.h"

#include <algorithm>

namespace genius::services {

namespace {
constexpr int kFramingPerMessage = 6;
constexpr int kSafetyMargin = 64;
} // namespace

int ContextBudget::promptTokens() const
{
    return std::max(0, contextTokens - answerTokens - kSafetyMargin);
}

int estimateTokens(const QString& text)
{
    // 3 characters per token over-estimates German (≈3.3) and English (≈4) prose alike.
    return static_cast<int>((text.size() + 2) / 3);
}

int estimateTokens(const QList<gateway::ChatMessage>& messages)
{
    int total = 0;
    for (const gateway::ChatMessage& message : messages)
        total += estimateTokens(message.content) + kFramingPerMessage;
    return total;
}

int contextWindowFor(const QString& model, const QStringList& table, int fallback)
{
    int wildcard = 0;
    for (const QString& entry : table) {
        const QString name = entry.section(QLatin1Char('='), 0, 0).trimmed();
        bool ok = false;
        const int tokens = entry.section(QLatin1Char('='), 1).trimmed().toInt(&ok);
        if (!ok || tokens <= 0)
            continue;
        if (name == model)
            return tokens;
        if (name == QLatin1String("*"))
            wildcard = tokens;
    }
    return wildcard > 0 ? wildcard : fallback;
}

QList<gateway::ChatMessage> trimHistory(const QList<gateway::ChatMessage>& messages, int tokenBudget)
{
    qsizetype leading = 0;
    while (leading < messages.size() && messages.at(leading).role == QLatin1String("system"))
        ++leading;
    QList<gateway::ChatMessage> head = messages.mid(0, leading);
    int used = estimateTokens(head);
    QList<gateway::ChatMessage> tail;
    for (qsizetype i = messages.size() - 1; i >= leading; --i) {
        const int cost = estimateTokens(messages.at(i).content) + kFramingPerMessage;
        const bool isQuestion = i == messages.size() - 1;
        if (!isQuestion && used + cost > tokenBudget)
            break;
        used += cost;
        tail.prepend(messages.at(i));
    }
    // An assistant turn without the user turn that asked for it would confuse the model.
    while (tail.size() > 1 && tail.first().role == QLatin1String("assistant"))
        tail.removeFirst();
    return head + tail;
}

} // namespace genius::services
