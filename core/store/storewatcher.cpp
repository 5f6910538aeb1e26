// SPDX-License-Identifier: GPL-3.0-or-later
#include "storewatcher.h"

#include "database.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

StoreWatcher::StoreWatcher(Database &database, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_db(database)
{
    connect(&m_timer, &QTimer::timeout, this, &StoreWatcher::check);
    m_timer.start(intervalMs);
    check();
}

void StoreWatcher::check()
{
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"PRAGMA data_version"_s) || !q.next())
        return;
    const qint64 version = q.value(0).toLongLong();
    const bool changed = m_version >= 0 && version != m_version;
    m_version = version;
    if (changed)
        Q_EMIT changedElsewhere();
}
