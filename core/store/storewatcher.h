// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

class Database;

/**
 * @brief Notices commits made through other connections to state.db (the gateway thread, a
 * `baton --no-gui` process, a terminal chat): SQLite's data_version changes when, and only when,
 * another connection committed. One cheap pragma per interval; nothing while nothing changes.
 */
class StoreWatcher : public QObject
{
    Q_OBJECT

public:
    StoreWatcher(Database &database, int intervalMs = 500, QObject *parent = nullptr);

Q_SIGNALS:
    void changedElsewhere();

private:
    void check();

    Database &m_db;
    QTimer m_timer;
    qint64 m_version = -1;
};
