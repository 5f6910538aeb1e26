// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"
#include "service/gatewayservice.h"

#include <QObject>
#include <QPointer>

class AwayFromDesk;
class ChatController;
class DesktopContext;
class SettingsController;
class QMessageBox;
class QQmlApplicationEngine;
class QQuickWindow;
class SingleInstance;
class TrayIcon;

/**
 * @brief `baton` with no command: the window, the tray icon and the gateway inside. Closing the
 * window keeps Baton in the tray; with no tray it asks whether to keep the gateway running in the
 * background or quit. Quit stops the gateway (finishing replies in flight) and exits.
 */
class DesktopApp : public QObject
{
    Q_OBJECT

public:
    DesktopApp(const AppPaths &paths, GatewayService::AdapterFactory adapters, QObject *parent = nullptr);
    ~DesktopApp() override;

    /// 0 and running, or the exit status to leave with at once (another window was raised: 0).
    [[nodiscard]] int start(bool *running);
    /// Plays the demo by itself, saving screenshots in @p screenshotDir (see DemoAutoplay).
    void autoplay(const QString &screenshotDir);
    [[nodiscard]] QQuickWindow *window() const;
    [[nodiscard]] ChatController *controller() const { return m_controller; }
    [[nodiscard]] GatewayService *gateway() const { return m_gateway; }
    [[nodiscard]] TrayIcon *tray() const { return m_tray; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void show();
    void quit();
    void askBeforeClosing();

    AppPaths m_paths;
    GatewayService::AdapterFactory m_adapters;
    SingleInstance *m_instance = nullptr;
    DesktopContext *m_context = nullptr;
    ChatController *m_controller = nullptr;
    SettingsController *m_settings = nullptr;
    GatewayService *m_gateway = nullptr;
    QQmlApplicationEngine *m_engine = nullptr;
    TrayIcon *m_tray = nullptr;
    AwayFromDesk *m_away = nullptr;
    bool m_gatewayHere = false; // this process holds the gateway lock
    bool m_quitting = false;
    QPointer<QMessageBox> m_closeQuestion;
};
