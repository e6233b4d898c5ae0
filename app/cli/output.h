#pragma once

#include <QJsonValue>
#include <QString>

namespace genius::cli {

/// Where the CLI writes: results to stdout (text or JSON), errors to stderr as one sentence.
class Output final
{
public:
    explicit Output(bool json);

    bool json() const { return m_json; }
    /// A line of human-readable output on stdout.
    void line(const QString& text) const;
    /// Text as it streams: written to stdout at once, without a line end.
    void stream(const QString& text) const;
    /// One JSON value on stdout (compact, one line).
    void jsonValue(const QJsonValue& value) const;
    /// One sentence on stderr.
    void error(const QString& sentence) const;

private:
    bool m_json;
};

} // namespace genius::cli
