// The shared store's URL parser and SQL quoting against arbitrary text (both build what reaches
// libpq and the server from what users and policies type). Input: one selector byte (0: URL,
// 1: identifier, 2: literal), then UTF-8 text.
// URL: never crash; a parsed address displays the same with or without its password (the
// password never shows); the URL without its password parses to the same address without the
// password; the connect options are only known libpq keywords, one per ';'-separated part.
// Quoting: the quoted form has the documented shape and unquotes to the input exactly.
#include "core/sharedstore/sqlquoting.h"
#include "core/sharedstore/storeaddress.h"
#include "fuzzcheck.h"

#include <QStringList>

#include <optional>

#include <cstdint>

using namespace genius::sharedstore;

namespace {

bool sameAddress(const StoreAddress& a, const StoreAddress& b)
{
    return a.host == b.host && a.port == b.port && a.database == b.database && a.user == b.user
        && a.sslMode == b.sslMode && a.connectTimeoutSeconds == b.connectTimeoutSeconds;
}

void checkUrl(const QString& url)
{
    const auto address = parseStoreUrl(url);
    if (!address)
        return;
    StoreAddress withoutPassword = *address;
    withoutPassword.password.clear();
    FUZZ_CHECK(address->display() == withoutPassword.display());

    const auto again = parseStoreUrl(storeUrlWithoutPassword(url));
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->password.isEmpty());
    FUZZ_CHECK(sameAddress(*again, *address));

    const auto options = storeConnectOptions(*address, QString(), QString());
    if (!options)
        return;
    static const QStringList known = {QStringLiteral("connect_timeout"), QStringLiteral("application_name"),
                                      QStringLiteral("sslmode"), QStringLiteral("sslrootcert")};
    for (const QString& part : options->split(QLatin1Char(';'), Qt::SkipEmptyParts))
        FUZZ_CHECK(known.contains(part.section(QLatin1Char('='), 0, 0)));
}

/// `inner` with every doubled `quote` made single; no value when a quote stands alone.
std::optional<QString> undoubled(const QString& inner, QChar quote)
{
    QString text;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner.at(i) == quote) {
            if (i + 1 >= inner.size() || inner.at(i + 1) != quote)
                return std::nullopt;
            ++i;
        }
        text.append(inner.at(i));
    }
    return text;
}

void checkIdentifier(const QString& name)
{
    const QString quoted = quoteIdentifier(name);
    FUZZ_CHECK(quoted.size() >= 2 && quoted.startsWith(QLatin1Char('"')) && quoted.endsWith(QLatin1Char('"')));
    FUZZ_CHECK(undoubled(quoted.mid(1, quoted.size() - 2), QLatin1Char('"')) == name);
}

void checkLiteral(const QString& text)
{
    if (text.contains(QChar(u'\0')))
        return; // documented: PostgreSQL cannot store NUL, callers never pass it
    const QString quoted = quoteLiteral(text);
    const bool escaped = quoted.startsWith(QStringLiteral("E'"));
    FUZZ_CHECK(escaped == text.contains(QLatin1Char('\\')));
    FUZZ_CHECK(quoted.endsWith(QLatin1Char('\'')));
    auto inner = undoubled(quoted.mid(escaped ? 2 : 1, quoted.size() - (escaped ? 3 : 2)), QLatin1Char('\''));
    FUZZ_CHECK(inner.has_value());
    if (escaped) // E'…': a backslash escapes the next character; quoteLiteral doubles them
        inner = undoubled(*inner, QLatin1Char('\\'));
    FUZZ_CHECK(inner.has_value());
    FUZZ_CHECK(*inner == text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1));
    switch (data[0] % 3) {
    case 0:
        checkUrl(text);
        break;
    case 1:
        checkIdentifier(text);
        break;
    default:
        checkLiteral(text);
        break;
    }
    return 0;
}
