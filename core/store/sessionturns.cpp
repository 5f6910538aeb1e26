// SPDX-License-Identifier: GPL-3.0-or-later
// SessionStore: who writes a session's reply (the running turn, its owner and lease), and the
// replies a stopped process left unfinished.
#include "sessionstore.h"

#include "database.h"
#include "messagerow.h"
#include "processidentity.h"
#include "sqlerror.h"
#include "sqlvalues.h"
#include "writetransaction.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

bool SessionStore::beginTurn(const QString &id)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        QSqlQuery q(m_db.connection());
        q.prepare(u"UPDATE sessions SET turn_state = 'running', turn_owner = ?, turn_lease_until = ?, "
                  "turn_reply_id = NULL, updated_at = ? WHERE id = ? AND turn_state IS NULL"_s);
        q.addBindValue(ProcessIdentity::current());
        q.addBindValue(now() + turnLeaseMs);
        q.addBindValue(now());
        q.addBindValue(id);
        if (!q.exec())
            return setError(tr("starting a turn"), sqlMessage(q.lastError()));
        if (q.numRowsAffected() == 1) {
            Q_EMIT sessionUpdated(id);
            return true;
        }
        // Held: by a live process at work, or by one that died or stopped renewing its lease.
        QSqlQuery holder(m_db.connection());
        holder.prepare(u"SELECT turn_owner, turn_lease_until FROM sessions WHERE id = ? AND turn_state = 'running'"_s);
        holder.addBindValue(id);
        if (!holder.exec())
            return setError(tr("starting a turn"), sqlMessage(holder.lastError()));
        if (!holder.next())
            continue; // ended meanwhile
        const QString owner = holder.value(0).toString();
        const bool expired = !holder.value(1).isNull() && holder.value(1).toLongLong() < now();
        holder.finish();
        if (owner == ProcessIdentity::current() || !(expired || ProcessIdentity::isDead(owner)))
            break;
        if (!releaseTurn(id, owner))
            return false;
    }
    m_error = tr("A reply is already being written in this session.");
    return false;
}

bool SessionStore::setTurnReply(const QString &id, qint64 replyMessageId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET turn_reply_id = ? WHERE id = ? AND turn_state = 'running' AND turn_owner = ?"_s);
    q.addBindValue(replyMessageId);
    q.addBindValue(id);
    q.addBindValue(ProcessIdentity::current());
    if (!q.exec())
        return setError(tr("starting a turn"), sqlMessage(q.lastError()));
    return q.numRowsAffected() == 1;
}

bool SessionStore::refreshTurnLease(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET turn_lease_until = ? WHERE id = ? AND turn_state = 'running' AND turn_owner = ?"_s);
    q.addBindValue(now() + turnLeaseMs);
    q.addBindValue(id);
    q.addBindValue(ProcessIdentity::current());
    if (!q.exec())
        return setError(tr("renewing a turn's lease"), sqlMessage(q.lastError()));
    return q.numRowsAffected() == 1;
}

bool SessionStore::checkpointReply(qint64 messageId, const QString &content)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE messages SET content = ? WHERE id = ? AND status = 'partial'"_s);
    q.addBindValue(requiredText(content));
    q.addBindValue(messageId);
    if (!q.exec())
        return setError(tr("saving a reply as it streams"), sqlMessage(q.lastError()));
    return true;
}

bool SessionStore::endTurn(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET turn_state = NULL, turn_owner = NULL, turn_lease_until = NULL, "
              "turn_reply_id = NULL, updated_at = ? WHERE id = ? AND turn_state = 'running'"_s);
    q.addBindValue(now());
    q.addBindValue(id);
    if (!q.exec())
        return setError(tr("ending a turn"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() == 1)
        Q_EMIT sessionUpdated(id);
    return true;
}

bool SessionStore::finishTurn(const QString &id, qint64 replyId, const QString &content, MessageStatus status,
    const QByteArray &toolCalls, const std::function<void()> &alongside)
{
    // Without the transaction (the database is locked elsewhere) each write still tries alone.
    WriteTransaction tx(m_db.connection());
    const bool stored = updateMessage(replyId, content, status, toolCalls);
    const QString storeError = m_error;
    alongside();
    const bool ended = endTurn(id);
    if (tx.isActive() && !tx.commit())
        return setError(tr("finishing a reply"), sqlMessage(tx.lastError()));
    if (!stored)
        m_error = storeError;
    return stored && ended;
}

bool SessionStore::abandonTurn(const QString &id)
{
    return releaseTurn(id, ProcessIdentity::current());
}

