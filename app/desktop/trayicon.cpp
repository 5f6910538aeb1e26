// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "chatcontroller.h"
#include "gateway/gateway.h"
#include "gatewayhosts.h"
#include "handoffpresenter.h"

#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTextDocument>

using namespace Qt::StringLiterals;

TrayIcon::TrayIcon(ChatController &controller, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_handoffMenu(new QMenu(tr("Hand off current chat")))
{
    m_menu->addAction(tr("Open Baton"), this, &TrayIcon::openRequested);
    m_menu->addAction(tr("New chat"), this, [this] {
        m_controller.newChat();
        Q_EMIT openRequested();
    });
    m_menu->addMenu(m_handoffMenu);
    fillHandoffMenu();
    connect(m_controller.handoff(), &HandoffPresenter::platformsChanged, this, [this] {
        fillHandoffMenu();
        update();
    });
    m_menu->addSeparator();
    m_pause = m_menu->addAction(tr("Pause gateway"));
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::toggled, this, &TrayIcon::pauseToggled);
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            Q_EMIT openRequested();
    });
    connect(&m_controller, &ChatController::sessionChanged, this, &TrayIcon::update);
    connect(&m_controller, &ChatController::handoffChanged, this, [this] {
        const QString state = m_controller.handoffState();
        if (state == "completed"_L1 || state == "failed"_L1)
            notify(state == "completed"_L1 ? tr("Handoff complete") : tr("Handoff failed"), m_controller.handoffText());
    });
    update();
    m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::fillHandoffMenu()
{
    // As the window's Hand off menu: those that cannot take it now say why and cannot be picked;
    // one answered by a gateway on another machine names it.
    m_handoffMenu->clear();
    for (const QVariant &entry : m_controller.handoff()->platforms()) {
        const QVariantMap p = entry.toMap();
        const QString platform = p.value(u"name"_s).toString();
        const bool available = p.value(u"available"_s).toBool();
        QAction *action = m_handoffMenu->addAction(p.value(u"reason"_s).toString().isEmpty()
                ? p.value(u"label"_s).toString()
                : tr("%1 — %2").arg(p.value(u"label"_s).toString(), p.value(u"reason"_s).toString()),
            this, [this, platform] { m_controller.handOff(platform); });
        action->setEnabled(available);
    }
}

bool TrayIcon::isVisible() const
{
    return m_tray->isVisible() && QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::notify(const QString &title, const QString &message)
{
    // Notification servers read the body as markup (<img> included); it quotes titles and names
    // strangers chose, so it goes as escaped text.
    if (QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, message.toHtmlEscaped());
}

void TrayIcon::setGateway(Gateway *gateway)
{
    m_gateway = gateway;
    if (gateway) {
        for (PlatformAdapter *adapter : gateway->adapters())
            connect(adapter, &PlatformAdapter::stateChanged, this, &TrayIcon::update);
    }
    update();
}

void TrayIcon::setPaused(bool paused)
{
    m_paused = paused;
    m_pause->setChecked(paused);
    update();
}

void TrayIcon::update()
{
    // The worst platform state names the icon: one platform down is worth a glance.
    QString icon = u"online"_s;
    QStringList lines;
    if (!m_controller.handoff()->anyConfigured()) {
        // Someone who only wants a desktop chat: nothing is wrong, nothing is red.
        icon = u"notsetup"_s;
        lines << tr("Gateway: not set up (no platform turned on in Settings)");
    } else if (!m_gateway) {
        icon = u"paused"_s;
        lines << tr("Gateway: in another process");
    } else if (m_gateway->adapters().isEmpty()) {
        icon = u"offline"_s;
        lines << tr("Gateway: no platform could start; check its token in Settings");
    }
    const bool showAdapters = m_gateway && icon != "notsetup"_L1;
    for (PlatformAdapter *adapter : showAdapters ? m_gateway->adapters() : QList<PlatformAdapter *> {}) {
        const auto state = adapter->state();
        // On a shared store the gateway here stands by for a platform another machine's leads:
        // nothing is wrong, and the line names that machine.
        const GatewayHosts::Leader leader = m_controller.gatewayHosts()
            ? m_controller.gatewayHosts()->leader(adapter->name())
            : GatewayHosts::Leader {};
        if (state != PlatformAdapter::State::Online && leader.where == GatewayHosts::Where::Elsewhere) {
            lines << GatewayHosts::describe(ChatController::displayName(adapter->name()), leader);
            continue;
        }
        if (state == PlatformAdapter::State::Offline)
            icon = u"offline"_s;
        else if (state != PlatformAdapter::State::Online && icon != "offline"_L1)
            icon = u"degraded"_s;
        const QString name = QVariant::fromValue(state).toString().toLower();
        lines << u"%1: %2%3"_s.arg(ChatController::displayName(adapter->name()), name,
            adapter->stateReason().isEmpty() ? QString()
                                             : u" — "_s + HandoffPresenter::desktopReason(adapter->stateReason()));
    }
    if (m_paused) {
        icon = u"paused"_s;
        lines.prepend(tr("Gateway: paused"));
    }
    m_pause->setEnabled(m_gateway != nullptr);
    m_state = icon;
    m_lines = lines;
    m_tray->setIcon(QIcon(u":/icons/tray-%1.svg"_s.arg(icon)));
    // Tray tooltips may be shown as rich text; the reasons quote servers, so they are escaped as such.
    m_tray->setToolTip(Qt::convertFromPlainText(u"Baton\n"_s + lines.join(u'\n')));
    qDeleteAll(m_statusLines);
    m_statusLines.clear();
    QAction *before = m_menu->actions().value(3); // after Open, New chat, Hand off
    for (const QString &line : std::as_const(lines)) {
        auto *action = new QAction(line, m_menu);
        action->setEnabled(false);
        m_menu->insertAction(before, action);
        m_statusLines << action;
    }
    m_handoffMenu->setEnabled(!m_controller.sessionId().isEmpty());
}
