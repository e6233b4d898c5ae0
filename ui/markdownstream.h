#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

class QTextDocument;

namespace genius::ui {

/// Renders a streamed Markdown answer into the end of a QTextDocument at a cost linear in
/// its length: pieces are coalesced (one render per interval, not per token), finished blocks
/// (ended by a blank line outside a code fence) are converted once and never again, and only
/// the unfinished last block is redrawn on each render — capped, so that an answer without
/// blank lines still commits line by line.
class MarkdownStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkdownStream)

public:
    /// Renders at the end of `document`, which must outlive this object; nothing else may
    /// write to the document while the stream is open.
    explicit MarkdownStream(QTextDocument& document, QObject* parent = nullptr);
    ~MarkdownStream() override;

    /// How long pieces are collected before a render (default 50 ms; 0 renders each piece).
    void setInterval(int milliseconds);

    /// Adds a piece of the answer.
    void append(const QString& piece);
    /// Renders everything received so far now.
    void flush();
    /// Renders the rest and ends the stream: the last block is converted for good.
    void finish();

    /// The Markdown received so far.
    QString markdown() const { return m_committed + m_pending; }
    /// How many characters were converted in all renders (a measure of the work done).
    qint64 convertedCharacters() const { return m_converted; }

Q_SIGNALS:
    /// After each render (e.g. to keep the view scrolled to the end).
    void rendered();

private:
    void render(bool final);
    void commit(const QString& markdown);
    void replaceTail(const QString& markdown);
    void insertAtEnd(const QString& markdown);
    qsizetype safeBoundary(const QString& text) const;

    QTextDocument& m_document;
    QTimer m_timer;
    QString m_committed; ///< Markdown converted for good
    QString m_pending; ///< received, not yet committed
    bool m_inFence = false; ///< m_committed ends inside a ``` code fence
    int m_tailAnchor = -1; ///< document end before the redrawn last block; -1 without one
    qint64 m_converted = 0;
};

} // namespace genius::ui
