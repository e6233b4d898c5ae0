#include "gui/guitestsupport.h"

#include "core/settings/settings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QWidget>

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

} // namespace

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
