#include "core/settings/settingsvalidators.h"

#include "core/domain/protectionclass.h"

#include <QMetaType>
#include <QUrl>

namespace genius::settings::validators {

using common::ErrorCode;
using common::fail;
using common::Result;

namespace {

bool isTextLike(const QVariant& raw)
{
    const int id = raw.metaType().id();
    return id == QMetaType::QString || id == QMetaType::QByteArray || id == QMetaType::Int
        || id == QMetaType::UInt || id == QMetaType::LongLong || id == QMetaType::Double
        || id == QMetaType::Bool;
}

Result<QString> asText(const QVariant& raw)
{
    if (!isTextLike(raw))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("expected a single text value"));
    return raw.toString().trimmed();
}

} // namespace

Validator anyText()
{
    return [](const QVariant& raw) -> Result<QVariant> {
        auto text = asText(raw);
        if (!text)
            return std::unexpected(text.error());
        return QVariant(*text);
    };
}

Validator oneOf(const QStringList& choices)
{
    return [choices](const QVariant& raw) -> Result<QVariant> {
        auto text = asText(raw);
        if (!text)
            return std::unexpected(text.error());
        if (!choices.contains(*text))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("expected one of %1").arg(choices.join(QStringLiteral(", "))));
        return QVariant(*text);
    };
}

Validator boolean()
{
    return [](const QVariant& raw) -> Result<QVariant> {
        if (raw.metaType().id() == QMetaType::Bool)
            return raw;
        const QString text = raw.toString().trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes"))
            return QVariant(true);
        if (text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no"))
            return QVariant(false);
        return fail(ErrorCode::InvalidArgument, QStringLiteral("expected true or false"));
    };
}

Validator integerRange(int minimum, int maximum)
{
    return [minimum, maximum](const QVariant& raw) -> Result<QVariant> {
        bool ok = false;
        const qlonglong value = raw.metaType().id() == QMetaType::Double
            ? static_cast<qlonglong>(raw.toDouble(&ok))
            : raw.toString().trimmed().toLongLong(&ok);
        if (!ok || (raw.metaType().id() == QMetaType::Double && raw.toDouble() != static_cast<double>(value)))
            return fail(ErrorCode::InvalidArgument, QStringLiteral("expected a whole number"));
        if (value < minimum || value > maximum)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("expected a number from %1 to %2").arg(minimum).arg(maximum));
        return QVariant(static_cast<int>(value));
    };
}

Validator httpUrl(bool allowEmpty)
{
    return [allowEmpty](const QVariant& raw) -> Result<QVariant> {
        auto text = asText(raw);
        if (!text)
            return std::unexpected(text.error());
        if (text->isEmpty() && allowEmpty)
            return QVariant(QString());
        const QUrl url(*text, QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || url.host().isEmpty()
            || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("expected an http or https URL such as https://aiaas.example/v1"));
        if (!url.userInfo().isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("credentials do not belong in the URL; store the key in the keychain"));
        return QVariant(url.toString(QUrl::StripTrailingSlash));
    };
}

Validator proxy()
{
    return [](const QVariant& raw) -> Result<QVariant> {
        auto text = asText(raw);
        if (!text)
            return std::unexpected(text.error());
        if (text->isEmpty() || *text == QLatin1String("none"))
            return QVariant(*text);
        const QUrl url(*text, QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (!url.isValid() || url.host().isEmpty() || url.port() <= 0
            || (scheme != QLatin1String("http") && scheme != QLatin1String("socks5")))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("expected empty (system proxy), none, or a URL such as http://proxy:3128"));
        return QVariant(*text);
    };
}

Validator storeUrl()
{
    return [](const QVariant& raw) -> Result<QVariant> {
        auto text = asText(raw);
        if (!text)
            return std::unexpected(text.error());
        if (text->isEmpty())
            return QVariant(QString());
        const QUrl url(*text, QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres")))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("expected empty (the local profile) or a postgresql:// URL"));
        if (!url.password().isEmpty())
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("passwords do not belong in the URL; store them in the keychain"));
        return QVariant(*text);
    };
}

Validator listOf(Validator item)
{
    return [item](const QVariant& raw) -> Result<QVariant> {
        QStringList parts;
        const int id = raw.metaType().id();
        if (id == QMetaType::QStringList || id == QMetaType::QVariantList) {
            for (const QVariant& element : raw.toList())
                parts << element.toString();
        } else if (isTextLike(raw)) {
            parts = raw.toString().split(QLatin1Char(';'));
        } else {
            return fail(ErrorCode::InvalidArgument, QStringLiteral("expected a list"));
        }
        QStringList result;
        for (const QString& part : std::as_const(parts)) {
            if (part.trimmed().isEmpty())
                continue;
            auto checked = item(QVariant(part.trimmed()));
            if (!checked)
                return fail(ErrorCode::InvalidArgument,
                            QStringLiteral("item \"%1\": %2").arg(part.trimmed(), checked.error().detail));
            result << checked->toString();
        }
        return QVariant(result);
    };
}

Validator clearanceEntry()
{
    return [](const QVariant& raw) -> Result<QVariant> {
        const QString text = raw.toString().trimmed();
        const qsizetype eq = text.lastIndexOf(QLatin1Char('='));
        const QString model = eq > 0 ? text.left(eq).trimmed() : QString();
        const QString cls = eq > 0 ? text.mid(eq + 1).trimmed() : QString();
        const auto parsed = domain::parseProtectionClass(cls);
        if (model.isEmpty() || !parsed || *parsed == domain::ProtectionClass::VeryHigh)
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("expected model=none|normal|high"));
        return QVariant(model + QLatin1Char('=') + cls);
    };
}

Validator contextWindowEntry()
{
    return [](const QVariant& raw) -> Result<QVariant> {
        const QString text = raw.toString().trimmed();
        const qsizetype eq = text.lastIndexOf(QLatin1Char('='));
        const QString model = eq > 0 ? text.left(eq).trimmed() : QString();
        bool ok = false;
        const int tokens = eq > 0 ? text.mid(eq + 1).trimmed().toInt(&ok) : 0;
        if (model.isEmpty() || model.contains(QLatin1Char(' ')) || !ok || tokens < 512 || tokens > 10000000)
            return fail(ErrorCode::InvalidArgument, QStringLiteral("expected model=tokens with 512 to 10000000 tokens"));
        return QVariant(model + QLatin1Char('=') + QString::number(tokens));
    };
}

Validator modelName()
{
    return [](const QVariant& raw) -> Result<QVariant> {
        const QString text = raw.toString().trimmed();
        for (const QChar c : text) {
            if (c.isSpace() || c.category() == QChar::Other_Control)
                return fail(ErrorCode::InvalidArgument,
                            QStringLiteral("a model name has no spaces or control characters"));
        }
        return QVariant(text);
    };
}

} // namespace genius::settings::validators
