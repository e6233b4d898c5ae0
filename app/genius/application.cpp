#include "app/genius/application.h"

#include "core/common/appinfo.h"
#include "core/common/logging.h"
#include "core/import/importqueue.h"
#include "core/index/indexdatabase.h"
#include "core/index/sharedcopies.h"
#include "core/models/curation.h"
#include "core/security/keychainsecretstore.h"
#include "core/services/conversationchat.h"
#include "core/services/embeddingservice.h"
#include "core/services/functionservices.h"
#include "core/services/gatewayservices.h"
#include "core/services/gatewaysetup.h"
#include "core/services/sharedstoreservice.h"
#include "core/settings/settings.h"
#include "core/storage/conversationstore.h"
#include "core/storage/retentionsettings.h"
#include "core/storage/role.h"
#include "translations/translations.h"
#include "ui/mainwindow.h"
#include "ui/viewid.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

namespace genius::app {

namespace {

constexpr int ExitUsage = 1;
constexpr int ExitProfile = 2;

void printLine(FILE* stream, const QString& text)
{
    QTextStream(stream) << text << Qt::endl;
}

} // namespace

Application::Application() = default;

Application::~Application()
{
    // Reverse order of construction: nothing may outlive what it uses.
    m_window.reset();
    m_chat.reset();
    m_conversations.reset();
    m_functions.reset();
    m_sharedStore.reset(); // waits for a running sync; its connections close with it
    m_curation.reset();
    m_imports.reset(); // stops the workers; unfinished imports resume at the next start
    m_index.reset();
    m_gateway.reset();
    m_gatewaySetup.reset();
    m_secretStore.reset();
    m_settings.reset();
    m_profile.reset();
}

int Application::run()
{
    common::applyApplicationInfo();
    QApplication::setApplicationDisplayName(common::productName());
    common::installLogFormat();

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("NRW.Genius Desktop: generative AI for the public administration, "
                                        "through the AIaaS gateway."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           tr("Use the profile in folder <dir> instead of the default one."),
                                           QStringLiteral("dir"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
                                        tr("Open the view <name>: %1.").arg(ui::viewNameList()),
                                        QStringLiteral("name"));
    parser.addOption(profileOption);
    parser.addOption(viewOption);

    // parse() rather than process(): process() calls exit() and would skip the destructors.
    if (!parser.parse(QCoreApplication::arguments())) {
        printLine(stderr, parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        printLine(stdout, parser.helpText());
        return 0;
    }
    if (parser.isSet(versionOption)) {
        printLine(stdout, common::productName() + QLatin1Char(' ') + common::productVersion());
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        printLine(stderr, tr("Unexpected argument \"%1\"; see --help.").arg(parser.positionalArguments().constFirst()));
        return ExitUsage;
    }
    // Checked before anything is built, so that a typo changes nothing on disk.
    std::optional<ui::ViewId> view = ui::ViewId::Chat;
    if (parser.isSet(viewOption)) {
        view = ui::parseViewId(parser.value(viewOption));
        if (!view) {
            printLine(stderr, tr("Unknown view \"%1\"; use one of: %2.")
                                  .arg(parser.value(viewOption), ui::viewNameList()));
            return ExitUsage;
        }
    }

    auto profile = storage::Profile::open(parser.value(profileOption));
    if (!profile) {
        printLine(stderr, profile.error().detail);
        return ExitProfile;
    }
    m_profile.emplace(std::move(*profile));
    m_settings = std::make_unique<settings::Settings>(settings::SettingsLocations::system(m_profile->directory()));
    // Before the first widget exists, so that every tr() already sees the catalogue.
    i18n::installTranslations(i18n::chooseLanguage(m_settings->text(settings::keys::UiLanguage)));
    m_secretStore = std::make_unique<security::KeychainSecretStore>();
    m_gatewaySetup = std::make_unique<services::GatewaySetup>(*m_settings, *m_secretStore);
    openStores();
    connectGateway();

    m_window = std::make_unique<ui::MainWindow>(*m_settings, m_profile->directory(), windowServices());
    QObject::connect(m_window.get(), &ui::MainWindow::gatewayChanged, m_window.get(), [this] { reconnectGateway(); });
    m_window->showView(*view);
    m_window->show();
    resolveKeyAndEmbed(true);
    if (m_sharedStore) {
        // At every start the copy of the shared collections catches up (in the background;
        // offline, the views work on the last copy).
        QObject::connect(m_sharedStore.get(), &services::SharedStoreService::finished, m_window.get(),
                         [this, role = storeRole()](const services::SharedStoreService::Outcome& outcome) mutable {
                             if (!outcome.ok)
                                 printLine(stderr, outcome.message);
                             if (m_curation)
                                 (void)m_curation->reload();
                             // A grant changed in the store: the views follow the new role (rebuilt
                             // once the signal has been delivered to the views still listening).
                             if (storeRole() != role) {
                                 role = storeRole();
                                 QMetaObject::invokeMethod(
                                     m_window.get(), [this] { m_window->setServices(windowServices()); },
                                     Qt::QueuedConnection);
                             }
                         });
        m_sharedStore->sync();
        // And again while the app runs, so new and withdrawn documents arrive without a restart.
        m_sharedStore->followSyncSetting();
    }
    if (m_settings->text(settings::keys::GatewayUrl).isEmpty()
        && m_settings->lock(settings::keys::GatewayUrl) == settings::Lock::None)
        m_window->openGatewaySetup(); // first run: not modal, the local functions stay usable
    return QApplication::exec();
}

void Application::openStores()
{
    if (auto opened = index::IndexDatabase::open(m_profile->filePath(index::IndexDatabase::fileName())); opened) {
        m_index = std::move(*opened);
        m_imports = std::make_unique<import::ImportQueue>(*m_index, import::ImportOptions{});
        m_curation = std::make_unique<models::Curation>(*m_index, *m_imports);
        if (!m_settings->text(settings::keys::StoreUrl).isEmpty())
            m_sharedStore = std::make_unique<services::SharedStoreService>(
                *m_settings, *m_secretStore, m_profile->filePath(index::IndexDatabase::fileName()),
                m_profile->filePath(QStringLiteral("shared-originals")));
    } else {
        // The other views work without the index; the data-manager view says why it is empty.
        printLine(stderr, opened.error().detail);
    }
    if (auto store = storage::ConversationStore::open(m_profile->filePath(storage::ConversationStore::fileName())); store) {
        m_conversations = std::move(*store);
        // Retention per class applies at every start, as for the command line.
        if (auto purged = m_conversations->purgeExpired(QDateTime::currentDateTimeUtc(),
                                                        storage::retentionPolicyFrom(*m_settings));
            !purged)
            printLine(stderr, purged.error().detail);
    } else {
        printLine(stderr, store.error().detail);
    }
}

void Application::connectGateway()
{
    if (!m_settings->text(settings::keys::GatewayUrl).isEmpty()) {
        m_gateway = std::make_unique<services::GatewayServices>(*m_settings, m_profile->directory());
        for (const QString& warning : m_gateway->warnings())
            printLine(stderr, warning);
    }
    if (m_index)
        m_functions = std::make_unique<services::FunctionServices>(*m_settings, m_profile->directory(), *m_index,
                                                                   m_gateway.get());
    if (m_conversations && m_gateway)
        m_chat = std::make_unique<services::ConversationChat>(
            *m_conversations, m_gateway->chat(),
            services::ConversationChat::Defaults{m_settings->text(settings::keys::GatewayDefaultModel),
                                                 m_settings->list(settings::keys::GatewayContextWindows)});
}

void Application::reconnectGateway()
{
    // The new services first, then the views over them (the old views go with setServices), and
    // the old services last, once nothing uses them: every view is built once.
    std::unique_ptr<services::GatewayServices> oldGateway = std::move(m_gateway);
    std::unique_ptr<services::FunctionServices> oldFunctions = std::move(m_functions);
    std::unique_ptr<services::ConversationChat> oldChat = std::move(m_chat);
    if (m_imports)
        m_imports->setEmbeddingProvider(nullptr);
    connectGateway();
    m_window->setServices(windowServices());
    oldChat.reset();
    oldFunctions.reset();
    oldGateway.reset();
    resolveKeyAndEmbed(false);
}

ui::MainWindow::Services Application::windowServices() const
{
    ui::MainWindow::Services services;
    services.curation = m_curation.get();
    services.canManage = m_index && storage::effectiveRole(*m_settings, storeRole()).role == storage::Role::DataManager;
    services.conversations = m_conversations.get();
    services.chat = m_chat.get();
    services.models = m_gateway ? &m_gateway->models() : nullptr;
    services.functions = m_functions.get();
    services.gatewaySetup = m_gatewaySetup.get();
    services.sharedStore = m_sharedStore.get();
    return services;
}

QString Application::storeRole() const
{
    if (!m_index || !m_sharedStore)
        return QString();
    const auto state = index::SharedCopies(*m_index).syncState();
    return state && *state ? (*state)->role : QString();
}

void Application::resolveKeyAndEmbed(bool resume)
{
    if (!m_gateway) {
        if (m_imports && resume)
            m_imports->resume(); // after the window: the rows show the resumed jobs' progress
        return;
    }
    m_gateway->resolveApiKey(*m_secretStore, [this, resume](std::optional<common::Error> problem) {
        if (problem)
            printLine(stderr, tr("%1 Continuing without an API key.").arg(problem->detail));
        if (!m_imports)
            return;
        // Vectors only from a model cleared for each document's class; the rest stays lexical.
        m_imports->setEmbeddingProvider(&m_gateway->embeddings());
        if (resume)
            m_imports->resume();
    });
}

} // namespace genius::app
