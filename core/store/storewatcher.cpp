// SPDX-License-Identifier: GPL-3.0-or-later
#include "storewatcher.h"

#include "database.h"

#include <QSqlDriver>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

StoreWatcher::StoreWatcher(Database &database, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_db(database)
{
    if (m_db.dialect() == SqlDialect::Postgres) {
        listen();
        return;
    }
    connect(&m_timer, &QTimer::timeout, this, &StoreWatcher::check);
    m_timer.start(intervalMs);
    check();
}

void StoreWatcher::listen()
{
    QSqlDriver *driver = m_db.connection().driver();
    connect(driver, &QSqlDriver::notification, this,
        [this](const QString &, QSqlDriver::NotificationSource source, const QVariant &) {
            if (source == QSqlDriver::OtherSource)
                Q_EMIT changedElsewhere();
        });
    m_listening = driver->subscribeToNotification(u"baton_store"_s);
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
