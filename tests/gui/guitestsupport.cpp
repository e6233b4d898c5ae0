#include "gui/guitestsupport.h"

#include "core/settings/settings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QWidget>

#include <algorithm>

namespace genius::test {

TestProfile::TestProfile() = default;

settings::SettingsLocations TestProfile::locations() const
{
    return settings::SettingsLocations{QDir(path()).filePath(QStringLiteral("settings.json")),
                                       QDir(path()).filePath(QStringLiteral("machine.ini")),
                                       QDir(path()).filePath(QStringLiteral("policy.ini")),
                                       QSettings::IniFormat};
}

void TestProfile::writePolicy(const QByteArray& ini) const
{
    write(QStringLiteral("policy.ini"), ini);
}

void TestProfile::writeMachineDefaults(const QByteArray& ini) const
{
    write(QStringLiteral("machine.ini"), ini);
}

void TestProfile::writeUserFile(const QByteArray& content) const
{
    write(QStringLiteral("settings.json"), content);
}

void TestProfile::saveUserValue(const QString& key, const QVariant& value) const
{
    settings::Settings writer(locations());
    if (!writer.setValue(key, value))
        qFatal("cannot save a user value");
}

void TestProfile::write(const QString& name, const QByteArray& content) const
{
    QFile file(QDir(path()).filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write a test file");
}

namespace {

bool isInteractive(const QWidget* widget)
{
    return widget->focusPolicy() != Qt::NoFocus || qobject_cast<const QAbstractButton*>(widget)
        || qobject_cast<const QLineEdit*>(widget) || qobject_cast<const QComboBox*>(widget)
        || qobject_cast<const QAbstractSpinBox*>(widget) || qobject_cast<const QAbstractItemView*>(widget);
}

bool isPartOfCompound(const QWidget* widget, const QWidget* root)
{
    for (const QWidget* ancestor = widget->parentWidget(); ancestor && ancestor != root->parentWidget();
         ancestor = ancestor->parentWidget()) {
        if (qobject_cast<const QAbstractSpinBox*>(ancestor) || qobject_cast<const QComboBox*>(ancestor))
            return true;
    }
    return false;
}

bool takesTab(const QWidget* widget, const QWidget* root)
{
    return (widget->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && widget->isVisibleTo(root->window())
        && widget->isVisible() && widget->isEnabled() && !widget->focusProxy() && !isPartOfCompound(widget, root)
        && (widget == root || root->isAncestorOf(widget));
}

QString describe(const QWidget* widget)
{
    return QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') + widget->objectName();
}

// Where a widget stands in `root`; inside a scroll area it is taken where the area shows it
// (clamped to the viewport), since the area scrolls to the focused control.
QRect geometryIn(const QWidget* widget, const QWidget* root)
{
    QRect rect(widget->mapTo(root, QPoint(0, 0)), widget->size());
    for (const QWidget* ancestor = widget->parentWidget(); ancestor && ancestor != root; ancestor = ancestor->parentWidget()) {
        const auto* area = qobject_cast<const QAbstractScrollArea*>(ancestor->parentWidget());
        if (!area || area->viewport() != ancestor)
            continue;
        const QRect shown(ancestor->mapTo(root, QPoint(0, 0)), ancestor->size());
        rect.moveTop(std::clamp(rect.top(), shown.top(), std::max(shown.top(), shown.bottom() - rect.height())));
    }
    return rect;
}

} // namespace

QList<QWidget*> tabOrder(const QWidget* root)
{
    QList<QWidget*> order;
    QWidget* first = nullptr;
    for (QWidget* child : root->findChildren<QWidget*>()) {
        if (takesTab(child, root)) {
            first = child;
            break;
        }
    }
    // Walk the window's (circular) focus chain from there, as QWidget::focusNextPrevChild does.
    QWidget* at = first;
    while (at && order.size() < 1000) {
        if (takesTab(at, root))
            order.append(at);
        at = at->nextInFocusChain();
        if (at == first)
            break;
    }
    return order;
}

QStringList tabOrderProblems(const QWidget* root)
{
    QStringList problems;
    const QList<QWidget*> order = tabOrder(root);
    for (QWidget* child : root->findChildren<QWidget*>()) {
        if (takesTab(child, root) && !order.contains(child))
            problems << QStringLiteral("never reached: ") + describe(child);
    }
    for (qsizetype i = 1; i < order.size(); ++i) {
        const QRect from = geometryIn(order.at(i - 1), root);
        const QRect to = geometryIn(order.at(i), root);
        const bool sameColumn = to.left() < from.right() && from.left() < to.right();
        if (sameColumn && to.bottom() < from.top())
            problems << describe(order.at(i - 1)) + QStringLiteral(" → ") + describe(order.at(i));
    }
    return problems;
}

QStringList widgetsWithoutAccessibleName(const QWidget* root)
{
    QStringList unnamed;
    QList<const QWidget*> candidates{root};
    for (const QWidget* child : root->findChildren<QWidget*>())
        candidates << child;
    for (const QWidget* widget : std::as_const(candidates)) {
        if (!isInteractive(widget) || isPartOfCompound(widget, root))
            continue;
        if (widget != root && widget->isWindow())
            continue; // a separate window (e.g. a menu) is checked on its own
        if (widget->accessibleName().trimmed().isEmpty())
            unnamed << QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ')
                    + widget->objectName();
    }
    return unnamed;
}

} // namespace genius::test
