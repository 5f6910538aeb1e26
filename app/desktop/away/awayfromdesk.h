// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "desktopnotifier.h"
#include "gateway/gateway.h"
#include "sleepinhibitor.h"

#include <QObject>
#include <QPointer>
#include <QWindow>

class AwaySettings;
class ChatController;
class QTimer;
class ScreenLockWatcher;

/**
 * @brief The handoff follows the person away from the desk (README "Away from the desk"): a screen
 * lock hands off the active conversation (or asks), an unlock offers it back with what happened on
 * the phone, sleep is announced in the handed-off threads and the adapters reconnect on wake, and
 * replies and phone messages the window is not showing become notifications.
 *
 * Lives in the window's process only; the gateway it talks to is the one this process runs, if any.
 */
class AwayFromDesk : public QObject
{
    Q_OBJECT

public:
    AwayFromDesk(ChatController &controller, AwaySettings &settings, QObject *parent = nullptr);

    /// Starts listening to the lock, logind and the notification server.
    void start();
    /// The window whose visibility decides what counts as "not showing".
    void setWindow(QWindow *window) { m_window = window; }
    /// The gateway this process runs (nullptr: it runs elsewhere or not at all).
    void setGateway(Gateway *gateway);

    [[nodiscard]] ScreenLockWatcher *lockWatcher() const { return m_lock; }
    [[nodiscard]] SleepInhibitor *inhibitor() const { return m_inhibitor; }

    /// The longest a sleep waits for the notices and replies in flight: logind's default
    /// InhibitDelayMaxSec is 5 s.
    static constexpr int sleepGraceMs = 4'000;

private:
    void onLockedChanged(bool locked);
    void handOff(const QString &sessionId, const QString &platform);
    void offerTakeBack();
    void onAction(const QString &tag, const QString &key);
    void updateInhibitor();
    void onAboutToSleep();
    void onWoke();
    void onPhoneMessage(const QString &sessionId, const QString &platform, const QString &text);
    void onPhoneReply(const QString &sessionId, const QString &error);
    void onReplyFinished(const QString &sessionId, const QString &error);
    [[nodiscard]] QString platformForHandoff() const;
    [[nodiscard]] bool showing(const QString &sessionId) const;
    [[nodiscard]] bool isLive(const QString &sessionId) const;

    ChatController &m_controller;
    AwaySettings &m_settings;
    ScreenLockWatcher *m_lock = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    SleepInhibitor *m_inhibitor = nullptr;
    QPointer<QWindow> m_window;
    QPointer<Gateway> m_gateway;
    QTimer *m_sleepGrace = nullptr;
    qint64 m_lockedAtMs = 0;
};
