#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace genius::services {

/// A text-generation template: a Markdown file with a small front matter
/// (`title:`, `description:`) whose body tells the model what to draft and how it is laid out.
struct TextTemplate {
    QString name;        ///< file name without ".md", e.g. "buergeranfrage"
    QString title;       ///< e.g. "Antwort auf eine Bürgeranfrage"
    QString description; ///< one sentence
    QString body;        ///< the instructions and the layout, German
    QString path;        ///< the file it came from (":/templates/…" for a built-in one)
    bool builtIn = true;
};

/// The templates: files in the override directories (searched first, in order: the user's
/// `<profile>/templates`, then a machine directory) replace built-in ones of the same name
/// and add new ones. Built-ins: buergeranfrage, protokoll, vermerk, beschlussvorlage.
class TemplateLibrary final
{
public:
    explicit TemplateLibrary(QStringList overrideDirectories = {});

    /// All templates, sorted by name.
    QList<TextTemplate> templates() const;
    std::optional<TextTemplate> find(const QString& name) const;

    /// Copies the built-in templates into `directory` (existing files are kept) so they can
    /// be edited; returns the names written.
    QStringList exportBuiltIns(const QString& directory) const;

    /// `<profile>/templates`.
    static QString userDirectory(const QString& profileDirectory);

private:
    QStringList m_directories;
};

/// Parses one template file's text; no value when the front matter lacks a title.
std::optional<TextTemplate> parseTemplate(const QString& name, const QString& text);

} // namespace genius::services
