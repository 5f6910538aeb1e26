// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionmarks.h"

#include "database.h"
#include "sqlerror.h"
#include "sqlvalues.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
// A message someone wrote on a platform: the window's and the terminal's own are seen as written.
const QString phoneMessage
    = u"m.session_id = s.id AND m.role = 'user' AND m.internal = 0 AND m.platform NOT IN ('desktop', 'cli')"_s;
} // namespace

SessionMarks::SessionMarks(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool SessionMarks::setError(const QString &action, const QString &sqliteMessage)
{
    m_error = m_db.describeError(action, sqliteMessage);
    return false;
}

bool SessionMarks::stamp(const QString &column, const QString &sessionId, const QString &action)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET %1 = ? WHERE id = ?"_s.arg(column));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(sessionId);
    if (!q.exec())
        return setError(action, sqlMessage(q.lastError()));
    return q.numRowsAffected() == 1;
}

bool SessionMarks::markSeen(const QString &sessionId)
{
    return stamp(u"window_seen_at"_s, sessionId, tr("marking a session as read"));
}

bool SessionMarks::markTakenBack(const QString &sessionId)
{
    return stamp(u"taken_back_at"_s, sessionId, tr("taking a session back"));
}

QHash<QString, SessionMarks::Marks> SessionMarks::read(const QString &where, const QVariantList &values)
{
    m_error.clear();
    QHash<QString, Marks> all;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT s.id, s.window_seen_at, s.taken_back_at, "
              "(SELECT max(m.created_at) FROM messages m WHERE %1), "
              "(SELECT count(*) FROM messages m WHERE %1 AND m.created_at > s.window_seen_at) "
              "FROM sessions s %2"_s.arg(phoneMessage, where));
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec()) {
        setError(tr("reading which sessions are unread"), sqlMessage(q.lastError()));
        return all;
    }
    while (q.next()) {
        all.insert(q.value(0).toString(),
            { q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(), q.value(4).toInt() });
    }
    return all;
}

QHash<QString, SessionMarks::Marks> SessionMarks::recent(int limit)
{
    return read(u"ORDER BY s.updated_at DESC LIMIT ?"_s, { rowLimit(limit) });
}

SessionMarks::Marks SessionMarks::marks(const QString &sessionId)
{
    return read(u"WHERE s.id = ?"_s, { sessionId }).value(sessionId);
}

bool SessionMarks::livesOnPlatform(const HandoffStatus &handoff, const Marks &marks)
{
    return handoff.state == HandoffState::Completed
        && std::max(handoff.finishedAt, marks.lastPhoneAt) > marks.takenBackAt;
}
