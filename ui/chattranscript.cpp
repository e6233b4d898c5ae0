#include "ui/chattranscript.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QTextCursor>
#include <QTextEdit>
#include <QUrl>

namespace genius::ui {

namespace {

const QString kScheme = QStringLiteral("genius-version");

void insertLink(QTextCursor& cursor, const QTextEdit& transcript, const QString& text, const QString& messageId)
{
    QTextCharFormat link;
    link.setAnchor(true);
    link.setAnchorHref(kScheme + u':' + messageId);
    link.setFontUnderline(true); // a link is told by its underline, not by colour alone
    link.setForeground(transcript.palette().color(QPalette::Link));
    cursor.insertText(text, link);
}

} // namespace

void appendTranscriptMessage(QTextEdit& transcript, const QString& who, const QString& markdown,
                             const MessageVersions& versions)
{
    QTextCursor cursor(transcript.document());
    cursor.movePosition(QTextCursor::End);
    QTextBlockFormat header;
    header.setTopMargin(transcript.fontMetrics().height()); // a gap between messages
    if (transcript.document()->isEmpty())
        cursor.setBlockFormat(header);
    else
        cursor.insertBlock(header, QTextCharFormat());
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertText(who, bold);
    if (versions.count > 1) {
        cursor.insertText(QStringLiteral("    "), QTextCharFormat());
        if (!versions.previousId.isEmpty()) {
            insertLink(cursor, transcript, QCoreApplication::translate("genius::ui::ChatPage", "‹ earlier version"),
                       versions.previousId);
            cursor.insertText(QStringLiteral("  "), QTextCharFormat());
        }
        cursor.insertText(QCoreApplication::translate("genius::ui::ChatPage", "version %1 of %2")
                              .arg(versions.number)
                              .arg(versions.count),
                          QTextCharFormat());
        if (!versions.nextId.isEmpty()) {
            cursor.insertText(QStringLiteral("  "), QTextCharFormat());
            insertLink(cursor, transcript, QCoreApplication::translate("genius::ui::ChatPage", "later version ›"),
                       versions.nextId);
        }
    }
    if (!markdown.isEmpty()) {
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        cursor.insertMarkdown(markdown);
    }
}

QString versionTarget(const QUrl& link)
{
    return link.scheme() == kScheme ? link.path() : QString();
}

} // namespace genius::ui
