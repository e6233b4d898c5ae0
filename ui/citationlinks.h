#pragma once

#include "core/services/functionresult.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QLabel;
class QTextEdit;
class QUrl;
class QWidget;

namespace genius::services {
class SourceService;
}

namespace genius::ui {

class SourceWindow;

/// `markdown` with every source number of a citation (`[2]`, `[1, 3]`) made a link to that
/// source; numbers outside 1..`sourceCount` stay plain text.
QString linkCitations(const QString& markdown, qsizetype sourceCount);
/// `markdown` with the links of linkCitations and sourcesMarkdown replaced by their text, for
/// saving and copying.
QString unlinkSources(const QString& markdown);
/// A link to source `number`, as linkCitations makes them.
QString sourceLink(int number);
/// The source number a link of linkCitations points at; 0 for any other link.
int citedSourceNumber(const QUrl& link);
/// The sources as Markdown paragraphs "[n] document, p. 3": the document and page a link to the
/// source when `links`, followed by the quoted passage when `quote`.
QString sourcesMarkdown(const QList<services::AnswerSource>& sources, bool quote, bool links);
/// An answer as the views show it: its text (citations linked when `links`), then "Sources" and
/// sourcesMarkdown() below.
QString answerMarkdown(const services::FunctionAnswer& answer, bool quote, bool links);
/// `text` with the characters Markdown would read as markup escaped.
QString escapeMarkdown(const QString& text);

/// Opens the cited sources of one answer in a source window that is reused for every citation.
/// Follows the links of text views: a click (or Enter on a link reached by Tab) opens the source.
class SourceOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceOpener)

public:
    /// The window is created on first use as a child window of `parentWindow`.
    SourceOpener(const services::SourceService& service, QWidget* parentWindow);
    ~SourceOpener() override;

    /// The answer whose citations open: its sources, and its statements to find the cited sentence.
    void setAnswer(const services::FunctionAnswer& answer);
    /// Opens source `number` (1-based). False, with failed() emitted, when it cannot be shown.
    bool open(int number);
    /// Opens the sources of the links in `view` (a QTextBrowser, or an editable QTextEdit whose
    /// links open on a click).
    void follow(QTextEdit* view);
    /// The window of the last source opened; null before the first.
    SourceWindow* window() const;

Q_SIGNALS:
    void failed(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const services::SourceService& m_service;
    QWidget* m_parentWindow = nullptr;
    QList<services::AnswerSource> m_sources;
    QList<services::AnswerPoint> m_points;
    QPointer<SourceWindow> m_window;
    QList<QPointer<QTextEdit>> m_editors; ///< editable views whose viewport clicks are watched
};

/// The opener of a view's sources (a child of `page`): follows the links of `view` and says in
/// `status` why a source cannot be shown.
SourceOpener* createSourceOpener(const services::SourceService& sources, QTextEdit& view, QLabel& status, QWidget* page);

} // namespace genius::ui
