#pragma once

#include "core/domain/protectionclass.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace genius::ui {

/// Asks for a new collection's name, protection class (which caps its documents) and
/// description.
class CollectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionDialog)

public:
    explicit CollectionDialog(QWidget* parent = nullptr);
    ~CollectionDialog() override;

    QString name() const;
    domain::ProtectionClass protectionClass() const;
    QString description() const;
    QString tenant() const;

    void setName(const QString& name);
    void setProtectionClass(domain::ProtectionClass cls);
    void setDescription(const QString& description);
    void setTenant(const QString& tenant);
    /// An existing collection keeps its class: it caps the documents already assigned.
    void setClassEditable(bool editable);
    /// A collection of the shared store belongs to the store user's tenant.
    void setTenantEditable(bool editable);

private:
    void updateOk();

    QLineEdit* m_name = nullptr;
    QComboBox* m_class = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QLineEdit* m_tenant = nullptr;
    QPushButton* m_ok = nullptr;
};

/// Fills a combo box with the protection classes (translated), each with its class as data.
void fillProtectionClasses(QComboBox& box, domain::ProtectionClass selected);
/// The class selected in a combo box that fillProtectionClasses() filled.
domain::ProtectionClass selectedProtectionClass(const QComboBox& box);

} // namespace genius::ui
