#include "ui/pageheading.h"

#include <QLabel>

namespace genius::ui {

QLabel* createPageHeading(const QString& title, QWidget* parent)
{
    auto* heading = new QLabel(title, parent);
    heading->setObjectName(QStringLiteral("pageHeading"));
    heading->setTextFormat(Qt::PlainText);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    return heading;
}

} // namespace genius::ui
