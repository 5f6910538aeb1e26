// SPDX-License-Identifier: GPL-3.0-or-later
#include "sleepinhibitor.h"

#include "systembus.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSleep, "baton.away.sleep", QtInfoMsg)

namespace {
const QString managerPath = u"/org/freedesktop/login1"_s;
const QString managerInterface = u"org.freedesktop.login1.Manager"_s;
} // namespace

void SleepInhibitor::start()
{
    QDBusConnection bus = SystemBus::connection();
    if (!bus.isConnected())
        return tellUnavailable(tr("no system bus (%1)").arg(bus.lastError().message()));
    bus.connect(QLatin1StringView(SystemBus::logindService), managerPath, managerInterface, u"PrepareForSleep"_s, this,
        SLOT(onPrepareForSleep(bool)));
    // Asked now, so the setting can say at once whether it can work here.
    auto *ping = new QDBusPendingCallWatcher(
        bus.asyncCall(QDBusMessage::createMethodCall(
            QLatin1StringView(SystemBus::logindService), managerPath, u"org.freedesktop.DBus.Peer"_s, u"Ping"_s)),
        this);
    connect(ping, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<> reply = *w;
        if (reply.isError())
            tellUnavailable(tr("no logind on the system bus (%1)").arg(reply.error().message()));
    });
}

void SleepInhibitor::tellUnavailable(const QString &why)
{
    const QString sentence = tr("Baton cannot hold off sleep: %1.").arg(why);
    if (!std::exchange(m_toldUnavailable, true))
        qCInfo(lcSleep).noquote() << sentence;
    Q_EMIT unavailable(sentence);
}

void SleepInhibitor::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    release();
    if (mode != Mode::None && !m_sleeping)
        take();
}

void SleepInhibitor::take()
{
    const bool block = m_mode == Mode::Block;
    QDBusMessage inhibit = QDBusMessage::createMethodCall(
        QLatin1StringView(SystemBus::logindService), managerPath, managerInterface, u"Inhibit"_s);
    inhibit.setArguments({ block ? u"sleep:handle-lid-switch"_s : u"sleep"_s, u"Baton"_s,
        block ? u"A conversation is on the phone"_s : u"Telling the handed-off conversations before sleep"_s,
        block ? u"block"_s : u"delay"_s });
    QDBusConnection bus = SystemBus::connection();
    // A call on a bus that is not there never answers.
    if (!bus.isConnected())
        return tellUnavailable(tr("no system bus (%1)").arg(bus.lastError().message()));
    const quint64 request = ++m_request;
    const Mode asked = m_mode;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(inhibit), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, request, asked](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusUnixFileDescriptor> reply = *w;
        if (reply.isError())
            return tellUnavailable(tr("logind did not grant the lock (%1)").arg(reply.error().message()));
        if (request != m_request)
            return; // a newer wish replaced this one: the descriptor closes with the reply
        m_fd = reply.value();
        m_heldMode = asked;
        qCInfo(lcSleep) << "holding a" << (asked == Mode::Block ? "block" : "delay") << "lock on sleep";
        Q_EMIT heldChanged();
    });
}

void SleepInhibitor::release()
{
    ++m_request;
    if (!m_fd.isValid())
        return;
    // Closing our copy of the descriptor is what releases logind's lock.
    m_fd = QDBusUnixFileDescriptor();
    m_heldMode = Mode::None;
    qCInfo(lcSleep) << "released the lock on sleep";
    Q_EMIT heldChanged();
}

void SleepInhibitor::releaseForSleep()
{
    if (m_sleeping && m_heldMode == Mode::Delay)
        release();
}

void SleepInhibitor::onPrepareForSleep(bool sleeping)
{
    m_sleeping = sleeping;
    if (sleeping) {
        qCInfo(lcSleep) << "the computer is going to sleep";
        return Q_EMIT aboutToSleep();
    }
    qCInfo(lcSleep) << "the computer woke";
    if (m_mode != Mode::None && !m_fd.isValid())
        take();
    Q_EMIT woke();
}