bool SessionStore::releaseTurn(const QString &id, const QString &owner)
{
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return setError(tr("releasing an abandoned turn"), sqlMessage(tx.lastError()));
    // What the reply had when its writer stopped stays, marked: the question is answered again.
    QSqlQuery mark(m_db.connection());
    mark.prepare(u"UPDATE messages SET interrupted = 1 WHERE status = 'partial' AND id = (SELECT turn_reply_id "
                 "FROM sessions WHERE id = ? AND turn_state = 'running' AND turn_owner IS NOT DISTINCT FROM ?)"_s);
    mark.addBindValue(id);
    mark.addBindValue(owner.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(owner));
    QSqlQuery release(m_db.connection());
    release.prepare(
        u"UPDATE sessions SET turn_state = NULL, turn_owner = NULL, turn_lease_until = NULL, "
        "turn_reply_id = NULL WHERE id = ? AND turn_state = 'running' AND turn_owner IS NOT DISTINCT FROM ?"_s);
    release.addBindValue(id);
    release.addBindValue(owner.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(owner));
    if (!mark.exec())
        return setError(tr("releasing an abandoned turn"), sqlMessage(mark.lastError()));
    if (!release.exec())
        return setError(tr("releasing an abandoned turn"), sqlMessage(release.lastError()));
    const bool released = release.numRowsAffected() == 1;
    if (!tx.commit())
        return setError(tr("releasing an abandoned turn"), sqlMessage(tx.lastError()));
    if (released)
        Q_EMIT sessionUpdated(id);
    return true;
}

QStringList SessionStore::releaseAbandonedTurns()
{
    m_error.clear();
    QStringList released;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT id, turn_owner, turn_lease_until FROM sessions WHERE turn_state = 'running'"_s)) {
        setError(tr("looking for abandoned turns"), sqlMessage(q.lastError()));
        return released;
    }
    struct Running
    {
        QString id;
        QString owner;
        bool expired;
    };
    QList<Running> running;
    while (q.next())
        running.append(
            { q.value(0).toString(), q.value(1).toString(), !q.value(2).isNull() && q.value(2).toLongLong() < now() });
    q.finish();
    for (const Running &turn : std::as_const(running)) {
        // A turn from before owners and leases were recorded cannot be told from a live one:
        // `baton sessions unlock` ends it.
        if (!turn.expired && (turn.owner.isEmpty() || !ProcessIdentity::isDead(turn.owner)))
            continue;
        if (releaseTurn(turn.id, turn.owner))
            released << turn.id;
    }
    return released;
}

QStringList SessionStore::releaseTurnsOf(const QString &owner)
{
    m_error.clear();
    QStringList released;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id FROM sessions WHERE turn_state = 'running' AND turn_owner = ?"_s);
    q.addBindValue(owner);
    if (!q.exec()) {
        setError(tr("looking for abandoned turns"), sqlMessage(q.lastError()));
        return released;
    }
    QStringList held;
    while (q.next())
        held << q.value(0).toString();
    q.finish();
    for (const QString &id : std::as_const(held)) {
        if (releaseTurn(id, owner))
            released << id;
    }
    return released;
}

bool SessionStore::unlockTurn(const QString &id, QString *owner)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT turn_owner FROM sessions WHERE id = ? AND turn_state = 'running'"_s);
    q.addBindValue(id);
    if (!q.exec())
        return setError(tr("unlocking a session"), sqlMessage(q.lastError()));
    if (!q.next()) {
        m_error = tr("No reply is being written in this session; there is nothing to unlock.");
        return false;
    }
    const QString holder = q.value(0).toString();
    q.finish();
    if (owner)
        *owner = holder;
    return releaseTurn(id, holder);
}

QList<Message> SessionStore::interruptedReplies()
{
    m_error.clear();
    QList<Message> replies;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT %1 FROM messages WHERE interrupted = 1 AND off_branch = 0 ORDER BY id"_s.arg(
            MessageRow::columns()))) {
        setError(tr("looking for interrupted replies"), sqlMessage(q.lastError()));
        return replies;
    }
    while (q.next())
        replies.append(MessageRow::fromQuery(q));
    return replies;
}

bool SessionStore::setInterruptedAnswered(const QString &sessionId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE messages SET interrupted = 2 WHERE session_id = ? AND interrupted = 1"_s);
    q.addBindValue(sessionId);
    if (!q.exec())
        return setError(tr("answering an interrupted reply"), sqlMessage(q.lastError()));
    return true;
}
