// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotify, "baton.away.notify", QtInfoMsg)

namespace {
const QString service = u"org.freedesktop.Notifications"_s;
const QString path = u"/org/freedesktop/Notifications"_s;

QDBusMessage call(const QString &method)
{
    return QDBusMessage::createMethodCall(service, path, service, method);
}
} // namespace

void DesktopNotifier::start()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        const QString sentence
            = tr("Baton cannot show desktop notifications: no session bus (%1).").arg(bus.lastError().message());
        qCInfo(lcNotify).noquote() << sentence;
        return Q_EMIT unavailable(sentence);
    }
    bus.connect(service, path, service, u"ActionInvoked"_s, this, SLOT(onActionInvoked(uint, QString)));
    bus.connect(service, path, service, u"NotificationClosed"_s, this, SLOT(onClosed(uint, uint)));
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call(u"GetCapabilities"_s)), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        if (reply.isError()) {
            const QString sentence
                = tr("Baton cannot show desktop notifications: no notification server on the session bus (%1).")
                      .arg(reply.error().message());
            qCInfo(lcNotify).noquote() << sentence;
            return Q_EMIT unavailable(sentence);
        }
        m_available = true;
        m_actions = reply.value().contains(u"actions"_s);
        m_markup = reply.value().contains(u"body-markup"_s);
        qCInfo(lcNotify) << "notification server found" << (m_actions ? "with buttons" : "without buttons");
        Q_EMIT available();
    });
}

void DesktopNotifier::notify(
    const QString &tag, const QString &summary, const QString &body, const QList<Action> &actions)
{
    if (!m_available)
        return;
    uint replaces = 0;
    for (auto it = m_tags.cbegin(); it != m_tags.cend(); ++it) {
        if (it.value() == tag)
            replaces = it.key();
    }
    QStringList flat;
    if (m_actions) {
        for (const Action &action : actions)
            flat << action.key << action.label;
    }
    QDBusMessage message = call(u"Notify"_s);
    // The desktop entry lets the server show Baton's name and icon; the body is plain text.
    const QVariantMap hints { { u"desktop-entry"_s, u"baton"_s }, { u"urgency"_s, QVariant::fromValue(uchar(1)) } };
    message.setArguments(
        { u"Baton"_s, replaces, u"baton"_s, summary, m_markup ? body.toHtmlEscaped() : body, flat, hints, int(-1) });
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, tag](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            qCWarning(lcNotify).noquote() << "a notification was not shown:" << reply.error().message();
            return;
        }
        m_tags.insert(reply.value(), tag);
    });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &key)
{
    // Other applications' notifications share the signal.
    if (m_tags.contains(id))
        Q_EMIT actionInvoked(m_tags.value(id), key);
}

void DesktopNotifier::onClosed(uint id, uint)
{
    m_tags.remove(id);
}
