#include "ui/sourcewindow.h"

#include "ui/pdfpageview.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>

namespace genius::ui {

namespace {

QPushButton* toolButton(const QString& objectName, const QString& text, const QString& name, const QKeySequence& shortcut,
                        QWidget* parent)
{
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(name);
    button->setShortcut(shortcut);
    button->setToolTip(QStringLiteral("%1 (%2)").arg(name, shortcut.toString(QKeySequence::NativeText)));
    return button;
}

} // namespace

SourceWindow::SourceWindow(QWidget* parent)
    : QDialog(parent)
    , m_document(new QPdfDocument(this))
{
    setObjectName(QStringLiteral("sourceWindow"));
    setWindowTitle(tr("Source"));
    setAccessibleName(tr("Source"));
    setModal(false);
    resize(760, 900);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("sourceTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("sourceNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);

    m_pdfView = new PdfPageView(this);
    m_pdfView->setObjectName(QStringLiteral("sourcePdf"));
    m_pdfView->setAccessibleName(tr("Page of the original document"));
    m_pdfView->setAccessibleDescription(tr("The cited passage is marked with a frame."));
    m_textView = new QTextBrowser(this);
    m_textView->setObjectName(QStringLiteral("sourceText"));
    m_textView->setAccessibleName(tr("Text of the document"));
    m_textView->setAccessibleDescription(tr("The cited passage is selected and underlined."));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_pdfView);
    m_stack->addWidget(m_textView);

    m_previous = toolButton(QStringLiteral("sourcePreviousPage"), tr("Previous page"), tr("Previous page"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), this);
    m_next = toolButton(QStringLiteral("sourceNextPage"), tr("Next page"), tr("Next page"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), this);
    m_pageBox = new QSpinBox(this);
    m_pageBox->setObjectName(QStringLiteral("sourcePage"));
    m_pageBox->setAccessibleName(tr("Page"));
    m_pageBox->setKeyboardTracking(false);
    m_pageCount = new QLabel(this);
    m_zoomOut = toolButton(QStringLiteral("sourceZoomOut"), QStringLiteral("−"), tr("Zoom out"), QKeySequence::ZoomOut, this);
    m_zoomIn = toolButton(QStringLiteral("sourceZoomIn"), QStringLiteral("+"), tr("Zoom in"), QKeySequence::ZoomIn, this);
    m_fit = toolButton(QStringLiteral("sourceFitWidth"), tr("Fit width"), tr("Fit width"), QKeySequence(Qt::CTRL | Qt::Key_0), this);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("sourceClose"));
    m_close->setAccessibleName(tr("Close the source"));

    connect(m_previous, &QPushButton::clicked, this, [this] { showPdfPage(m_pdfView->page() - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { showPdfPage(m_pdfView->page() + 1); });
    connect(m_pageBox, &QSpinBox::valueChanged, this, [this](int number) {
        if (showsPdf() && number != m_pdfView->page())
            showPdfPage(number);
    });
    connect(m_zoomOut, &QPushButton::clicked, m_pdfView, &PdfPageView::zoomOut);
    connect(m_zoomIn, &QPushButton::clicked, m_pdfView, &PdfPageView::zoomIn);
    connect(m_fit, &QPushButton::clicked, m_pdfView, &PdfPageView::fitWidth);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_previous);
    controls->addWidget(m_pageBox);
    controls->addWidget(m_pageCount);
    controls->addWidget(m_next);
    controls->addSpacing(12);
    controls->addWidget(m_zoomOut);
    controls->addWidget(m_zoomIn);
    controls->addWidget(m_fit);
    controls->addStretch(1);
    controls->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_note);
    layout->addWidget(m_stack, 1);
    layout->addLayout(controls);
    const QList<QWidget*> order{m_pdfView, m_textView, m_previous, m_pageBox, m_next, m_zoomOut, m_zoomIn, m_fit, m_close};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

SourceWindow::~SourceWindow() = default;

