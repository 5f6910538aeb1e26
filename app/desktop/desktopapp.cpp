// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopapp.h"

#include "awayfromdesk.h"
#include "chatcontroller.h"
#include "cli/interruptnotifier.h"
#include "demoautoplay.h"
#include "desktopcontext.h"
#include "handoffpresenter.h"
#include "settingscontroller.h"
#include "singleinstance.h"
#include "store/pairingstore.h"
#include "trayicon.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTextStream>

using namespace Qt::StringLiterals;

// baton_window is a static QML module: its types register through its plugin.
Q_IMPORT_QML_PLUGIN(BatonPlugin)

Q_LOGGING_CATEGORY(lcDesktop, "baton.desktop", QtInfoMsg)

DesktopApp::DesktopApp(const AppPaths &paths, GatewayService::AdapterFactory adapters, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_adapters(std::move(adapters))
{ }

DesktopApp::~DesktopApp()
{
    delete m_away; // it holds the controller and the settings
    delete m_engine;
    delete m_tray;
    delete m_gateway;
    delete m_settings;
    delete m_controller;
    delete m_context;
}

int DesktopApp::start(bool *running)
{
    *running = false;
    m_instance = new SingleInstance(m_paths.dataDir, this);
    if (m_instance->raiseRunning()) {
        qCInfo(lcDesktop) << "Baton is already open for" << m_paths.dataDir << "- brought it to the front";
        return 0;
    }
    m_instance->listen();
    connect(m_instance, &SingleInstance::raiseRequested, this, &DesktopApp::show);

    // One connection to state.db, one baton.ini and one network manager for the whole window.
    m_context = new DesktopContext(m_paths);
    m_controller = new ChatController(*m_context);
    if (!m_controller->open()) {
        QTextStream(stderr) << "baton: " << m_controller->errorText() << Qt::endl;
        return 1;
    }

    m_settings = new SettingsController(*m_context);
    if (!m_settings->open()) {
        QTextStream(stderr) << "baton: " << m_settings->errorText() << Qt::endl;
        return 1;
    }
    // Saved settings apply at once: to the window's model, and by restarting the gateway this
    // process runs (one running elsewhere takes them at its next start; the page says which).
    connect(m_settings, &SettingsController::saved, m_controller, [this](const QString &, const QString &error) {
        if (!error.isEmpty())
            return;
        m_controller->reloadSettings();
        if (m_gatewayHere) {
            m_tray->setGateway(nullptr); // the gateway it shows is about to go
            m_controller->handoff()->setGateway(nullptr);
            m_away->setGateway(nullptr);
            m_gateway->restart();
        }
    });

    // The window reaches both as QML singletons; they stay ours.
    ChatController::setInstance(m_controller);
    SettingsController::setInstance(m_settings);
    m_engine = new QQmlApplicationEngine;
    m_engine->load(QUrl(u"qrc:/qt/qml/Baton/Main.qml"_s));
    if (!window()) {
        QTextStream(stderr) << "baton: the window could not be loaded" << Qt::endl;
        return 1;
    }

    m_away = new AwayFromDesk(*m_controller, *m_settings->away(), this);
    m_away->setWindow(window());
    m_away->start();

    m_tray = new TrayIcon(*m_controller);
    connect(m_tray, &TrayIcon::openRequested, this, &DesktopApp::show);
    connect(m_tray, &TrayIcon::quitRequested, this, &DesktopApp::quit);
    // With a tray, closing the window keeps Baton (and its gateway) running; without one, closing
    // asks (askBeforeClosing).
    QApplication::setQuitOnLastWindowClosed(false);
    window()->installEventFilter(this);

    m_gateway = new GatewayService(m_paths, m_adapters);
    connect(m_tray, &TrayIcon::pauseToggled, m_gateway,
        [this](bool paused) { paused ? m_gateway->pause() : m_gateway->resume(); });
    connect(m_gateway, &GatewayService::pausedChanged, m_tray, &TrayIcon::setPaused);
    connect(m_gateway, &GatewayService::started, this, [this](bool ok, const QString &error) {
        m_gatewayHere = ok;
        m_settings->setGatewayRunsHere(ok);
        if (ok) {
            m_tray->setGateway(m_gateway->gateway());
            m_controller->handoff()->setGateway(m_gateway->gateway());
            m_away->setGateway(m_gateway->gateway());
            // Someone the gateway does not know asked to talk: the owner decides in Settings.
            connect(m_gateway->pairing(), &PairingStore::requested, m_tray, [this](const PairingStore::Request &r) {
                m_tray->notify(tr("New pairing request"),
                    tr("%1 on %2 asks to talk to Baton (code %3). Approve or deny it in Settings.")
                        .arg(r.userName.isEmpty() ? r.userId : r.userName, ChatController::displayName(r.platform),
                            r.code));
            });
            return;
        }
        // Another process (`baton --no-gui`) runs the gateway: the window shares its store.
        qCInfo(lcDesktop).noquote() << "the gateway is not running in this window:" << error;
        m_settings->setGatewayNote(tr("The gateway runs elsewhere: %1").arg(error));
        m_tray->setGateway(nullptr);
        m_controller->handoff()->setGateway(nullptr);
        m_away->setGateway(nullptr);
    });
    connect(m_gateway, &GatewayService::stopped, qApp, &QCoreApplication::quit);
    connect(m_gateway, &GatewayService::deliveryFailed, m_tray, [this](const QString &platform, const QString &why) {
        m_tray->notify(tr("A message was not delivered"), u"%1: %2"_s.arg(ChatController::displayName(platform), why));
    });
    // SIGTERM (a logout, systemd) and Ctrl-C end Baton like Quit does: replies in flight finish first.
    auto *signals = new InterruptNotifier(this, { SIGINT, SIGTERM });
    connect(signals, &InterruptNotifier::interrupted, this, &DesktopApp::quit);
    m_gateway->start();
    *running = true;
    return 0;
}

void DesktopApp::autoplay(const QString &screenshotDir)
{
    auto *player = new DemoAutoplay(*m_controller, *window(), screenshotDir, this);
    player->start();
}

QQuickWindow *DesktopApp::window() const
{
    const auto roots = m_engine ? m_engine->rootObjects() : QList<QObject *> {};
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

void DesktopApp::show()
{
    if (QQuickWindow *w = window()) {
        w->show();
        w->raise();
        w->requestActivate();
    }
}

bool DesktopApp::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Close || watched != window() || m_quitting)
        return QObject::eventFilter(watched, event);
    if (m_tray->isVisible())
        return false; // the window hides; the tray brings it back
    if (!m_gatewayHere || !m_controller->handoff()->anyConfigured()) {
        quit(); // nothing would keep running: no gateway here, or no platform for it to serve
        return false;
    }
    event->ignore();
    askBeforeClosing();
    return true;
}

