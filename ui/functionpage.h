#pragma once

#include <QWidget>

class QLabel;

namespace genius::ui {

/// The page of a function that this version does not offer yet: a heading, one paragraph
/// on what the function will do, and a plain statement that it is not available. It has no
/// controls on purpose, so that nothing pretends to work.
class FunctionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FunctionPage)

public:
    FunctionPage(const QString& title, const QString& description, QWidget* parent = nullptr);

    QString title() const;
    QString description() const;

private:
    QLabel* m_heading;
    QLabel* m_description;
    QLabel* m_availability;
};

} // namespace genius::ui
