#include "ui/mainwindow.h"

#include "core/common/appinfo.h"
#include "core/models/curation.h"
#include "core/services/functionservices.h"
#include "core/services/gatewaysetup.h"
#include "core/services/sourceservice.h"
#include "core/settings/settings.h"
#include "ui/chatpage.h"
#include "ui/datamanagerpage.h"
#include "ui/functionpage.h"
#include "ui/gatewaysetupdialog.h"
#include "ui/generationpage.h"
#include "ui/questionpage.h"
#include "ui/settingspage.h"
#include "ui/summarypage.h"
#include "ui/uilogging.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>

namespace genius::ui {

namespace {

QKeySequence shortcutFor(ViewId view)
{
    return QKeySequence(QKeyCombination(Qt::ControlModifier, static_cast<Qt::Key>(Qt::Key_1 + viewIndex(view))));
}

} // namespace

MainWindow::MainWindow(settings::Settings& settings, const QString& profileDirectory, QWidget* parent)
    : MainWindow(settings, profileDirectory, Services{}, parent)
{
}

MainWindow::MainWindow(settings::Settings& settings, const QString& profileDirectory, Services services,
                       QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_profileDirectory(profileDirectory)
    , m_services(services)
{
    setWindowTitle(common::productName());
    resize(1100, 720);

    createNavigation();
    createPages();
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    createMenus();
    createStatusBar();

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showRow);
    connect(&m_settings, &settings::Settings::changed, this, &MainWindow::updateGatewayStatus);
    followGatewaySetup();
    showView(ViewId::Chat);
    m_navigation->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::createNavigation()
{
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setAccessibleDescription(tr("Choose a function. Ctrl+1 to Ctrl+7 open the views directly."));
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setSpacing(2);
    int textWidth = 0;
    for (const ViewId view : allViews()) {
        textWidth = qMax(textWidth, m_navigation->fontMetrics().horizontalAdvance(viewTitle(view)));
        auto* item = new QListWidgetItem(viewTitle(view), m_navigation);
        item->setData(Qt::UserRole, viewName(view));
        item->setToolTip(shortcutFor(view).toString(QKeySequence::NativeText));
        item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() + 14)); // easier to hit
    }
    // Wide enough for the longest (translated) title, never narrower than 180 px.
    m_navigation->setFixedWidth(qMax(textWidth + 2 * m_navigation->frameWidth() + 40, 180));
}

void MainWindow::createPages()
{
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    for (const ViewId view : allViews()) {
        QWidget* created = createPage(view);
        created->setObjectName(QStringLiteral("page:") + viewName(view));
        m_pages->addWidget(created);
    }
}

QWidget* MainWindow::createPage(ViewId view)
{
    const QString title = viewTitle(view);
    switch (view) {
    case ViewId::Chat:
        if (m_services.conversations) {
            ChatPage::Services chat;
            chat.store = m_services.conversations;
            chat.chat = m_services.chat;
            chat.models = m_services.models;
            chat.defaultClass = domain::parseProtectionClass(m_settings.text(settings::keys::ProtectionDefaultClass))
                                    .value_or(domain::ProtectionClass::Normal);
            chat.defaultModel = m_settings.text(settings::keys::GatewayDefaultModel);
            auto* page = new ChatPage(chat, m_pages);
            // The main agent's choice: one click opens the function it recognised.
            connect(page, &ChatPage::functionChosen, this,
                    [this](services::AssistantFunction function, const QString&) { showView(viewOf(function)); });
            return page;
        }
        return new FunctionPage(title, tr("Talk freely with a language model of the AIaaS gateway. Answers appear "
            "while they are written; you can stop an answer, have it written again, or edit and resend a "
            "question. Conversations are kept, so that you can search, copy and export them."), m_pages);
    case ViewId::Documents:
        if (m_services.functions) {
            auto* page = new QuestionPage(QuestionPage::Mode::Documents, m_services.functions->ask(),
                                          m_services.curation ? &m_services.curation->documents() : nullptr,
                                          m_services.curation ? &m_services.curation->collections() : nullptr,
                                          m_services.canManage, m_pages);
            if (m_services.curation)
                page->enableAttaching(*m_services.curation); // staff attach their own documents too
            page->enableSources(m_services.functions->sources());
            return page;
        }
        return new FunctionPage(title, tr("Ask questions about one or more of your own documents. Answers name "
            "the document and page they rely on, and a citation opens the document at the quoted passage."),
            m_pages);
    case ViewId::Research:
        if (m_services.functions) {
            auto* page = new QuestionPage(QuestionPage::Mode::Research, m_services.functions->ask(),
                                          m_services.curation ? &m_services.curation->documents() : nullptr,
                                          m_services.curation ? &m_services.curation->collections() : nullptr,
                                          m_services.canManage, m_pages);
            page->enableSources(m_services.functions->sources());
            return page;
        }
        return new FunctionPage(title, tr("Get answers from the document collections that the data managers of "
            "your authority provide, with citations across documents. When the collections hold no evidence, "
            "the answer says so plainly."), m_pages);
    case ViewId::Summarize:
        if (m_services.functions) {
            auto* page = new SummaryPage(m_services.functions->summaries(),
                                         m_services.curation ? &m_services.curation->documents() : nullptr, m_pages);
            page->enableSources(m_services.functions->sources());
            return page;
        }
        return new FunctionPage(title, tr("Summarise long documents or pasted text in a short, medium or long "
            "version, optionally with respect to one aspect. Statements in the summary point to the pages "
            "they come from."), m_pages);
    case ViewId::Generate:
        if (m_services.functions)
            return new GenerationPage(m_services.functions->generation(), m_services.functions->templates(),
                                      m_services.curation ? &m_services.curation->documents() : nullptr, m_pages);
        return new FunctionPage(title, tr("Draft texts such as a reply to a citizen's enquiry, minutes or a memo "
            "from bullet points or documents, in a formal or citizen-friendly tone, based on templates you "
            "can edit."), m_pages);
    case ViewId::DataManager:
        if (m_services.curation) {
            auto* page = new DataManagerPage(*m_services.curation, m_services.canManage, m_pages);
            if (m_services.sharedStore)
                page->setSharedStore(*m_services.sharedStore);
            return page;
        }
        return new FunctionPage(title, tr("For data managers: look after the document collections of your "
            "authority. Upload and preprocess documents, set their protection class, assign them to "
            "collections and follow the progress of uploads and preprocessing."), m_pages);
    case ViewId::Settings:
        return new SettingsPage(m_settings, m_pages);
    }
    return new QWidget(m_pages);
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    QAction* connectGateway = fileMenu->addAction(tr("&Connect to the gateway…"));
    connectGateway->setObjectName(QStringLiteral("connectGateway"));
    connectGateway->setEnabled(m_services.gatewaySetup != nullptr);
    connect(connectGateway, &QAction::triggered, this, [this] { openGatewaySetup(); });
    fileMenu->insertAction(quit, connectGateway);
    fileMenu->insertSeparator(quit);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* group = new QActionGroup(this);
    for (const ViewId view : allViews()) {
        QAction* action = viewMenu->addAction(viewTitle(view));
        action->setObjectName(QStringLiteral("showView:") + viewName(view));
        action->setCheckable(true);
        action->setChecked(view == currentView());
        action->setShortcut(shortcutFor(view));
        action->setShortcutContext(Qt::WindowShortcut);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, view] { showView(view); });
        connect(this, &MainWindow::currentViewChanged, action,
                [action, view](ViewId current) { action->setChecked(current == view); });
    }
    // Qt's overflow button of a narrow menu bar has no name of its own.
    if (auto* overflow = menuBar()->findChild<QToolButton*>(QStringLiteral("qt_menubar_ext_button")))
        overflow->setAccessibleName(tr("More menus"));
}

