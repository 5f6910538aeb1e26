// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>

/**
 * @brief Hears the session lock and unlock, through whichever standard interface the desktop
 * offers: org.freedesktop.ScreenSaver's ActiveChanged on the session bus, logind's session
 * Lock/Unlock signals and its LockedHint property on the system bus.
 */
class ScreenLockWatcher : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Subscribes and asks both services whether they are there; available() or unavailable() follows.
    void start();
    [[nodiscard]] bool isLocked() const { return m_locked; }

Q_SIGNALS:
    void lockedChanged(bool locked);
    /// At least one of the two services answered.
    void available();
    /// Neither service is there; @p sentence says so.
    void unavailable(const QString &sentence);

private Q_SLOTS:
    void onActiveChanged(bool active);
    void onLogindLock();
    void onLogindUnlock();
    void onPropertiesChanged(const QString &interface, const QVariantMap &changed, const QStringList &invalidated);

private:
    void setLocked(bool locked);
    void watchScreenSaver(QDBusConnection &session);
    void watchLogindSession(const QString &path);
    void answered(bool found, const QString &why);

    bool m_locked = false;
    int m_pending = 0; // services not yet answered
    bool m_found = false;
    QStringList m_missing;
};
