#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace genius::sim {

/// A key from the command line: "KEY" or "KEY:budget=EUR".
struct KeySpec {
    QString key;
    std::optional<double> budgetEur; ///< unlimited when empty
};

/// Parses "KEY[:budget=EUR]"; nothing for an empty key or a bad budget.
std::optional<KeySpec> parseKeySpec(const QString& text);

/// Accepted API keys, their budgets and what each has spent (EUR, by tokens).
class KeyRing final
{
public:
    static constexpr double eurPerThousandTokens = 0.002;

    explicit KeyRing(const QList<KeySpec>& keys);

    bool contains(const QString& key) const { return m_accounts.contains(key); }
    /// The first 8 hex digits of SHA-256(key): safe to log, stable across runs.
    static QString keyId(const QString& key);

    double spend(const QString& key) const;
    std::optional<double> budget(const QString& key) const;
    /// True when the key has a budget and its spend has reached it.
    bool budgetExhausted(const QString& key) const;
    /// Adds the cost of prompt plus completion tokens to the key's spend.
    void charge(const QString& key, int tokens);
    void resetSpends();

    /// The LiteLLM-style body of GET /key/info for the key.
    QJsonObject keyInfoJson(const QString& key) const;
    /// The LiteLLM budget_exceeded message for the key.
    QString budgetExceededMessage(const QString& key) const;

private:
    struct Account {
        std::optional<double> budgetEur;
        double spendEur = 0.0;
    };
    QHash<QString, Account> m_accounts;
};

} // namespace genius::sim
