#include "ui/pdfpageview.h"

#include <QPainter>
#include <QPdfDocument>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace genius::ui {

namespace {

constexpr double kMinScale = 0.25;
constexpr double kMaxScale = 6.0;
constexpr double kZoomStep = 1.25;
constexpr int kMarkPadding = 2; // pixels around a marked line, so descenders stay inside

} // namespace

/// The rendered page and the marks over it.
class PdfPageView::PageWidget final : public QWidget
{
public:
    explicit PageWidget(QWidget* parent)
        : QWidget(parent)
    {
    }

    void setPage(QImage image, QList<QRect> marks)
    {
        m_image = std::move(image);
        m_marks = std::move(marks);
        const qreal ratio = m_image.devicePixelRatio();
        setFixedSize(QSize(qRound(m_image.width() / ratio), qRound(m_image.height() / ratio)));
        update();
    }
    const QList<QRect>& marks() const { return m_marks; }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), Qt::white);
        painter.drawImage(QPoint(0, 0), m_image);
        QColor tint = palette().color(QPalette::Highlight);
        tint.setAlpha(80);
        QPen frame(palette().color(QPalette::Highlight), 2);
        painter.setPen(frame);
        painter.setBrush(tint);
        for (const QRect& mark : std::as_const(m_marks))
            painter.drawRect(mark);
    }

private:
    QImage m_image;
    QList<QRect> m_marks;
};

PdfPageView::PdfPageView(QWidget* parent)
    : QScrollArea(parent)
    , m_pageWidget(new PageWidget(this))
{
    setWidget(m_pageWidget);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundRole(QPalette::Dark);
}

PdfPageView::~PdfPageView() = default;

void PdfPageView::setDocument(QPdfDocument* document)
{
    m_document = document;
    m_page = 0;
    m_marks.clear();
    m_pageWidget->setPage({}, {});
}

int PdfPageView::pageCount() const
{
    return m_document ? m_document->pageCount() : 0;
}

void PdfPageView::showPage(int number, const QList<QRectF>& marks)
{
    if (!m_document || number < 1 || number > pageCount())
        return;
    m_page = number;
    m_marks = marks;
    render();
    if (!m_pageWidget->marks().isEmpty()) {
        const QRect first = m_pageWidget->marks().first();
        ensureVisible(first.center().x(), first.center().y(), first.width() / 2 + 20, viewport()->height() / 3);
    } else {
        verticalScrollBar()->setValue(0);
    }
    Q_EMIT pageShown(number);
}

void PdfPageView::zoomIn()
{
    m_fitWidth = false;
    m_scale = std::min(kMaxScale, m_scale * kZoomStep);
    render();
}

void PdfPageView::zoomOut()
{
    m_fitWidth = false;
    m_scale = std::max(kMinScale, m_scale / kZoomStep);
    render();
}

void PdfPageView::fitWidth()
{
    m_fitWidth = true;
    render();
}

QList<QRect> PdfPageView::marksOnPage() const
{
    return m_pageWidget->marks();
}

void PdfPageView::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    if (m_fitWidth && event->size().width() != event->oldSize().width())
        render();
}

void PdfPageView::render()
{
    if (!m_document || m_page < 1)
        return;
    const QSizeF points = m_document->pagePointSize(m_page - 1);
    if (points.isEmpty())
        return;
    if (m_fitWidth) {
        // Room for the vertical scroll bar is kept either way, so showing it does not re-fit the page.
        const int available = width() - 2 * frameWidth() - verticalScrollBar()->sizeHint().width();
        m_scale = std::clamp(available / points.width(), kMinScale, kMaxScale);
    }
    const qreal ratio = devicePixelRatioF();
    const QSize logical(qRound(points.width() * m_scale), qRound(points.height() * m_scale));
    QImage image = m_document->render(m_page - 1, logical * ratio);
    image.setDevicePixelRatio(ratio);
    QList<QRect> marks;
    for (const QRectF& mark : std::as_const(m_marks)) {
        const QRectF scaled(mark.left() * m_scale, mark.top() * m_scale, mark.width() * m_scale, mark.height() * m_scale);
        marks.append(scaled.toAlignedRect().adjusted(-kMarkPadding, -kMarkPadding, kMarkPadding, kMarkPadding));
    }
    m_pageWidget->setPage(std::move(image), std::move(marks));
}

} // namespace genius::ui
