#pragma once

#include "core/common/error.h"
#include "core/storage/conversationrecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace genius::storage {

/// The file formats a conversation can be exported to.
enum class ExportFormat { Markdown, Odt, Docx, Pdf };

/// "md", "odt", "docx", "pdf".
QString exportFormatName(ExportFormat format);
/// Parses the spelling above (also "markdown"); anything else gives no value.
std::optional<ExportFormat> parseExportFormat(const QString& text);
/// ODT and PDF are laid out by Qt Gui's text engine and need a QGuiApplication (the
/// offscreen platform is enough); Markdown and DOCX work under a QCoreApplication.
bool exportNeedsGui(ExportFormat format);

/// Turns a conversation's active path into a document: a header (title, date, protection
/// class), then every message with its role and time, then the sources an answer cites as
/// "[n] name, p. page". Labels are translated (context "ConversationExport").
class ConversationExport final
{
    Q_DECLARE_TR_FUNCTIONS(ConversationExport)

public:
    ConversationExport(ConversationRecord conversation, QList<MessageRecord> path);

    /// The whole export as Markdown text.
    QString markdown() const;
    /// Writes the export to `filePath`, replacing it only once the new file is complete.
    /// Errors: Unavailable (ODT or PDF without a QGuiApplication), Io.
    common::Result<void> write(ExportFormat format, const QString& filePath) const;

private:
    ConversationRecord m_conversation;
    QList<MessageRecord> m_path;
};

} // namespace genius::storage
