#include "ui/collectiondialog.h"

#include "core/models/documentlabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace genius::ui {

using domain::ProtectionClass;

void fillProtectionClasses(QComboBox& box, ProtectionClass selected)
{
    box.clear();
    for (const ProtectionClass cls :
         {ProtectionClass::None, ProtectionClass::Normal, ProtectionClass::High, ProtectionClass::VeryHigh}) {
        box.addItem(models::protectionClassText(cls), static_cast<int>(cls));
        if (cls == selected)
            box.setCurrentIndex(box.count() - 1);
    }
}

ProtectionClass selectedProtectionClass(const QComboBox& box)
{
    return static_cast<ProtectionClass>(box.currentData().toInt());
}

CollectionDialog::CollectionDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New collection"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("collectionName"));
    m_name->setAccessibleName(tr("Collection name"));
    m_class = new QComboBox(this);
    m_class->setObjectName(QStringLiteral("collectionClass"));
    m_class->setAccessibleName(tr("Protection class of the collection"));
    m_class->setAccessibleDescription(tr("Documents of a higher class cannot be assigned to the collection."));
    fillProtectionClasses(*m_class, ProtectionClass::Normal);
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("collectionDescription"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What the collection holds, shown to staff."));

    m_tenant = new QLineEdit(this);
    m_tenant->setObjectName(QStringLiteral("collectionTenant"));
    m_tenant->setAccessibleName(tr("Tenant"));
    m_tenant->setPlaceholderText(tr("Authority or office, e.g. Bauamt Musterstadt"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CollectionDialog::updateOk);

    auto* form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Protection class:"), m_class);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(buttons);
    updateOk();
}

CollectionDialog::~CollectionDialog() = default;

QString CollectionDialog::name() const
{
    return m_name->text().trimmed();
}

ProtectionClass CollectionDialog::protectionClass() const
{
    return selectedProtectionClass(*m_class);
}

QString CollectionDialog::description() const
{
    return m_description->toPlainText().trimmed();
}

QString CollectionDialog::tenant() const
{
    return m_tenant->text().trimmed();
}

void CollectionDialog::setTenant(const QString& tenant)
{
    m_tenant->setText(tenant);
}

void CollectionDialog::setName(const QString& name)
{
    m_name->setText(name);
}

void CollectionDialog::setProtectionClass(ProtectionClass cls)
{
    fillProtectionClasses(*m_class, cls);
}

void CollectionDialog::setDescription(const QString& description)
{
    m_description->setPlainText(description);
}

void CollectionDialog::setClassEditable(bool editable)
{
    m_class->setEnabled(editable);
}

void CollectionDialog::setTenantEditable(bool editable)
{
    m_tenant->setReadOnly(!editable);
}

void CollectionDialog::updateOk()
{
    m_ok->setEnabled(!name().isEmpty());
}

} // namespace genius::ui
