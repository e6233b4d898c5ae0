#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTextEdit;

namespace genius::models {
class DocumentTableModel;
}
namespace genius::services {
class SourceService;
class SummaryService;
struct FunctionAnswer;
}

namespace genius::ui {

class SourceOpener;

/// Textzusammenfassung: an imported document or pasted text, short / medium / long,
/// optionally with respect to an aspect. The summary's points cite their pages; the result
/// is editable, can be copied and saved. Without a model that may read the text (very-high,
/// no gateway) the summary is made locally and the page says so.
class SummaryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryPage)

public:
    /// `summaries` and `documents` (the imported documents; may be null) must outlive the page.
    SummaryPage(services::SummaryService& summaries, const models::DocumentTableModel* documents,
                QWidget* parent = nullptr);
    ~SummaryPage() override;

    /// Summarises the chosen source, as the Summarize button does.
    void summarize();
    /// Chooses pasted text as the source and sets it.
    void setPastedText(const QString& text);
    /// Chooses an imported document as the source; false when it is not offered (not ready).
    bool chooseDocument(qint64 id);
    /// The summary shown (Markdown, as edited).
    QString result() const;
    /// Makes the summary's citations and sources links that open the cited page.
    void enableSources(const services::SourceService& sources);
    /// Opens the cited sources; null until enableSources().
    SourceOpener* sourceOpener() const { return m_sourceOpener; }
    QString status() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// A summary (or the reason there is none) is shown.
    void finished();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshDocuments();
    void showAnswer(const services::FunctionAnswer& answer);
    void updateInputs();
    void saveResult();

    services::SummaryService& m_summaries;
    const models::DocumentTableModel* m_documents = nullptr;
    bool m_busy = false;

    QComboBox* m_source = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QComboBox* m_textClass = nullptr;
    QComboBox* m_length = nullptr;
    QLineEdit* m_aspect = nullptr;
    QPushButton* m_run = nullptr;
    QTextEdit* m_result = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_status = nullptr;
    SourceOpener* m_sourceOpener = nullptr;
};

} // namespace genius::ui
