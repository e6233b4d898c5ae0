#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace genius::ui {

/// Paints a document's import progress (DocumentTableModel::ProgressRole, 0..1) as a
/// progress bar with "pages done / total" (or the percentage while the page count is unknown).
class ProgressBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressBarDelegate)

public:
    explicit ProgressBarDelegate(QObject* parent = nullptr);
    ~ProgressBarDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

/// Paints a push button in a cell whose label `labelFor` returns (no button for an empty
/// label) and emits `triggered` when it is clicked. Keyboard users reach the same action
/// through the view's `activated` signal (Enter) and the buttons above the table.
class ActionButtonDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionButtonDelegate)

public:
    using LabelFor = std::function<QString(const QModelIndex&)>;

    explicit ActionButtonDelegate(LabelFor labelFor, QObject* parent = nullptr);
    ~ActionButtonDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

Q_SIGNALS:
    void triggered(const QModelIndex& index);

private:
    QRect buttonRect(const QStyleOptionViewItem& option, const QString& label) const;

    LabelFor m_labelFor;
};

} // namespace genius::ui
