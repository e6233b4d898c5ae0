#include "ui/functionpage.h"

#include "ui/pageheading.h"

#include <QLabel>
#include <QVBoxLayout>

namespace genius::ui {

namespace {

QLabel* makeParagraph(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setMaximumWidth(720); // long lines are hard to read
    return label;
}

} // namespace

FunctionPage::FunctionPage(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent)
    , m_heading(createPageHeading(title, this))
    , m_description(makeParagraph(description, this))
    , m_availability(makeParagraph(tr("This function is not yet available in this version."), this))
{
    m_description->setObjectName(QStringLiteral("pageDescription"));
    m_availability->setObjectName(QStringLiteral("pageAvailability"));
    QFont availabilityFont = m_availability->font();
    availabilityFont.setBold(true);
    m_availability->setFont(availabilityFont);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    layout->addWidget(m_heading);
    layout->addWidget(m_description);
    layout->addWidget(m_availability);
    layout->addStretch();
}

QString FunctionPage::title() const
{
    return m_heading->text();
}

QString FunctionPage::description() const
{
    return m_description->text();
}

} // namespace genius::ui
