// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakelogind.h"

#include <QDBusMessage>
#include <QSocketNotifier>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
const QString service = u"org.freedesktop.login1"_s;
const QString managerPath = u"/org/freedesktop/login1"_s;
const QString sessionPath = u"/org/freedesktop/login1/session/_31"_s;
const QString sessionInterface = u"org.freedesktop.login1.Session"_s;
} // namespace

FakeLogind::FakeLogind(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_session(new FakeLogindSession(this))
{ }

FakeLogind::~FakeLogind()
{
    unregisterService();
    for (QSocketNotifier *watch : std::as_const(m_watches)) {
        ::close(int(watch->socket()));
        delete watch;
    }
}

bool FakeLogind::registerService()
{
    return m_bus.registerObject(managerPath, this, QDBusConnection::ExportScriptableSlots)
        && m_bus.registerObject(sessionPath, m_session, QDBusConnection::ExportAllProperties)
        && m_bus.registerService(service);
}

void FakeLogind::unregisterService()
{
    m_bus.unregisterService(service);
    m_bus.unregisterObject(sessionPath);
    m_bus.unregisterObject(managerPath);
}

QDBusObjectPath FakeLogind::GetSession(const QString &)
{
    return QDBusObjectPath(sessionPath);
}

QDBusObjectPath FakeLogind::GetSessionByPID(uint)
{
    return QDBusObjectPath(sessionPath);
}

QDBusUnixFileDescriptor FakeLogind::Inhibit(
    const QString &what, const QString &who, const QString &why, const QString &mode)
{
    // As logind does: the caller gets the write end of a pipe; when every copy of it is closed, the
    // read end here sees end-of-file and the lock is gone.
    int ends[2];
    if (::pipe(ends) != 0)
        return {};
    const QDBusUnixFileDescriptor handed(ends[1]); // a duplicate travels in the reply
    ::close(ends[1]);
    const qsizetype index = m_inhibitors.size();
    m_inhibitors << Inhibitor { what, who, why, mode, true };
    auto *watch = new QSocketNotifier(ends[0], QSocketNotifier::Read, this);
    m_watches << watch;
    connect(watch, &QSocketNotifier::activated, this, [this, watch, index] {
        char byte;
        if (::read(int(watch->socket()), &byte, 1) > 0)
            return;
        watch->setEnabled(false);
        m_inhibitors[index].held = false;
        Q_EMIT inhibitorsChanged();
    });
    Q_EMIT inhibitorsChanged();
    return handed;
}

int FakeLogind::held(const QString &mode) const
{
    return int(std::count_if(
        m_inhibitors.cbegin(), m_inhibitors.cend(), [&](const Inhibitor &i) { return i.held && i.mode == mode; }));
}

void FakeLogind::prepareForSleep(bool sleeping)
{
    QDBusMessage signal
        = QDBusMessage::createSignal(managerPath, u"org.freedesktop.login1.Manager"_s, u"PrepareForSleep"_s);
    signal << sleeping;
    m_bus.send(signal);
}

void FakeLogind::lockSession(bool locked)
{
    m_session->setLocked(locked);
    m_bus.send(QDBusMessage::createSignal(sessionPath, sessionInterface, locked ? u"Lock"_s : u"Unlock"_s));
    QDBusMessage changed
        = QDBusMessage::createSignal(sessionPath, u"org.freedesktop.DBus.Properties"_s, u"PropertiesChanged"_s);
    changed << sessionInterface << QVariantMap { { u"LockedHint"_s, locked } } << QStringList();
    m_bus.send(changed);
}
