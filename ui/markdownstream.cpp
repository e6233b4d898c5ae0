#include "ui/markdownstream.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

namespace genius::ui {

namespace {

constexpr int kDefaultIntervalMs = 50;
/// An unfinished block longer than this commits at its last line break: redrawing it on
/// every render would make a long answer without blank lines quadratic.
constexpr qsizetype kMaxTail = 1500;

bool isFence(QStringView line)
{
    return line.trimmed().startsWith(u"```") || line.trimmed().startsWith(u"~~~");
}

} // namespace

MarkdownStream::MarkdownStream(QTextDocument& document, QObject* parent)
    : QObject(parent)
    , m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &MarkdownStream::flush);
}

MarkdownStream::~MarkdownStream() = default;

void MarkdownStream::setInterval(int milliseconds)
{
    m_timer.setInterval(std::max(0, milliseconds));
}

void MarkdownStream::append(const QString& piece)
{
    if (piece.isEmpty())
        return;
    m_pending += piece;
    if (m_timer.interval() == 0)
        return flush();
    if (!m_timer.isActive())
        m_timer.start();
}

void MarkdownStream::flush()
{
    m_timer.stop();
    render(false);
}

void MarkdownStream::finish()
{
    m_timer.stop();
    render(true);
}

qsizetype MarkdownStream::safeBoundary(const QString& text) const
{
    // Walks the lines: a blank line outside a fence ends a block. Returns the end of the
    // last such block (after its blank line), or 0.
    bool inFence = m_inFence;
    qsizetype boundary = 0;
    qsizetype lastLineEnd = 0;
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            break; // the last line is unfinished
        const QStringView line = QStringView(text).mid(start, end - start);
        if (isFence(line))
            inFence = !inFence;
        else if (!inFence && line.trimmed().isEmpty())
            boundary = end + 1;
        if (!inFence)
            lastLineEnd = end + 1;
        start = end + 1;
    }
    if (text.size() - boundary > kMaxTail && lastLineEnd > boundary)
        return lastLineEnd;
    return boundary;
}

void MarkdownStream::render(bool final)
{
    const qsizetype boundary = final ? m_pending.size() : safeBoundary(m_pending);
    if (boundary > 0) {
        const QString block = m_pending.left(boundary);
        m_pending.remove(0, boundary);
        for (const QStringView line : QStringView(block).split(u'\n')) {
            if (isFence(line))
                m_inFence = !m_inFence;
        }
        commit(block);
    }
    if (!final)
        replaceTail(m_pending);
    Q_EMIT rendered();
}

void MarkdownStream::commit(const QString& markdown)
{
    // The redrawn tail showed the start of this block: it gives way to the final form.
    replaceTail(QString());
    insertAtEnd(markdown);
    m_committed += markdown;
    m_converted += markdown.size();
}

void MarkdownStream::replaceTail(const QString& markdown)
{
    if (m_tailAnchor >= 0) {
        QTextCursor cursor(&m_document);
        cursor.setPosition(m_tailAnchor);
        cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
        m_tailAnchor = -1;
    }
    if (markdown.isEmpty())
        return;
    QTextCursor end(&m_document);
    end.movePosition(QTextCursor::End);
    m_tailAnchor = end.position();
    insertAtEnd(markdown);
    m_converted += markdown.size();
}

void MarkdownStream::insertAtEnd(const QString& markdown)
{
    QTextCursor cursor(&m_document);
    cursor.movePosition(QTextCursor::End);
    // Each block starts a paragraph of its own, in no list and no heading: a plain new
    // block would inherit the format of the one before.
    int separator = -1;
    if (cursor.block().length() > 1 || cursor.block().textList() || cursor.blockFormat().headingLevel() > 0) {
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        separator = cursor.position();
    }
    // Trailing blank lines would leave an empty paragraph behind the block.
    qsizetype end = markdown.size();
    while (end > 0 && markdown.at(end - 1) == QLatin1Char('\n'))
        --end;
    cursor.insertMarkdown(markdown.left(end));
    // A list or a code block opens a block of its own, leaving the separator empty: drop it.
    const QTextBlock empty = separator >= 0 ? m_document.findBlock(separator) : QTextBlock();
    if (empty.isValid() && empty.length() == 1 && empty.next().isValid()) {
        QTextCursor join(&m_document);
        join.setPosition(empty.position() - 1);
        join.setPosition(empty.position(), QTextCursor::KeepAnchor);
        join.removeSelectedText();
    }
}

} // namespace genius::ui
