// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>

/**
 * @brief Desktop notifications through org.freedesktop.Notifications, with buttons where the
 * server lists the "actions" capability. A notification never takes the keyboard focus.
 */
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    struct Action
    {
        QString key;
        QString label;
    };

    using QObject::QObject;

    /// Asks the server what it can do; available() or unavailable() follows.
    void start();
    [[nodiscard]] bool isAvailable() const { return m_available; }
    [[nodiscard]] bool supportsActions() const { return m_actions; }

    /// Shows @p summary and @p body; @p tag comes back with actionInvoked() when a button is pressed.
    /// Actions are left out where the server has no buttons. A second notify() with the same tag
    /// replaces the first on screen.
    void notify(const QString &tag, const QString &summary, const QString &body, const QList<Action> &actions = {});

Q_SIGNALS:
    void available();
    void unavailable(const QString &sentence);
    void actionInvoked(const QString &tag, const QString &key);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &key);
    void onClosed(uint id, uint reason);

private:
    bool m_available = false;
    bool m_actions = false;
    bool m_markup = false; // the server reads the body as markup: text must be escaped
    QHash<uint, QString> m_tags; // notification id -> tag, while it is on screen
};
