#include "keyring.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace genius::sim {

std::optional<KeySpec> parseKeySpec(const QString& text)
{
    KeySpec spec;
    const qsizetype marker = text.lastIndexOf(u":budget="_s);
    if (marker < 0) {
        spec.key = text;
    } else {
        spec.key = text.left(marker);
        bool ok = false;
        const double budget = text.mid(marker + 8).toDouble(&ok);
        if (!ok || budget < 0)
            return std::nullopt;
        spec.budgetEur = budget;
    }
    if (spec.key.isEmpty())
        return std::nullopt;
    return spec;
}

KeyRing::KeyRing(const QList<KeySpec>& keys)
{
    for (const KeySpec& spec : keys)
        m_accounts.insert(spec.key, Account{spec.budgetEur, 0.0});
}

QString KeyRing::keyId(const QString& key)
{
    const QByteArray digest = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(8));
}

double KeyRing::spend(const QString& key) const
{
    return m_accounts.value(key).spendEur;
}

std::optional<double> KeyRing::budget(const QString& key) const
{
    return m_accounts.value(key).budgetEur;
}

bool KeyRing::budgetExhausted(const QString& key) const
{
    const auto it = m_accounts.constFind(key);
    return it != m_accounts.constEnd() && it->budgetEur && it->spendEur >= *it->budgetEur;
}

void KeyRing::charge(const QString& key, int tokens)
{
    const auto it = m_accounts.find(key);
    if (it != m_accounts.end())
        it->spendEur += eurPerThousandTokens * tokens / 1000.0;
}

void KeyRing::resetSpends()
{
    for (Account& account : m_accounts)
        account.spendEur = 0.0;
}

QJsonObject KeyRing::keyInfoJson(const QString& key) const
{
    const std::optional<double> limit = budget(key);
    const QJsonObject info{
        {u"spend"_s, spend(key)},
        {u"max_budget"_s, limit ? QJsonValue(*limit) : QJsonValue(QJsonValue::Null)},
    };
    return QJsonObject{{u"key"_s, keyId(key)}, {u"info"_s, info}};
}

QString KeyRing::budgetExceededMessage(const QString& key) const
{
    return u"Budget has been exceeded! Current cost: %1, Max budget: %2"_s.arg(spend(key)).arg(budget(key).value_or(0.0));
}

} // namespace genius::sim
