#include "ui/documentdelegates.h"

#include "core/models/documenttablemodel.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>

namespace genius::ui {

using models::DocumentTableModel;

namespace {

QStyle* styleOf(const QStyleOptionViewItem& option)
{
    return option.widget ? option.widget->style() : QApplication::style();
}

} // namespace

ProgressBarDelegate::ProgressBarDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

ProgressBarDelegate::~ProgressBarDelegate() = default;

void ProgressBarDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    // The selection background first, so that a selected row stays visibly selected.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    styleOf(option)->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const double progress = std::clamp(index.data(DocumentTableModel::ProgressRole).toDouble(), 0.0, 1.0);
    const int done = index.data(DocumentTableModel::PagesDoneRole).toInt();
    const int total = index.data(DocumentTableModel::PagesTotalRole).toInt();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.state = option.state | QStyle::State_Horizontal;
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = qRound(progress * 1000);
    bar.textVisible = true;
    bar.text = total > 0 ? tr("%1 / %2 pages").arg(done).arg(total) : tr("%1 %").arg(qRound(progress * 100));
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    styleOf(option)->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

QSize ProgressBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(tr("%1 / %2 pages").arg(999).arg(999)) + 24));
    return size;
}

ActionButtonDelegate::ActionButtonDelegate(LabelFor labelFor, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_labelFor(std::move(labelFor))
{
}

ActionButtonDelegate::~ActionButtonDelegate() = default;

QRect ActionButtonDelegate::buttonRect(const QStyleOptionViewItem& option, const QString& label) const
{
    const int width = option.fontMetrics.horizontalAdvance(label) + 24;
    QRect rect = option.rect.adjusted(2, 2, -2, -2);
    rect.setWidth(std::min(rect.width(), width));
    return rect;
}

void ActionButtonDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    styleOf(option)->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    const QString label = m_labelFor(index);
    if (label.isEmpty())
        return;
    QStyleOptionButton button;
    button.rect = buttonRect(option, label);
    button.text = label;
    button.state = QStyle::State_Enabled | QStyle::State_Raised;
    button.fontMetrics = option.fontMetrics;
    button.palette = option.palette;
    styleOf(option)->drawControl(QStyle::CE_PushButton, &button, painter, option.widget);
}

QSize ActionButtonDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString label = m_labelFor(index);
    size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(label) + 28));
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
    return size;
}

bool ActionButtonDelegate::editorEvent(
    QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QString label = m_labelFor(index);
        if (mouse->button() == Qt::LeftButton && !label.isEmpty()
            && buttonRect(option, label).contains(mouse->position().toPoint())) {
            Q_EMIT triggered(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace genius::ui
