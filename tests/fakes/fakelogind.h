// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QObject>

class FakeLogindSession;
class QSocketNotifier;

/**
 * @brief A stand-in for systemd-logind (org.freedesktop.login1) on a test's private bus: the
 * manager's GetSession/GetSessionByPID, Inhibit (a real pipe whose far end it watches, so it
 * sees when the caller lets the lock go) and PrepareForSleep; one session with Lock, Unlock and
 * LockedHint.
 */
class FakeLogind : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.login1.Manager")

public:
    struct Inhibitor
    {
        QString what;
        QString who;
        QString why;
        QString mode;
        bool held = true; // false once the caller closed its descriptor
    };

    explicit FakeLogind(const QDBusConnection &bus, QObject *parent = nullptr);
    ~FakeLogind() override;

    [[nodiscard]] bool registerService();
    void unregisterService();
    [[nodiscard]] QList<Inhibitor> inhibitors() const { return m_inhibitors; }
    /// How many locks with @p mode ("delay", "block") are held now.
    [[nodiscard]] int held(const QString &mode) const;
    /// PrepareForSleep(@p sleeping) on the bus.
    void prepareForSleep(bool sleeping);
    /// The session's Lock or Unlock signal, and LockedHint with it.
    void lockSession(bool locked);

public Q_SLOTS:
    Q_SCRIPTABLE QDBusObjectPath GetSession(const QString &id);
    Q_SCRIPTABLE QDBusObjectPath GetSessionByPID(uint pid);
    Q_SCRIPTABLE QDBusUnixFileDescriptor Inhibit(
        const QString &what, const QString &who, const QString &why, const QString &mode);

Q_SIGNALS:
    void inhibitorsChanged();

private:
    QDBusConnection m_bus;
    FakeLogindSession *m_session = nullptr;
    QList<Inhibitor> m_inhibitors;
    QList<QSocketNotifier *> m_watches;
};

/**
 * @brief The one session of FakeLogind, as org.freedesktop.login1.Session.
 */
class FakeLogindSession : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.login1.Session")
    Q_PROPERTY(bool LockedHint READ lockedHint SCRIPTABLE true)

public:
    using QObject::QObject;
    [[nodiscard]] bool lockedHint() const { return m_locked; }
    void setLocked(bool locked) { m_locked = locked; }

private:
    bool m_locked = false;
};