void MainWindow::createStatusBar()
{
    m_gatewayStatus = new QLabel(this);
    m_gatewayStatus->setObjectName(QStringLiteral("gatewayStatus"));
    m_gatewayStatus->setTextFormat(Qt::PlainText);
    m_profileStatus = new QLabel(tr("Profile: %1").arg(QDir::toNativeSeparators(m_profileDirectory)), this);
    m_profileStatus->setObjectName(QStringLiteral("profileStatus"));
    m_profileStatus->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_gatewayStatus, 1);
    statusBar()->addPermanentWidget(m_profileStatus);
    updateGatewayStatus();
}

void MainWindow::updateGatewayStatus()
{
    const QString url = m_settings.text(settings::keys::GatewayUrl);
    m_gatewayStatus->setText(url.isEmpty() ? tr("No gateway configured: only local functions are available.")
                                           : tr("Gateway: %1").arg(url));
}

void MainWindow::showView(ViewId view)
{
    // The navigation drives the pages, so arrow keys, clicks and showView() agree.
    m_navigation->setCurrentRow(viewIndex(view));
    showRow(viewIndex(view));
}

void MainWindow::showRow(int row)
{
    if (row < 0 || row >= static_cast<int>(allViews().size()) || m_pages->currentIndex() == row)
        return;
    m_pages->setCurrentIndex(row);
    const ViewId view = allViews()[static_cast<std::size_t>(row)];
    qCDebug(lcUi) << "view" << viewName(view);
    Q_EMIT currentViewChanged(view);
}

ViewId MainWindow::currentView() const
{
    return allViews()[static_cast<std::size_t>(m_pages->currentIndex())];
}

QWidget* MainWindow::page(ViewId view) const
{
    return m_pages->widget(viewIndex(view));
}

void MainWindow::setServices(Services services)
{
    const ViewId shown = currentView();
    m_services = services;
    followGatewaySetup();
    for (const ViewId view : allViews()) {
        const int index = viewIndex(view);
        QWidget* old = m_pages->widget(index);
        QWidget* created = createPage(view);
        created->setObjectName(QStringLiteral("page:") + viewName(view));
        m_pages->insertWidget(index, created);
        m_pages->removeWidget(old);
        delete old; // now, not later: the old pages use the services the caller frees next
    }
    m_pages->setCurrentIndex(viewIndex(shown));
    updateGatewayStatus();
}

void MainWindow::followGatewaySetup()
{
    // Saved in the assistant, even when it was closed before the keychain answered.
    if (m_services.gatewaySetup)
        connect(m_services.gatewaySetup, &services::GatewaySetup::saved, this, &MainWindow::gatewayChanged,
                Qt::UniqueConnection);
}

GatewaySetupDialog* MainWindow::openGatewaySetup()
{
    if (!m_services.gatewaySetup)
        return nullptr;
    if (!m_gatewaySetup) {
        m_gatewaySetup = new GatewaySetupDialog(m_settings, *m_services.gatewaySetup, this);
        m_gatewaySetup->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_gatewaySetup->show();
    m_gatewaySetup->raise();
    m_gatewaySetup->activateWindow();
    return m_gatewaySetup;
}

} // namespace genius::ui
