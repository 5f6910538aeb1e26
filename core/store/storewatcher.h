// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

class Database;

/**
 * @brief Notices commits made through other connections to the store (the gateway thread, a
 * `baton --no-gui` process, a terminal chat, another machine).
 *
 * SQLite: data_version changes when, and only when, another connection committed; one cheap
 * pragma per interval, nothing while nothing changes. PostgreSQL: the store announces every
 * committed change (migration 18) and this listens, so it is told within milliseconds and asks
 * nothing in between.
 */
class StoreWatcher : public QObject
{
    Q_OBJECT

public:
    StoreWatcher(Database &database, int intervalMs = 500, QObject *parent = nullptr);

    /// PostgreSQL: whether the server takes our LISTEN (false: polling is all there is).
    [[nodiscard]] bool isListening() const { return m_listening; }

Q_SIGNALS:
    void changedElsewhere();

private:
    void check();
    void listen();

    Database &m_db;
    QTimer m_timer;
    qint64 m_version = -1;
    bool m_listening = false;
};
