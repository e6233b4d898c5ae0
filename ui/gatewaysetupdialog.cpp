#include "ui/gatewaysetupdialog.h"

#include "core/services/gatewaysetup.h"
#include "core/settings/settings.h"
#include "ui/functionwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace genius::ui {

namespace {

const QString kProxySystem;
const QString kProxyNone = QStringLiteral("none");
const QString kProxyServer = QStringLiteral("server");

QString connectionProblem(const services::FunctionFailure& failure)
{
    const auto* remote = std::get_if<gateway::GatewayError>(&failure.error);
    if (!remote)
        return GatewaySetupDialog::tr("Please check the entry: %1").arg(failureText(failure));
    switch (remote->kind) {
    case gateway::GatewayErrorKind::Auth:
        return GatewaySetupDialog::tr("The gateway did not accept the API key.");
    case gateway::GatewayErrorKind::Permission:
        return GatewaySetupDialog::tr("The gateway refused access with this key.");
    case gateway::GatewayErrorKind::NotFound:
        return GatewaySetupDialog::tr("No gateway answers at this address; check the path (often ending in /v1).");
    case gateway::GatewayErrorKind::Unreachable:
        return GatewaySetupDialog::tr("The gateway cannot be reached (address, proxy or certificate): %1").arg(remote->message);
    case gateway::GatewayErrorKind::Timeout:
        return GatewaySetupDialog::tr("The gateway did not answer in time.");
    default:
        break;
    }
    return GatewaySetupDialog::tr("The gateway answered with an error: %1").arg(remote->message);
}

// A field that policy or the administrator sets: read-only, with the reason on it. Returns
// the reason, empty when the user may change the field.
QString lockIfSet(const settings::Settings& settings, const QString& key, QWidget* editor)
{
    const settings::Lock lock = settings.lock(key);
    if (lock == settings::Lock::None)
        return {};
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        line->setReadOnly(true);
    else
        editor->setEnabled(false);
    const QString why = lock == settings::Lock::Policy ? GatewaySetupDialog::tr("Set by your administrator (policy).")
                                                       : GatewaySetupDialog::tr("Only your administrator can change this.");
    editor->setToolTip(why);
    editor->setAccessibleDescription(why);
    return why;
}

} // namespace

GatewaySetupDialog::GatewaySetupDialog(settings::Settings& settings, services::GatewaySetup& setup, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_setup(setup)
{
    setObjectName(QStringLiteral("gatewaySetup"));
    setWindowTitle(tr("Connect to the AIaaS gateway"));
    auto* intro = new QLabel(tr("Enter the address of your authority's AIaaS gateway and your personal API key; "
                                "your IT department provides both. The key is kept in the keychain of your "
                                "operating system, never in a file."),
                             this);
    intro->setWordWrap(true);

    m_url = new QLineEdit(settings.text(settings::keys::GatewayUrl), this);
    m_url->setObjectName(QStringLiteral("setupUrl"));
    m_url->setAccessibleName(tr("Gateway address"));
    m_url->setPlaceholderText(QStringLiteral("https://aiaas.example.nrw/v1"));
    QStringList locked;
    if (const QString why = lockIfSet(settings, settings::keys::GatewayUrl, m_url); !why.isEmpty())
        locked.append(tr("Gateway address: %1").arg(why));

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("setupKey"));
    m_key->setAccessibleName(tr("API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Leave empty to keep the stored key"));

    m_proxyMode = new QComboBox(this);
    m_proxyMode->setObjectName(QStringLiteral("setupProxyMode"));
    m_proxyMode->setAccessibleName(tr("Proxy"));
    m_proxyMode->addItem(tr("System proxy"), kProxySystem);
    m_proxyMode->addItem(tr("Direct connection"), kProxyNone);
    m_proxyMode->addItem(tr("Proxy server"), kProxyServer);
    m_proxyUrl = new QLineEdit(this);
    m_proxyUrl->setObjectName(QStringLiteral("setupProxyUrl"));
    m_proxyUrl->setAccessibleName(tr("Proxy server address"));
    m_proxyUrl->setPlaceholderText(QStringLiteral("http://proxy.example.nrw:3128"));
    const QString proxy = settings.text(settings::keys::NetworkProxy);
    m_proxyMode->setCurrentIndex(proxy.isEmpty() ? 0 : proxy == kProxyNone ? 1 : 2);
    if (m_proxyMode->currentIndex() == 2)
        m_proxyUrl->setText(proxy);
    if (const QString why = lockIfSet(settings, settings::keys::NetworkProxy, m_proxyMode); !why.isEmpty()) {
        lockIfSet(settings, settings::keys::NetworkProxy, m_proxyUrl);
        locked.append(tr("Proxy: %1").arg(why));
    }

    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("setupModel"));
    m_model->setAccessibleName(tr("Default model"));
    m_model->setAccessibleDescription(tr("Offered once the connection has been checked."));
    if (const QString current = settings.text(settings::keys::GatewayDefaultModel); !current.isEmpty())
        m_model->addItem(current, current);
    if (const QString why = lockIfSet(settings, settings::keys::GatewayDefaultModel, m_model); !why.isEmpty())
        locked.append(tr("Default model: %1").arg(why));
    auto* lockNote = new QLabel(locked.join(u'\n'), this);
    lockNote->setObjectName(QStringLiteral("setupLockNote"));
    lockNote->setTextFormat(Qt::PlainText);
    lockNote->setWordWrap(true);
    lockNote->setVisible(!locked.isEmpty());

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("setupStatus"));
    m_status->setAccessibleDescription(tr("Connection status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_check = new QPushButton(tr("C&heck connection"), this);
    m_check->setObjectName(QStringLiteral("setupCheck"));
    m_check->setAccessibleName(tr("Check connection"));
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("setupSave"));
    m_save->setAccessibleName(tr("Save"));
    m_save->setDefault(true);
    m_skip = new QPushButton(tr("&Work without gateway"), this);
    m_skip->setObjectName(QStringLiteral("setupSkip"));
    m_skip->setAccessibleName(tr("Work without gateway"));
    m_skip->setAccessibleDescription(tr("Only the functions that run on this workstation are available."));

    connect(m_check, &QPushButton::clicked, this, &GatewaySetupDialog::checkConnection);
    connect(m_save, &QPushButton::clicked, this, &GatewaySetupDialog::save);
    connect(m_skip, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &GatewaySetupDialog::updateButtons);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &GatewaySetupDialog::updateButtons);

    auto* form = new QFormLayout;
    form->addRow(tr("Gateway &address:"), m_url);
    form->addRow(tr("API &key:"), m_key);
    auto* proxyRow = new QHBoxLayout;
    proxyRow->addWidget(m_proxyMode);
    proxyRow->addWidget(m_proxyUrl, 1);
    form->addRow(tr("&Proxy:"), proxyRow);
    form->addRow(tr("Default &model:"), m_model);
    // The form's labels are the buddies' visible names (Alt+letter reaches each field).
    for (QWidget* field : std::initializer_list<QWidget*>{m_url, m_key, m_proxyMode, m_model}) {
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
            label->setBuddy(field);
    }
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(proxyRow)))
        label->setBuddy(m_proxyMode);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addStretch(1);
    buttons->addWidget(m_skip);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(lockNote);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    setTabOrder(m_url, m_key);
    setTabOrder(m_key, m_proxyMode);
    setTabOrder(m_proxyMode, m_proxyUrl);
    setTabOrder(m_proxyUrl, m_model);
    setTabOrder(m_model, m_check);
    setTabOrder(m_check, m_skip);
    setTabOrder(m_skip, m_save);
    resize(640, sizeHint().height());
    updateButtons();
}

