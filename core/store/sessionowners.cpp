// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionowners.h"

#include "database.h"
#include "sqlerror.h"
#include "sqlvalues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

SessionOwners::SessionOwners(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool SessionOwners::setError(const QString &action, const QString &sqliteMessage)
{
    m_error = m_db.describeError(action, sqliteMessage);
    return false;
}

bool SessionOwners::setStartedBy(const QString &sessionId, const QString &person)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET started_by = ? WHERE id = ?"_s);
    q.addBindValue(person);
    q.addBindValue(sessionId);
    if (!q.exec())
        return setError(tr("recording who began a session"), sqlMessage(q.lastError()));
    return q.numRowsAffected() == 1;
}

QString SessionOwners::startedBy(const QString &sessionId)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT started_by FROM sessions WHERE id = ?"_s);
    q.addBindValue(sessionId);
    if (!q.exec()) {
        setError(tr("reading who began a session"), sqlMessage(q.lastError()));
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}

QStringList SessionOwners::sessionsStartedBy(const QString &person, int limit)
{
    m_error.clear();
    QStringList ids;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id FROM sessions WHERE started_by = ? ORDER BY updated_at DESC LIMIT ?"_s);
    q.addBindValue(person);
    q.addBindValue(rowLimit(limit));
    if (!q.exec()) {
        setError(tr("reading who began a session"), sqlMessage(q.lastError()));
        return ids;
    }
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}
