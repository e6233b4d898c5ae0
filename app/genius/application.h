#pragma once

#include "core/storage/profile.h"
#include "ui/mainwindow.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace genius::settings {
class Settings;
}
namespace genius::security {
class KeychainSecretStore;
}
namespace genius::index {
class IndexDatabase;
}
namespace genius::import {
class ImportQueue;
}
namespace genius::models {
class Curation;
}
namespace genius::services {
class ConversationChat;
class FunctionServices;
class GatewayServices;
class GatewaySetup;
class SharedStoreService;
}
namespace genius::storage {
class ConversationStore;
}

namespace genius::app {

/// The composition root of the desktop app. It builds the services in dependency order
/// (profile, settings, secret store, gateway services, index with its import queue, main
/// window) and destroys them in reverse. Once the API key is resolved, imports embed their
/// passages through the gateway (when one is configured) and imports a killed process left
/// unfinished resume. Without a gateway address (and none set by policy) the gateway
/// assistant opens over the window; when it saves, the gateway services are built again.
/// A QApplication must exist before run() is called.
class Application final
{
    Q_DECLARE_TR_FUNCTIONS(genius::app::Application)
    Q_DISABLE_COPY_MOVE(Application)

public:
    Application();
    ~Application();

    /// Reads the command line (`--profile DIR`, `--view NAME`, `--help`, `--version`),
    /// builds everything, shows the window and runs the event loop. Returns the exit code:
    /// 0 after a normal end, --help or --version; 1 for a usage error; 2 when the profile
    /// cannot be opened. Errors go to stderr as one sentence.
    int run();

private:
    /// Opens the index with its import queue and curation, and the conversation store.
    void openStores();
    /// The gateway services (when a gateway is configured) and what uses them.
    void connectGateway();
    /// After the gateway assistant saved: every view is built again over new gateway services.
    void reconnectGateway();
    ui::MainWindow::Services windowServices() const;
    /// The user's grant in the shared store as the last sync recorded it; empty without one.
    QString storeRole() const;
    /// Resolves the API key, then lets the import queue embed (and, at start, resume).
    void resolveKeyAndEmbed(bool resume);

    std::optional<storage::Profile> m_profile;
    std::unique_ptr<settings::Settings> m_settings;
    std::unique_ptr<security::KeychainSecretStore> m_secretStore;
    std::unique_ptr<services::GatewaySetup> m_gatewaySetup;
    std::unique_ptr<services::GatewayServices> m_gateway;
    std::unique_ptr<index::IndexDatabase> m_index;
    std::unique_ptr<import::ImportQueue> m_imports;
    std::unique_ptr<models::Curation> m_curation;
    std::unique_ptr<services::FunctionServices> m_functions;
    std::unique_ptr<services::SharedStoreService> m_sharedStore; ///< with store/url only
    std::unique_ptr<storage::ConversationStore> m_conversations;
    std::unique_ptr<services::ConversationChat> m_chat;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace genius::app
