#include "documentstesthelpers.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <vector>

namespace genius::documents::testing {

QString corpusDir()
{
    const QString dir = QStringLiteral(GENIUS_CORPUS_DIR);
    return QDir(dir).exists() ? QDir(dir).absolutePath() : QString();
}

QString fixturePath(const QString& name)
{
    return QStringLiteral(GENIUS_DOCUMENTS_FIXTURES) + u'/' + name;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

qsizetype editDistance(QStringView a, QStringView b)
{
    std::vector<qsizetype> previous(static_cast<size_t>(b.size()) + 1);
    std::vector<qsizetype> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<qsizetype>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype substitution = previous[static_cast<size_t>(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[static_cast<size_t>(j)] = std::min(
                { previous[static_cast<size_t>(j)] + 1, current[static_cast<size_t>(j - 1)] + 1, substitution });
        }
        std::swap(previous, current);
    }
    return previous.back();
}

QString collapseWhitespace(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString(text).replace(space, QStringLiteral(" ")).trimmed();
}

} // namespace genius::documents::testing
