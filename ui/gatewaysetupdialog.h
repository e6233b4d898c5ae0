#pragma once

#include "core/domain/modelinfo.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace genius::services {
class GatewaySetup;
}
namespace genius::settings {
class Settings;
}

namespace genius::ui {

/// The first-run assistant: the gateway's address, the personal API key (kept in the
/// keychain), the proxy and the default model. "Check connection" asks the gateway for its
/// models before anything is saved; fields that policy sets are shown read-only with the reason.
/// "Work without gateway" leaves everything as it is (only local functions).
class GatewaySetupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewaySetupDialog)

public:
    /// `settings` and `setup` must outlive the dialog.
    GatewaySetupDialog(settings::Settings& settings, services::GatewaySetup& setup, QWidget* parent = nullptr);
    ~GatewaySetupDialog() override;

    /// Asks the gateway for its models with what is typed, as the button does.
    void checkConnection();
    /// Saves what is typed, as the Save button does; the dialog closes once it is saved.
    void save();
    QString status() const;
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// The check ended (status() says how).
    void checked(bool connected);
    /// Address, proxy, default model and key are saved.
    void saved();

private:
    QString proxyText() const;
    void setBusy(bool busy, const QString& status);
    void showModels(const QList<domain::ModelInfo>& models);
    void updateButtons();

    settings::Settings& m_settings;
    services::GatewaySetup& m_setup;
    bool m_busy = false;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_key = nullptr;
    QComboBox* m_proxyMode = nullptr;
    QLineEdit* m_proxyUrl = nullptr;
    QComboBox* m_model = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_check = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_skip = nullptr;
};

} // namespace genius::ui
