// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class ChatController;
class Gateway;
class QAction;
class QMenu;
class QSystemTrayIcon;

/**
 * @brief The tray icon: the gateway's state at a glance, and a menu to open the window, start a
 * chat, hand the current one off, read each platform's status, and quit.
 */
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    TrayIcon(ChatController &controller, QObject *parent = nullptr);
    ~TrayIcon() override;

    /// Shows the state of @p gateway's platforms (none: the gateway runs in another process).
    void setGateway(Gateway *gateway);
    void setPaused(bool paused);
    [[nodiscard]] bool isVisible() const;
    /// The icon's state: online, degraded, offline, paused, or notsetup (no platform: desktop chat only).
    [[nodiscard]] QString state() const { return m_state; }
    /// The status lines of the menu and the tooltip.
    [[nodiscard]] QStringList statusLines() const { return m_lines; }
    void notify(const QString &title, const QString &message);

Q_SIGNALS:
    void openRequested();
    void quitRequested();
    void pauseToggled(bool paused);

private:
    void update();
    void fillHandoffMenu();

    ChatController &m_controller;
    QPointer<Gateway> m_gateway;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QMenu *m_handoffMenu;
    QList<QAction *> m_statusLines;
    QAction *m_pause = nullptr;
    bool m_paused = false;
    QString m_state;
    QStringList m_lines;
};
