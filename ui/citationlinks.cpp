#include "ui/citationlinks.h"

#include "core/services/sourceservice.h"
#include "ui/functionwidgets.h"
#include "ui/sourcewindow.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QUrl>

namespace genius::ui {

namespace {

const QString kScheme = QStringLiteral("genius-source");

QString failureText(const common::Error& error)
{
    return QCoreApplication::translate("genius::ui::SourceWindow", "The source cannot be shown: %1").arg(error.detail);
}

} // namespace

QString sourceLink(int number)
{
    return kScheme + u':' + QString::number(number);
}

int citedSourceNumber(const QUrl& link)
{
    if (link.scheme() != kScheme)
        return 0;
    bool ok = false;
    const int number = link.path().toInt(&ok);
    return ok && number > 0 ? number : 0;
}

QString escapeMarkdown(const QString& text)
{
    static const QRegularExpression markup(QStringLiteral(R"(([\\`*_\[\]<>#|]))"));
    QString escaped = text;
    return escaped.replace(markup, QStringLiteral(R"(\\1)"));
}

QString linkCitations(const QString& markdown, qsizetype sourceCount)
{
    static const QRegularExpression citation(QStringLiteral(R"(\[(\d+(?:\s*[,;]\s*\d+)*)\])"));
    static const QRegularExpression number(QStringLiteral(R"(\d+)"));
    QString linked;
    qsizetype done = 0;
    for (auto match = citation.globalMatch(markdown); match.hasNext();) {
        const auto found = match.next();
        // An existing Markdown link "[1](…)" is left alone.
        if (found.capturedEnd() < markdown.size() && markdown.at(found.capturedEnd()) == u'(')
            continue;
        linked += markdown.mid(done, found.capturedStart() - done);
        QString inner = found.captured(1);
        QString replaced;
        qsizetype at = 0;
        for (auto digits = number.globalMatch(inner); digits.hasNext();) {
            const auto n = digits.next();
            replaced += inner.mid(at, n.capturedStart() - at);
            const int value = n.captured().toInt();
            replaced += value >= 1 && value <= sourceCount
                            ? QStringLiteral("[%1](%2)").arg(n.captured(), sourceLink(value))
                            : n.captured();
            at = n.capturedEnd();
        }
        replaced += inner.mid(at);
        linked += QStringLiteral(R"(\[)") + replaced + QStringLiteral(R"(\])");
        done = found.capturedEnd();
    }
    return linked + markdown.mid(done);
}

QString unlinkSources(const QString& markdown)
{
    static const QRegularExpression link(QStringLiteral(R"(\[((?:[^\]\\]|\\.)*)\]\(genius-source:\d+\))"));
    QString plain = markdown;
    return plain.replace(link, QStringLiteral(R"(\1)"));
}

QString sourcesMarkdown(const QList<services::AnswerSource>& sources, bool quote, bool links)
{
    QString markdown;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const auto& source = sources.at(i);
        const QString name = escapeMarkdown(source.name);
        const QString where = source.page > 0
                                  ? QCoreApplication::translate("SummaryPage", "%1, p. %2").arg(name).arg(source.page)
                                  : name;
        const int number = static_cast<int>(i + 1);
        const QString entry = links && source.documentId > 0 ? QStringLiteral("[%1](%2)").arg(where, sourceLink(number)) : where;
        // One paragraph per source, numbered as the citations are; the passage itself quoted
        // behind it, so the citation can be checked at a glance.
        markdown += QStringLiteral(R"(\[%1\] %2)").arg(number).arg(entry);
        if (quote)
            markdown += QStringLiteral(" — *„%1“*").arg(escapeMarkdown(source.text.simplified().left(300)));
        markdown += QStringLiteral("\n\n");
    }
    return markdown;
}

QString answerMarkdown(const services::FunctionAnswer& answer, bool quote, bool links)
{
    QString markdown = linkCitations(answer.text.trimmed(), links ? answer.sources.size() : 0) + QStringLiteral("\n\n");
    if (!answer.sources.isEmpty()) {
        markdown += QStringLiteral("**") + QCoreApplication::translate("genius::ui::SummaryPage", "Sources")
            + QStringLiteral("**\n\n") + sourcesMarkdown(answer.sources, quote, links);
    }
    return markdown;
}

SourceOpener* createSourceOpener(const services::SourceService& sources, QTextEdit& view, QLabel& status, QWidget* page)
{
    auto* opener = new SourceOpener(sources, page);
    opener->follow(&view);
    QObject::connect(opener, &SourceOpener::failed, &status, [&status](const QString& text) { announce(status, text); });
    return opener;
}

SourceOpener::SourceOpener(const services::SourceService& service, QWidget* parentWindow)
    : QObject(parentWindow)
    , m_service(service)
    , m_parentWindow(parentWindow)
{
}

SourceOpener::~SourceOpener() = default;

void SourceOpener::setAnswer(const services::FunctionAnswer& answer)
{
    m_sources = answer.sources;
    m_points = answer.points;
}

SourceWindow* SourceOpener::window() const
{
    return m_window;
}

bool SourceOpener::open(int number)
{
    if (number < 1 || number > m_sources.size())
        return false;
    QString statement;
    for (const services::AnswerPoint& point : std::as_const(m_points)) {
        if (point.sources.contains(number)) {
            statement = point.text;
            break;
        }
    }
    const auto passage = m_service.locate(m_sources.at(number - 1), statement);
    if (!passage) {
        Q_EMIT failed(failureText(passage.error()));
        return false;
    }
    if (!m_window) {
        m_window = new SourceWindow(m_parentWindow);
        m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    m_window->showPassage(*passage);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    return true;
}

void SourceOpener::follow(QTextEdit* view)
{
    if (auto* browser = qobject_cast<QTextBrowser*>(view)) {
        browser->setOpenLinks(false);
        connect(browser, &QTextBrowser::anchorClicked, this, [this](const QUrl& link) {
            if (const int number = citedSourceNumber(link))
                open(number);
        });
        return;
    }
    m_editors.append(view);
    view->viewport()->installEventFilter(this);
    view->viewport()->setMouseTracking(true);
}

bool SourceOpener::eventFilter(QObject* watched, QEvent* event)
{
    for (const QPointer<QTextEdit>& editor : std::as_const(m_editors)) {
        if (!editor || watched != editor->viewport())
            continue;
        if (event->type() == QEvent::MouseMove) {
            const auto* move = static_cast<QMouseEvent*>(event);
            const bool onLink = citedSourceNumber(QUrl(editor->anchorAt(move->position().toPoint()))) > 0;
            editor->viewport()->setCursor(onLink ? Qt::PointingHandCursor : Qt::IBeamCursor);
        } else if (event->type() == QEvent::MouseButtonRelease) {
            const auto* release = static_cast<QMouseEvent*>(event);
            if (release->button() == Qt::LeftButton) {
                if (const int number = citedSourceNumber(QUrl(editor->anchorAt(release->position().toPoint()))))
                    open(number);
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace genius::ui
