// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakenotificationserver.h"

#include <QDBusMessage>

using namespace Qt::StringLiterals;

namespace {
const QString service = u"org.freedesktop.Notifications"_s;
const QString path = u"/org/freedesktop/Notifications"_s;
} // namespace

FakeNotificationServer::FakeNotificationServer(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{ }

FakeNotificationServer::~FakeNotificationServer()
{
    unregisterService();
}

bool FakeNotificationServer::registerService()
{
    return m_bus.registerObject(path, this, QDBusConnection::ExportScriptableSlots) && m_bus.registerService(service);
}

void FakeNotificationServer::unregisterService()
{
    m_bus.unregisterService(service);
    m_bus.unregisterObject(path);
}

QStringList FakeNotificationServer::GetCapabilities() const
{
    QStringList capabilities { u"body"_s };
    if (m_actions)
        capabilities << u"actions"_s;
    return capabilities;
}

uint FakeNotificationServer::Notify(const QString &appName, uint replacesId, const QString &, const QString &summary,
    const QString &body, const QStringList &actions, const QVariantMap &hints, int)
{
    Shown shown { replacesId != 0 ? replacesId : m_nextId++, appName, replacesId, summary, body, actions, hints };
    m_shown << shown;
    Q_EMIT notified(shown);
    return shown.id;
}

void FakeNotificationServer::CloseNotification(uint id)
{
    QDBusMessage closed = QDBusMessage::createSignal(path, service, u"NotificationClosed"_s);
    closed << id << uint(3);
    m_bus.send(closed);
}

QString FakeNotificationServer::GetServerInformation(QString &vendor, QString &version, QString &specVersion) const
{
    vendor = u"Baton tests"_s;
    version = u"1"_s;
    specVersion = u"1.2"_s;
    return u"fake-notifications"_s;
}

std::optional<FakeNotificationServer::Shown> FakeNotificationServer::last(const QString &summaryContains) const
{
    for (auto it = m_shown.crbegin(); it != m_shown.crend(); ++it) {
        if (it->summary.contains(summaryContains))
            return *it;
    }
    return std::nullopt;
}

void FakeNotificationServer::invokeAction(uint id, const QString &key)
{
    QDBusMessage invoked = QDBusMessage::createSignal(path, service, u"ActionInvoked"_s);
    invoked << id << key;
    m_bus.send(invoked);
}

QString FakeNotificationServer::logText() const
{
    QString text;
    for (const Shown &s : m_shown) {
        QStringList buttons;
        for (qsizetype i = 0; i + 1 < s.actions.size(); i += 2)
            buttons << u"[%1 (%2)]"_s.arg(s.actions.at(i + 1), s.actions.at(i));
        text += u"#%1 %2%3\n  %4\n  %5\n  %6\n\n"_s.arg(QString::number(s.id), s.appName,
            s.replacesId ? u" (replaces #%1)"_s.arg(s.replacesId) : QString(), s.summary, s.body,
            buttons.isEmpty() ? u"(no buttons)"_s : buttons.join(u' '));
    }
    return text;
}
