// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>

/**
 * @brief A stand-in for the desktop's org.freedesktop.ScreenSaver on a real bus: answers GetActive
 * and emits ActiveChanged when the test locks or unlocks.
 */
class FakeScreenSaver : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.ScreenSaver")

public:
    /// Serves on @p bus (a connection of the test's own, so calls really cross the bus).
    explicit FakeScreenSaver(const QDBusConnection &bus, QObject *parent = nullptr);
    ~FakeScreenSaver() override;

    [[nodiscard]] bool registerService();
    void unregisterService();
    /// Locks (true) or unlocks the screen: ActiveChanged(active) on the bus.
    void setActive(bool active);

public Q_SLOTS:
    Q_SCRIPTABLE bool GetActive() const { return m_active; }

private:
    QDBusConnection m_bus;
    bool m_active = false;
};
