// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionkeystore.h"

#include "database.h"
#include "sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

SessionKeyStore::SessionKeyStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool SessionKeyStore::setError(const QString &action, const QString &sqliteMessage)
{
    m_error = m_db.describeError(action, sqliteMessage);
    return false;
}

bool SessionKeyStore::bind(const QString &key, const QString &sessionId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO session_keys (key, session_id, updated_at) VALUES (?, ?, ?) "
              "ON CONFLICT (key) DO UPDATE SET session_id = excluded.session_id, updated_at = excluded.updated_at"_s);
    q.addBindValue(key);
    q.addBindValue(sessionId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return setError(tr("binding a chat to a session"), sqlMessage(q.lastError()));
    Q_EMIT bindingChanged(key, sessionId);
    return true;
}

std::optional<SessionKeyStore::Binding> SessionKeyStore::binding(const QString &key)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT session_id, updated_at FROM session_keys WHERE key = ?"_s);
    q.addBindValue(key);
    if (!q.exec()) {
        setError(tr("looking up a chat's session"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Binding { q.value(0).toString(), q.value(1).toLongLong() };
}

QStringList SessionKeyStore::keysFor(const QString &sessionId)
{
    m_error.clear();
    QStringList keys;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT key FROM session_keys WHERE session_id = ? ORDER BY updated_at DESC"_s);
    q.addBindValue(sessionId);
    if (!q.exec()) {
        setError(tr("looking up a session's chats"), sqlMessage(q.lastError()));
        return keys;
    }
    while (q.next())
        keys << q.value(0).toString();
    return keys;
}

bool SessionKeyStore::unbind(const QString &key)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM session_keys WHERE key = ?"_s);
    q.addBindValue(key);
    if (!q.exec())
        return setError(tr("unbinding a chat"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() == 1)
        Q_EMIT bindingChanged(key, {});
    return true;
}
