#include "core/storage/conversationrecord.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

namespace genius::storage {

namespace {

constexpr std::array<const char*, 5> kFunctions = {"chat", "ask", "research", "summarize", "generate"};
constexpr std::array<const char*, 3> kRoles = {"user", "assistant", "system"};
constexpr std::array<const char*, 4> kStates = {"complete", "cut", "failed", "cancelled"};

template<typename Enum, std::size_t N>
std::optional<Enum> parseName(const std::array<const char*, N>& names, const QString& text)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (text == QLatin1String(names[i]))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QString nameOf(const std::array<const char*, N>& names, Enum value)
{
    return QString::fromLatin1(names[static_cast<std::size_t>(value)]);
}

} // namespace

QString conversationFunctionName(ConversationFunction function)
{
    return nameOf(kFunctions, function);
}

std::optional<ConversationFunction> parseConversationFunction(const QString& text)
{
    return parseName<ConversationFunction>(kFunctions, text);
}

QString messageRoleName(MessageRole role)
{
    return nameOf(kRoles, role);
}

std::optional<MessageRole> parseMessageRole(const QString& text)
{
    return parseName<MessageRole>(kRoles, text);
}

QString messageStateName(MessageState state)
{
    return nameOf(kStates, state);
}

std::optional<MessageState> parseMessageState(const QString& text)
{
    return parseName<MessageState>(kStates, text);
}

QString sourcesToJson(const QList<MessageSource>& sources)
{
    QJsonArray array;
    for (const MessageSource& source : sources) {
        bool numeric = false;
        const qint64 id = source.document.toLongLong(&numeric);
        array.append(QJsonObject{
            {QStringLiteral("document"), numeric ? QJsonValue(static_cast<double>(id)) : QJsonValue(source.document)},
            {QStringLiteral("name"), source.name},
            {QStringLiteral("page"), source.page ? QJsonValue(*source.page) : QJsonValue()},
            {QStringLiteral("text"), source.text},
        });
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<MessageSource> sourcesFromJson(const QString& json)
{
    QList<MessageSource> sources;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    const QJsonArray array = document.array();
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        MessageSource source;
        const QJsonValue id = object.value(QStringLiteral("document"));
        source.document = id.isDouble() ? QString::number(static_cast<qint64>(id.toDouble())) : id.toString();
        source.name = object.value(QStringLiteral("name")).toString();
        const QJsonValue page = object.value(QStringLiteral("page"));
        if (page.isDouble())
            source.page = page.toInt();
        source.text = object.value(QStringLiteral("text")).toString();
        sources.append(source);
    }
    return sources;
}

int RetentionPolicy::daysFor(domain::ProtectionClass protectionClass) const
{
    switch (protectionClass) {
    case domain::ProtectionClass::None:
        return noneDays;
    case domain::ProtectionClass::Normal:
        return normalDays;
    case domain::ProtectionClass::High:
        return highDays;
    case domain::ProtectionClass::VeryHigh:
        return veryHighDays;
    }
    return 0;
}

QString titleFromMessage(const QString& text)
{
    const QString simple = text.simplified();
    if (simple.size() <= kMaxTitleLength)
        return simple;
    // Leave room for the ellipsis; prefer a cut at the last space in the second half.
    QString cut = simple.left(kMaxTitleLength - 1);
    const qsizetype space = cut.lastIndexOf(QLatin1Char(' '));
    if (space > kMaxTitleLength / 2)
        cut.truncate(space);
    // Never leave half of a surrogate pair (an emoji) at the end.
    if (!cut.isEmpty() && cut.back().isHighSurrogate())
        cut.chop(1);
    return cut.trimmed() + QChar(0x2026);
}

} // namespace genius::storage
