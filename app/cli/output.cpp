#include "app/cli/output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace genius::cli {

namespace {
void writeTo(std::FILE* stream, const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}
} // namespace

Output::Output(bool json)
    : m_json(json)
{
}

void Output::line(const QString& text) const
{
    writeTo(stdout, text.toUtf8());
}

void Output::stream(const QString& text) const
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void Output::jsonValue(const QJsonValue& value) const
{
    QByteArray bytes;
    if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else if (value.isObject())
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else // scalars: wrap and strip the brackets, QJsonDocument has no scalar form
        bytes = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    writeTo(stdout, bytes);
}

void Output::error(const QString& sentence) const
{
    writeTo(stderr, QStringLiteral("genius-cli: %1").arg(sentence).toUtf8());
}

} // namespace genius::cli
