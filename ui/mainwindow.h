#pragma once

#include "ui/viewid.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace genius::settings {
class Settings;
}

namespace genius::models {
class Curation;
}
namespace genius::services {
class ConversationChat;
class FunctionServices;
class GatewaySetup;
class ModelService;
class SharedStoreService;
}
namespace genius::storage {
class ConversationStore;
}

namespace genius::ui {

class GatewaySetupDialog;

/// The main window: the navigation list of the seven views on the left, the current view
/// on the right, and a status bar with the gateway and the profile folder.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// What the views work on beyond the settings; each must outlive the window.
    struct Services {
        models::Curation* curation = nullptr; ///< the index's documents and collections
        bool canManage = false; ///< the user is a data manager (else staff: read-only)
        storage::ConversationStore* conversations = nullptr; ///< the stored conversations
        services::ConversationChat* chat = nullptr; ///< null without a gateway
        services::ModelService* models = nullptr; ///< the catalogue; null without a gateway
        services::FunctionServices* functions = nullptr; ///< ask, research, summarise, generate
        services::GatewaySetup* gatewaySetup = nullptr; ///< connects the gateway (first run, File menu)
        services::SharedStoreService* sharedStore = nullptr; ///< null without a shared store (store/url)
    };

    /// `settings` must outlive the window; `profileDirectory` is shown in the status bar.
    MainWindow(settings::Settings& settings, const QString& profileDirectory, QWidget* parent = nullptr);
    MainWindow(settings::Settings& settings, const QString& profileDirectory, Services services,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Shows a view and selects it in the navigation.
    void showView(ViewId view);
    ViewId currentView() const;

    /// The page widget of a view.
    QWidget* page(ViewId view) const;

    /// Builds every view again over `services` (the gateway was reconfigured); the view shown
    /// stays shown. The old services may go once this returns.
    void setServices(Services services);

    /// Opens the gateway assistant (non-modal; reused while open). Null without a GatewaySetup.
    GatewaySetupDialog* openGatewaySetup();

Q_SIGNALS:
    void currentViewChanged(genius::ui::ViewId view);
    /// The gateway assistant saved a new address, key or default model.
    void gatewayChanged();

private:
    void createNavigation();
    void createPages();
    void createMenus();
    void createStatusBar();
    QWidget* createPage(ViewId view);
    void showRow(int row);
    void updateGatewayStatus();
    void followGatewaySetup();

    settings::Settings& m_settings;
    QString m_profileDirectory;
    Services m_services;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_gatewayStatus = nullptr;
    QLabel* m_profileStatus = nullptr;
    QPointer<GatewaySetupDialog> m_gatewaySetup;
};

} // namespace genius::ui