void SourceWindow::showPassage(const services::SourcePassage& passage)
{
    m_passage = passage;
    m_pdfView->setDocument(nullptr);
    m_document->close();
    bool pdf = passage.showsPdf() && m_document->load(passage.originalPath) == QPdfDocument::Error::None;

    QString note;
    if (passage.format == QLatin1String("pdf") && !pdf) {
        note = passage.original == services::OriginalState::Changed
                   ? tr("The original file has changed since the import; showing the text stored then.")
                   : tr("The original file is no longer at %1; showing the text stored at the import.")
                         .arg(passage.originalPath);
    }
    if (!passage.found) {
        const QString missing = tr("The quoted passage was not found in the stored text.");
        note = note.isEmpty() ? missing : note + QLatin1Char(' ') + missing;
    } else if (note.isEmpty()) {
        note = pdf ? tr("The cited passage is marked with a frame.") : tr("The cited passage is selected and underlined.");
    }
    m_note->setText(note);
    m_title->setText(passage.page > 0 ? tr("%1, page %2").arg(passage.name).arg(passage.page) : passage.name);
    setWindowTitle(tr("Source: %1").arg(passage.name));

    if (pdf) {
        m_pdfView->setDocument(m_document);
        m_stack->setCurrentWidget(m_pdfView);
        m_pageBox->setRange(1, m_document->pageCount());
        m_pageCount->setText(tr("of %1").arg(m_document->pageCount()));
        showPdfPage(passage.page > 0 ? passage.page : 1);
    } else {
        m_stack->setCurrentWidget(m_textView);
        showText();
    }
    updateControls();
}

bool SourceWindow::showsPdf() const
{
    return m_stack->currentWidget() == m_pdfView;
}

int SourceWindow::currentPage() const
{
    if (showsPdf())
        return m_pdfView->page();
    const services::SourcePage* cited = m_passage.citedPage();
    return cited ? cited->number : 0;
}

QString SourceWindow::note() const
{
    return m_note->text();
}

void SourceWindow::showPdfPage(int number)
{
    if (number < 1 || number > m_pdfView->pageCount())
        return;
    QList<QRectF> marks;
    for (const services::SourcePage& page : std::as_const(m_passage.pages)) {
        if (page.number == number)
            marks = page.highlight;
    }
    m_pdfView->showPage(number, marks);
    m_pageBox->setValue(number);
    updateControls();
}

void SourceWindow::showText()
{
    m_textView->clear();
    QTextCursor cursor(m_textView->document());
    const bool headings = m_passage.pages.size() > 1;
    int passageStart = -1;
    int passageEnd = -1;
    bool first = true;
    for (const services::SourcePage& page : std::as_const(m_passage.pages)) {
        if (!first)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        first = false;
        if (headings && page.number > 0) {
            QTextCharFormat heading;
            heading.setFontWeight(QFont::Bold);
            cursor.insertText(tr("Page %1").arg(page.number), heading);
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        }
        const int start = cursor.position();
        // Text inserted through a cursor keeps its length: '\n' becomes a block separator.
        cursor.insertText(page.text, QTextCharFormat());
        if (page.passageStart >= 0 && passageStart < 0) {
            passageStart = start + static_cast<int>(page.passageStart);
            passageEnd = passageStart + static_cast<int>(page.passageLength);
        }
    }
    QList<QTextEdit::ExtraSelection> marks;
    if (passageStart >= 0) {
        QTextCursor passage(m_textView->document());
        passage.setPosition(passageEnd);
        m_textView->setTextCursor(passage);
        m_textView->ensureCursorVisible(); // bring the end in, then the start, so the passage's start shows
        passage.setPosition(passageStart);
        passage.setPosition(passageEnd, QTextCursor::KeepAnchor);
        QTextEdit::ExtraSelection mark;
        mark.cursor = passage;
        mark.format.setBackground(palette().color(QPalette::Highlight));
        mark.format.setForeground(palette().color(QPalette::HighlightedText));
        mark.format.setFontUnderline(true);
        marks.append(mark);
        QTextCursor start(passage);
        start.setPosition(passageStart);
        m_textView->setTextCursor(start);
        m_textView->ensureCursorVisible();
        m_textView->setTextCursor(passage);
    }
    m_textView->setExtraSelections(marks);
}

void SourceWindow::updateControls()
{
    const bool pdf = showsPdf();
    for (QWidget* control : std::initializer_list<QWidget*>{m_previous, m_pageBox, m_pageCount, m_next, m_zoomOut, m_zoomIn, m_fit})
        control->setVisible(pdf);
    if (pdf) {
        m_previous->setEnabled(m_pdfView->page() > 1);
        m_next->setEnabled(m_pdfView->page() < m_pdfView->pageCount());
        m_pdfView->setAccessibleName(tr("Page %1 of %2 of the original document").arg(m_pdfView->page()).arg(m_pdfView->pageCount()));
    }
}

} // namespace genius::ui
