// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenlockwatcher.h"

#include "systembus.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLock, "baton.away.lock", QtInfoMsg)

namespace {
const QString screenSaverService = u"org.freedesktop.ScreenSaver"_s;
const QString sessionInterface = u"org.freedesktop.login1.Session"_s;
} // namespace

void ScreenLockWatcher::start()
{
    m_pending = 2;
    QDBusConnection session = QDBusConnection::sessionBus();
    // A call on a bus that is not there never answers (Qt hands back an empty pending call).
    if (!session.isConnected())
        answered(false, tr("no session bus (%1)").arg(session.lastError().message()));
    else
        watchScreenSaver(session);

    QDBusConnection system = SystemBus::connection();
    if (!system.isConnected())
        return answered(false, tr("no system bus (%1)").arg(system.lastError().message()));
    // logind: the session this process runs in.
    const QString sessionId = qEnvironmentVariable("XDG_SESSION_ID");
    QDBusMessage find
        = QDBusMessage::createMethodCall(QLatin1StringView(SystemBus::logindService), u"/org/freedesktop/login1"_s,
            u"org.freedesktop.login1.Manager"_s, sessionId.isEmpty() ? u"GetSessionByPID"_s : u"GetSession"_s);
    find.setArguments({ sessionId.isEmpty() ? QVariant::fromValue(uint(getpid())) : QVariant(sessionId) });
    auto *logind = new QDBusPendingCallWatcher(system.asyncCall(find), this);
    connect(logind, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QDBusObjectPath> reply = *call;
        if (!reply.isError())
            watchLogindSession(reply.value().path());
        answered(!reply.isError(), tr("no logind session on the system bus (%1)").arg(reply.error().message()));
    });
}

void ScreenLockWatcher::watchScreenSaver(QDBusConnection &session)
{
    // The path differs between desktops (/ScreenSaver on KDE): the signal is matched on any.
    session.connect(QString(), QString(), screenSaverService, u"ActiveChanged"_s, this, SLOT(onActiveChanged(bool)));
    auto *saver
        = new QDBusPendingCallWatcher(session.asyncCall(QDBusMessage::createMethodCall(screenSaverService,
                                          u"/org/freedesktop/ScreenSaver"_s, screenSaverService, u"GetActive"_s)),
            this);
    connect(saver, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<bool> reply = *call;
        if (!reply.isError() && reply.value())
            setLocked(true);
        answered(!reply.isError(), tr("no screen saver service on the session bus (%1)").arg(reply.error().message()));
    });
}

void ScreenLockWatcher::watchLogindSession(const QString &path)
{
    QDBusConnection bus = SystemBus::connection();
    const QString service = QLatin1StringView(SystemBus::logindService);
    bus.connect(service, path, sessionInterface, u"Lock"_s, this, SLOT(onLogindLock()));
    bus.connect(service, path, sessionInterface, u"Unlock"_s, this, SLOT(onLogindUnlock()));
    bus.connect(service, path, u"org.freedesktop.DBus.Properties"_s, u"PropertiesChanged"_s, this,
        SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
    qCInfo(lcLock).noquote() << "listening to logind session" << path;
}

void ScreenLockWatcher::answered(bool found, const QString &why)
{
    m_found = m_found || found;
    if (!found)
        m_missing << why;
    if (--m_pending > 0)
        return;
    if (m_found)
        return Q_EMIT available();
    // Said once: a desktop without either service will not grow one while Baton runs.
    const QString sentence = tr("Baton cannot tell when the screen locks: %1.").arg(m_missing.join(u"; "_s));
    qCInfo(lcLock).noquote() << sentence;
    Q_EMIT unavailable(sentence);
}

void ScreenLockWatcher::onActiveChanged(bool active)
{
    setLocked(active);
}

void ScreenLockWatcher::onLogindLock()
{
    setLocked(true);
}

void ScreenLockWatcher::onLogindUnlock()
{
    setLocked(false);
}

void ScreenLockWatcher::onPropertiesChanged(const QString &interface, const QVariantMap &changed, const QStringList &)
{
    if (interface == sessionInterface && changed.contains(u"LockedHint"_s))
        setLocked(changed.value(u"LockedHint"_s).toBool());
}

void ScreenLockWatcher::setLocked(bool locked)
{
    // Both services may tell of the same lock.
    if (locked == m_locked)
        return;
    m_locked = locked;
    qCInfo(lcLock) << (locked ? "the screen locked" : "the screen unlocked");
    Q_EMIT lockedChanged(locked);
}
