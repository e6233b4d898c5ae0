#pragma once

#include "core/services/sourceservice.h"

#include <QDialog>

class QLabel;
class QPdfDocument;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTextBrowser;

namespace genius::ui {

class PdfPageView;

/// Shows a cited passage in its document: the original PDF at the cited page with the passage
/// marked from the stored word boxes, or — for other formats, or when the original was moved or
/// changed since the import — the stored text scrolled to the passage and selected. Non-modal;
/// one window is reused for every citation of a view.
class SourceWindow final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceWindow)

public:
    explicit SourceWindow(QWidget* parent = nullptr);
    ~SourceWindow() override;

    void showPassage(const services::SourcePassage& passage);

    bool showsPdf() const;
    /// The page shown (1-based; 0 for text without pages).
    int currentPage() const;
    /// The line under the title: what is shown and, where it applies, why not the original.
    QString note() const;
    PdfPageView* pdfView() const { return m_pdfView; }
    QTextBrowser* textView() const { return m_textView; }

private:
    void showPdfPage(int number);
    void showText();
    void updateControls();

    services::SourcePassage m_passage;
    QPdfDocument* m_document = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_note = nullptr;
    QStackedWidget* m_stack = nullptr;
    PdfPageView* m_pdfView = nullptr;
    QTextBrowser* m_textView = nullptr;
    QPushButton* m_previous = nullptr;
    QSpinBox* m_pageBox = nullptr;
    QLabel* m_pageCount = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_zoomOut = nullptr;
    QPushButton* m_zoomIn = nullptr;
    QPushButton* m_fit = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace genius::ui