GatewaySetupDialog::~GatewaySetupDialog() = default;

QString GatewaySetupDialog::status() const
{
    return m_status->text();
}

QString GatewaySetupDialog::proxyText() const
{
    const QString mode = m_proxyMode->currentData().toString();
    return mode == kProxyServer ? m_proxyUrl->text().trimmed() : mode;
}

void GatewaySetupDialog::checkConnection()
{
    if (m_busy)
        return;
    setBusy(true, tr("Asking the gateway for its models…"));
    // The dialog may be closed (and deleted) before the gateway answers.
    const QPointer<GatewaySetupDialog> self(this);
    m_setup.check({m_url->text(), m_key->text(), proxyText()},
                  [this, self](std::expected<QList<domain::ModelInfo>, services::FunctionFailure> models) {
                      if (!self)
                          return;
                      if (!models) {
                          setBusy(false, connectionProblem(models.error()));
                          Q_EMIT checked(false);
                          return;
                      }
                      showModels(*models);
                      setBusy(false, tr("Connected: the gateway offers %n chat model(s).", nullptr,
                                        static_cast<int>(models->size())));
                      Q_EMIT checked(true);
                  });
}

void GatewaySetupDialog::save()
{
    if (m_busy)
        return;
    setBusy(true, tr("Saving…"));
    const QPointer<GatewaySetupDialog> self(this);
    m_setup.save({m_url->text(), m_key->text(), proxyText()}, m_model->currentData().toString(),
                 [this, self](std::optional<common::Error> problem) {
                     if (!self)
                         return;
                     if (problem) {
                         setBusy(false, tr("Not saved: %1").arg(problem->detail));
                         return;
                     }
                     m_key->clear(); // the key lives in the keychain now, not in this widget
                     setBusy(false, tr("Saved."));
                     Q_EMIT saved();
                     accept();
                 });
}

void GatewaySetupDialog::setBusy(bool busy, const QString& status)
{
    m_busy = busy;
    announce(*m_status, status);
    updateButtons();
}

void GatewaySetupDialog::showModels(const QList<domain::ModelInfo>& models)
{
    if (m_settings.lock(settings::keys::GatewayDefaultModel) != settings::Lock::None)
        return;
    const QString chosen = m_model->currentData().toString();
    m_model->clear();
    for (const domain::ModelInfo& model : models)
        m_model->addItem(modelText(model), model.id);
    const int keep = m_model->findData(chosen);
    m_model->setCurrentIndex(keep >= 0 ? keep : 0);
}

void GatewaySetupDialog::updateButtons()
{
    const bool proxyServer = m_proxyMode->currentData().toString() == kProxyServer;
    m_proxyUrl->setVisible(proxyServer);
    const bool filled = !m_url->text().trimmed().isEmpty();
    m_check->setEnabled(!m_busy && filled);
    m_save->setEnabled(!m_busy && filled);
}

} // namespace genius::ui