void DesktopApp::askBeforeClosing()
{
    // No tray (GNOME by default): a hidden window could not be found again, so ask.
    if (m_closeQuestion) {
        m_closeQuestion->raise();
        return;
    }
    m_closeQuestion = new QMessageBox(QMessageBox::Question, tr("Keep Baton running?"),
        tr("This desktop has no system tray to keep Baton in. Keep the gateway running in the background, "
           "so your phone can still reach Baton, or quit?"));
    m_closeQuestion->setObjectName(u"closeQuestion"_s);
    m_closeQuestion->setInformativeText(
        tr("To get the window back, start Baton again from the applications menu: it opens the window of "
           "the Baton already running."));
    QPushButton *keep = m_closeQuestion->addButton(tr("Keep running in the background"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keepRunning"_s);
    QPushButton *quitButton = m_closeQuestion->addButton(tr("Quit Baton"), QMessageBox::DestructiveRole);
    quitButton->setObjectName(u"quitBaton"_s);
    m_closeQuestion->addButton(QMessageBox::Cancel)->setObjectName(u"cancelClose"_s);
    m_closeQuestion->setDefaultButton(keep);
    m_closeQuestion->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_closeQuestion, &QMessageBox::buttonClicked, this, [this, keep, quitButton](QAbstractButton *button) {
        if (button == keep) {
            qCInfo(lcDesktop) << "the window closed; the gateway keeps running in the background";
            if (QQuickWindow *w = window())
                w->hide();
        } else if (button == quitButton) {
            quit();
        }
    });
    m_closeQuestion->open(); // not exec(): no nested event loop
}

void DesktopApp::quit()
{
    m_quitting = true;
    // The gateway finishes the replies in flight (10 s at most), then stopped() quits.
    if (QQuickWindow *w = window())
        w->hide();
    m_gateway->stop();
}
