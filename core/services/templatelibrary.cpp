#include "core/services/templatelibrary.h"

#include "core/services/serviceslogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>

namespace genius::services {

namespace {

const QString kBuiltInDirectory = QStringLiteral(":/templates");
const QString kSuffix = QStringLiteral(".md");
// A template is a page of instructions; anything far larger is not one and is not read whole.
constexpr qint64 kMaxTemplateBytes = 256 * 1024;

/// Template names become file names: lower-case letters, digits, "-" and "_" only, so a name
/// from the command line can never leave the template directories ("../x").
bool isValidName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    return pattern.match(name).hasMatch();
}

/// Reads and parses one template file; logs and returns nothing when it cannot be used.
std::optional<TextTemplate> loadFile(const QString& path, bool builtIn)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcServices) << "template file skipped, it cannot be read:" << path << file.errorString();
        return std::nullopt;
    }
    if (file.size() > kMaxTemplateBytes) {
        qCWarning(lcServices) << "template file skipped, it is larger than" << kMaxTemplateBytes << "bytes:" << path;
        return std::nullopt;
    }
    const QString name = QFileInfo(path).completeBaseName();
    std::optional<TextTemplate> parsed = parseTemplate(name, QString::fromUtf8(file.readAll()));
    if (!parsed) {
        qCWarning(lcServices) << "template file skipped, it lacks a front matter with a title or a body:" << path;
        return std::nullopt;
    }
    parsed->path = path;
    parsed->builtIn = builtIn;
    return parsed;
}

/// The template files of one directory by name (only names that are valid template names).
QMap<QString, QString> templateFiles(const QString& directory)
{
    QMap<QString, QString> files;
    const QDir dir(directory);
    if (directory.isEmpty() || !dir.exists())
        return files;
    const QFileInfoList entries
        = dir.entryInfoList({ QStringLiteral("*.md") }, QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo& entry : entries) {
        const QString name = entry.completeBaseName();
        if (isValidName(name))
            files.insert(name, entry.filePath());
        else
            qCWarning(lcServices) << "template file skipped, its name is not a valid template name:"
                                  << entry.filePath();
    }
    return files;
}

QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        value = value.sliced(1, value.size() - 2).trimmed();
    return value;
}

} // namespace

std::optional<TextTemplate> parseTemplate(const QString& name, const QString& text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (normalized.startsWith(u'\uFEFF'))
        normalized.remove(0, 1);
    const QStringList lines = normalized.split(u'\n');
    qsizetype i = 0;
    while (i < lines.size() && lines[i].trimmed().isEmpty())
        ++i;
    if (i >= lines.size() || lines[i].trimmed() != u"---")
        return std::nullopt;
    TextTemplate result;
    result.name = name;
    bool closed = false;
    for (++i; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line == u"---") {
            closed = true;
            ++i;
            break;
        }
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue; // comments and unknown lines in the front matter are ignored
        const QString key = line.first(colon).trimmed().toLower();
        const QString value = unquote(line.sliced(colon + 1));
        if (key == u"title")
            result.title = value;
        else if (key == u"description")
            result.description = value;
    }
    if (!closed || result.title.isEmpty())
        return std::nullopt;
    result.body = lines.mid(i).join(u'\n').trimmed();
    if (result.body.isEmpty())
        return std::nullopt; // a template without instructions cannot draft anything
    return result;
}

TemplateLibrary::TemplateLibrary(QStringList overrideDirectories)
    : m_directories(std::move(overrideDirectories))
{ }

QList<TextTemplate> TemplateLibrary::templates() const
{
    // The first directory that has a usable file of a name wins; the built-in one comes last.
    QMap<QString, TextTemplate> byName;
    QStringList tried;
    for (const QString& directory : m_directories) {
        const QMap<QString, QString> files = templateFiles(directory);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (byName.contains(it.key()))
                continue;
            if (std::optional<TextTemplate> t = loadFile(it.value(), false))
                byName.insert(it.key(), *t);
        }
    }
    const QMap<QString, QString> builtIns = templateFiles(kBuiltInDirectory);
    for (auto it = builtIns.cbegin(); it != builtIns.cend(); ++it) {
        if (byName.contains(it.key()))
            continue;
        if (std::optional<TextTemplate> t = loadFile(it.value(), true))
            byName.insert(it.key(), *t);
    }
    return byName.values();
}

std::optional<TextTemplate> TemplateLibrary::find(const QString& name) const
{
    if (!isValidName(name))
        return std::nullopt;
    for (const QString& directory : m_directories) {
        if (directory.isEmpty())
            continue;
        const QString path = QDir(directory).filePath(name + kSuffix);
        if (QFileInfo(path).isFile()) {
            if (std::optional<TextTemplate> t = loadFile(path, false))
                return t;
        }
    }
    const QString builtIn = kBuiltInDirectory + u'/' + name + kSuffix;
    if (QFileInfo(builtIn).isFile())
        return loadFile(builtIn, true);
    return std::nullopt;
}

QStringList TemplateLibrary::exportBuiltIns(const QString& directory) const
{
    QStringList written;
    if (!QDir().mkpath(directory)) {
        qCWarning(lcServices) << "templates not exported, the directory cannot be created:" << directory;
        return written;
    }
    const QMap<QString, QString> builtIns = templateFiles(kBuiltInDirectory);
    for (auto it = builtIns.cbegin(); it != builtIns.cend(); ++it) {
        const QString target = QDir(directory).filePath(it.key() + kSuffix);
        if (QFileInfo::exists(target))
            continue; // the user's edits are kept
        QFile source(it.value());
        QSaveFile out(target);
        // Written, not copied: a copy of a resource file would be read-only.
        if (!source.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) || out.write(source.readAll()) < 0
            || !out.commit()) {
            qCWarning(lcServices) << "template not exported:" << target << out.errorString();
            continue;
        }
        written.append(it.key());
    }
    return written;
}

QString TemplateLibrary::userDirectory(const QString& profileDirectory)
{
    return QDir(profileDirectory).filePath(QStringLiteral("templates"));
}

} // namespace genius::services
