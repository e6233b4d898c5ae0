#include "core/storage/conversationexport.h"

#include "core/storage/exportdocument.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QSaveFile>

namespace genius::storage {

using common::ErrorCode;
using common::fail;

namespace {

QString displayTime(const QDateTime& time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

ExportBlock block(ExportBlock::Kind kind, const QString& text, bool bold = false)
{
    return {kind, {{text, bold}}};
}

/// "Label: value" with the label in bold.
ExportBlock labelled(const QString& label, const QString& value)
{
    return {ExportBlock::Kind::Meta, {{label, true}, {QLatin1Char(' ') + value, false}}};
}

QString escapeMarkdownLine(const QString& text)
{
    // A title or label must not turn into a heading, list or emphasis of its own.
    QString escaped = text;
    for (const QChar special : {QLatin1Char('\\'), QLatin1Char('*'), QLatin1Char('_'), QLatin1Char('`'),
                                QLatin1Char('#'), QLatin1Char('[')}) {
        escaped.replace(special, QLatin1Char('\\') + special);
    }
    return escaped;
}

common::Result<void> saveBytes(const QByteArray& bytes, const QString& filePath)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Io, QStringLiteral("The file %1 cannot be written: %2").arg(filePath, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(ErrorCode::Io, QStringLiteral("The file %1 could not be written completely: %2")
                                       .arg(filePath, file.errorString()));
    return {};
}

} // namespace

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Odt:
        return QStringLiteral("odt");
    case ExportFormat::Docx:
        return QStringLiteral("docx");
    case ExportFormat::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

std::optional<ExportFormat> parseExportFormat(const QString& text)
{
    const QString name = text.toLower();
    if (name == QLatin1String("markdown"))
        return ExportFormat::Markdown;
    for (const auto format : {ExportFormat::Markdown, ExportFormat::Odt, ExportFormat::Docx, ExportFormat::Pdf}) {
        if (name == exportFormatName(format))
            return format;
    }
    return std::nullopt;
}

bool exportNeedsGui(ExportFormat format)
{
    return format == ExportFormat::Odt || format == ExportFormat::Pdf;
}

QString ExportBlock::plainText() const
{
    QString text;
    for (const ExportRun& run : runs)
        text += run.text;
    return text;
}

ConversationExport::ConversationExport(ConversationRecord conversation, QList<MessageRecord> path)
    : m_conversation(std::move(conversation))
    , m_path(std::move(path))
{
}

namespace {

QString roleLabel(MessageRole role)
{
    switch (role) {
    case MessageRole::User:
        return ConversationExport::tr("User");
    case MessageRole::Assistant:
        return ConversationExport::tr("Assistant");
    case MessageRole::System:
        return ConversationExport::tr("System");
    }
    return {};
}

QString classLabel(domain::ProtectionClass protectionClass)
{
    switch (protectionClass) {
    case domain::ProtectionClass::None:
        return ConversationExport::tr("none");
    case domain::ProtectionClass::Normal:
        return ConversationExport::tr("normal");
    case domain::ProtectionClass::High:
        return ConversationExport::tr("high");
    case domain::ProtectionClass::VeryHigh:
        return ConversationExport::tr("very high");
    }
    return {};
}

QString stateNote(MessageState state)
{
    switch (state) {
    case MessageState::Complete:
        return {};
    case MessageState::Cut:
        return ConversationExport::tr("(cut off)");
    case MessageState::Failed:
        return ConversationExport::tr("(failed)");
    case MessageState::Cancelled:
        return ConversationExport::tr("(stopped)");
    }
    return {};
}

QString sourceLine(int number, const MessageSource& source)
{
    const QString name = source.name.isEmpty() ? source.document : source.name;
    if (source.page)
        return ConversationExport::tr("[%1] %2, p. %3").arg(number).arg(name).arg(*source.page);
    return QStringLiteral("[%1] %2").arg(number).arg(name);
}

ExportDocument documentFor(const ConversationRecord& conversation, const QList<MessageRecord>& path)
{
    ExportDocument document;
    document.title = conversation.title.isEmpty() ? ConversationExport::tr("Conversation") : conversation.title;
    document.blocks.append(block(ExportBlock::Kind::Title, document.title));
    document.blocks.append(labelled(ConversationExport::tr("Date:"), displayTime(conversation.createdAt)));
    document.blocks.append(
        labelled(ConversationExport::tr("Protection class:"), classLabel(conversation.protectionClass)));
    for (const MessageRecord& message : path) {
        ExportBlock heading{ExportBlock::Kind::Heading, {{roleLabel(message.role), true}}};
        QString detail = QStringLiteral(" \u00b7 ") + displayTime(message.createdAt);
        if (const QString note = stateNote(message.state); !note.isEmpty())
            detail += QLatin1Char(' ') + note;
        heading.runs.append({detail, false});
        document.blocks.append(heading);
        // One paragraph per line keeps the line structure in every format.
        const QStringList lines = message.content.split(QLatin1Char('\n'));
        for (const QString& line : lines) {
            QString text = line;
            if (text.endsWith(QLatin1Char('\r')))
                text.chop(1);
            document.blocks.append(block(ExportBlock::Kind::Paragraph, text));
        }
        if (message.role == MessageRole::Assistant && !message.sources.isEmpty()) {
            document.blocks.append(block(ExportBlock::Kind::Meta, ConversationExport::tr("Sources"), true));
            for (int i = 0; i < message.sources.size(); ++i)
                document.blocks.append(block(ExportBlock::Kind::Source, sourceLine(i + 1, message.sources.at(i))));
        }
    }
    return document;
}

} // namespace

QString ConversationExport::markdown() const
{
    const ExportDocument document = documentFor(m_conversation, m_path);
    QString text;
    // Block elements (headings, header lines, lists) need a blank line before them.
    const auto startBlock = [&text] {
        if (!text.isEmpty() && !text.endsWith(QStringLiteral("\n\n")))
            text += QLatin1Char('\n');
    };
    for (const ExportBlock& part : document.blocks) {
        switch (part.kind) {
        case ExportBlock::Kind::Title:
            text += QStringLiteral("# ") + escapeMarkdownLine(part.plainText()) + QStringLiteral("\n\n");
            break;
        case ExportBlock::Kind::Meta:
            startBlock();
            for (const ExportRun& run : part.runs)
                text += run.bold ? QStringLiteral("**") + run.text.trimmed() + QStringLiteral("**") : run.text;
            text += QStringLiteral("\n\n");
            break;
        case ExportBlock::Kind::Heading:
            startBlock();
            text += QStringLiteral("## ") + part.plainText() + QStringLiteral("\n\n");
            break;
        case ExportBlock::Kind::Paragraph:
            // Message text is often Markdown already: it is kept as written.
            text += part.plainText() + QLatin1Char('\n');
            break;
        case ExportBlock::Kind::Source:
            text += QStringLiteral("- ") + part.plainText() + QLatin1Char('\n');
            break;
        }
    }
    return text;
}

common::Result<void> ConversationExport::write(ExportFormat format, const QString& filePath) const
{
    if (exportNeedsGui(format) && !qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(ErrorCode::Unavailable,
                    QStringLiteral("Exporting to %1 needs Qt's text layout, which runs only in a QGuiApplication.")
                        .arg(exportFormatName(format).toUpper()));
    switch (format) {
    case ExportFormat::Markdown:
        return saveBytes(markdown().toUtf8(), filePath);
    case ExportFormat::Docx:
    case ExportFormat::Odt:
    case ExportFormat::Pdf: {
        const ExportDocument document = documentFor(m_conversation, m_path);
        const auto bytes = format == ExportFormat::Docx ? docxPackage(document)
            : textDocumentBytes(document, format == ExportFormat::Odt ? QByteArrayLiteral("odf") : QByteArrayLiteral("pdf"));
        if (!bytes)
            return std::unexpected(bytes.error());
        return saveBytes(*bytes, filePath);
    }
    }
    return fail(ErrorCode::InvalidArgument, QStringLiteral("Unknown export format."));
}

} // namespace genius::storage
