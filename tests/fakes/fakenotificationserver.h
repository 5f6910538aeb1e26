// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

/**
 * @brief A stand-in notification server (org.freedesktop.Notifications) on a real bus: logs every
 * notification it is asked to show and can press one of its buttons (ActionInvoked).
 */
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        uint id = 0;
        QString appName;
        uint replacesId = 0;
        QString summary;
        QString body;
        QStringList actions; // key, label, key, label...
        QVariantMap hints;
    };

    explicit FakeNotificationServer(const QDBusConnection &bus, QObject *parent = nullptr);
    ~FakeNotificationServer() override;

    [[nodiscard]] bool registerService();
    void unregisterService();
    /// Whether GetCapabilities lists "actions" (buttons).
    void setActions(bool enabled) { m_actions = enabled; }
    [[nodiscard]] QList<Shown> shown() const { return m_shown; }
    /// The last notification whose summary contains @p text, if any.
    [[nodiscard]] std::optional<Shown> last(const QString &summaryContains) const;
    /// Presses the button @p key of notification @p id.
    void invokeAction(uint id, const QString &key);
    /// The log as text, one notification a block (what a screenshot of the server would show).
    [[nodiscard]] QString logText() const;

public Q_SLOTS:
    Q_SCRIPTABLE QStringList GetCapabilities() const;
    Q_SCRIPTABLE uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
        const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout);
    Q_SCRIPTABLE void CloseNotification(uint id);
    Q_SCRIPTABLE QString GetServerInformation(QString &vendor, QString &version, QString &specVersion) const;

Q_SIGNALS:
    void notified(const FakeNotificationServer::Shown &shown);

private:
    QDBusConnection m_bus;
    bool m_actions = true;
    uint m_nextId = 1;
    QList<Shown> m_shown;
};
