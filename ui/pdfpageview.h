#pragma once

#include <QImage>
#include <QList>
#include <QRectF>
#include <QScrollArea>

class QPdfDocument;

namespace genius::ui {

/// One page of a PDF (Qt Pdf) at a time, fitted to the width or zoomed, with rectangles given
/// in PDF points drawn over it — a filled tint with a frame, so the mark does not depend on
/// colour alone. Scrolls with the keyboard like any scroll area.
class PdfPageView final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PdfPageView)

public:
    explicit PdfPageView(QWidget* parent = nullptr);
    ~PdfPageView() override;

    /// `document` must outlive the view (or be replaced before it goes).
    void setDocument(QPdfDocument* document);
    /// Shows page `number` (1-based) with `marks` (PDF points) and scrolls the first mark
    /// into view.
    void showPage(int number, const QList<QRectF>& marks = {});
    int page() const { return m_page; }
    int pageCount() const;

    void zoomIn();
    void zoomOut();
    /// Fits the page to the width of the view (the default; kept when the view is resized).
    void fitWidth();
    /// Pixels per PDF point at which the page is drawn.
    double scale() const { return m_scale; }
    /// The marks as drawn, in the coordinates of the page widget (`widget()`).
    QList<QRect> marksOnPage() const;

Q_SIGNALS:
    void pageShown(int number);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    class PageWidget;
    void render();

    QPdfDocument* m_document = nullptr;
    PageWidget* m_pageWidget = nullptr;
    int m_page = 0;
    QList<QRectF> m_marks;
    bool m_fitWidth = true;
    double m_scale = 1.0;
};

} // namespace genius::ui
