// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxstore.h"

#include "config/secretscrubber.h"

#include "database.h"
#include "sqlerror.h"
#include "sqlvalues.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

OutboxStore::OutboxStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool OutboxStore::setError(const QString &action, const QString &sqliteMessage)
{
    m_error = m_db.describeError(action, sqliteMessage);
    return false;
}

qint64 OutboxStore::enqueue(const Item &item)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO outbox (session_id, message_id, platform, chat, thread, kind, target_message_id, "
              "target_outbox_id, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
    q.addBindValue(nullableText(item.sessionId));
    q.addBindValue(item.messageId > 0 ? QVariant(item.messageId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(item.platform);
    q.addBindValue(item.chat);
    q.addBindValue(nullableText(item.thread));
    q.addBindValue(item.kind == Kind::Edit ? u"edit"_s : u"send"_s);
    q.addBindValue(nullableText(item.targetMessageId));
    q.addBindValue(item.targetOutboxId > 0 ? QVariant(item.targetOutboxId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(requiredText(item.content));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec() || !q.next()) {
        setError(tr("recording an outgoing message"), sqlMessage(q.lastError()));
        return 0;
    }
    const qint64 id = q.value(0).toLongLong();
    Q_EMIT enqueued(item.platform, id);
    return id;
}

bool OutboxStore::finish(qint64 id, const QString &state, const QString &platformMessageId, const QString &error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE outbox SET state = ?, platform_message_id = ?, last_error = ?, sent_at = ? "
              "WHERE id = ? AND state = 'pending'"_s);
    q.addBindValue(state);
    q.addBindValue(nullableText(platformMessageId));
    q.addBindValue(nullableText(SecretScrubber::scrub(error)));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec())
        return setError(tr("recording a delivery"), sqlMessage(q.lastError()));
    return q.numRowsAffected() == 1;
}

bool OutboxStore::markSent(qint64 id, const QString &platformMessageId)
{
    return finish(id, u"sent"_s, platformMessageId, {});
}

bool OutboxStore::markFailed(qint64 id, const QString &error)
{
    return finish(id, u"failed"_s, {}, error);
}

bool OutboxStore::withdraw(qint64 messageId, const QString &reason)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE outbox SET state = 'failed', last_error = ?, sent_at = ? WHERE message_id = ? "
              "AND state = 'pending'"_s);
    q.addBindValue(reason);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(messageId);
    if (!q.exec())
        return setError(tr("withdrawing unsent messages"), sqlMessage(q.lastError()));
    return true;
}

bool OutboxStore::recordAttempt(qint64 id, const QString &error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'pending'"_s);
    q.addBindValue(SecretScrubber::scrub(error));
    q.addBindValue(id);
    if (!q.exec())
        return setError(tr("recording a delivery attempt"), sqlMessage(q.lastError()));
    return q.numRowsAffected() == 1;
}

QList<OutboxStore::Item> OutboxStore::pending(const QString &platform)
{
    m_error.clear();
    QList<Item> items;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, session_id, message_id, platform, chat, thread, kind, target_message_id, content, attempts, "
              "last_error, target_outbox_id FROM outbox WHERE platform = ? AND state = 'pending' ORDER BY id"_s);
    q.addBindValue(platform);
    if (!q.exec()) {
        setError(tr("reading unsent messages"), sqlMessage(q.lastError()));
        return items;
    }
    while (q.next()) {
        Item item;
        item.id = q.value(0).toLongLong();
        item.sessionId = q.value(1).toString();
        item.messageId = q.value(2).toLongLong();
        item.platform = q.value(3).toString();
        item.chat = q.value(4).toString();
        item.thread = q.value(5).toString();
        item.kind = q.value(6).toString() == "edit"_L1 ? Kind::Edit : Kind::Send;
        item.targetMessageId = q.value(7).toString();
        item.content = q.value(8).toString();
        item.attempts = q.value(9).toInt();
        item.lastError = q.value(10).toString();
        item.targetOutboxId = q.value(11).toLongLong();
        items.append(item);
    }
    return items;
}

std::optional<OutboxStore::Outcome> OutboxStore::outcome(qint64 id)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT state, platform_message_id, content FROM outbox WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        setError(tr("reading what became of a message"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Outcome { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() };
}

QList<OutboxStore::LastSent> OutboxStore::lastSent(const QString &platform, qint64 sinceMs, int limit)
{
    m_error.clear();
    QList<LastSent> conversations;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // Edits carry an older message's id: only sends mark how far a conversation got.
    q.prepare(u"SELECT chat, thread, platform_message_id FROM outbox WHERE id IN ("
              "SELECT MAX(id) FROM outbox WHERE platform = ? AND kind = 'send' AND state = 'sent' "
              "AND platform_message_id IS NOT NULL AND sent_at >= ? GROUP BY chat, COALESCE(thread, '')) "
              "ORDER BY id DESC LIMIT ?"_s);
    q.addBindValue(platform);
    q.addBindValue(sinceMs);
    q.addBindValue(rowLimit(limit));
    if (!q.exec()) {
        setError(tr("reading where the conversations stand"), sqlMessage(q.lastError()));
        return conversations;
    }
    while (q.next())
        conversations.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString() });
    return conversations;
}

std::optional<OutboxStore::LastSent> OutboxStore::firstSentFor(qint64 messageId)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT chat, thread, platform_message_id FROM outbox WHERE message_id = ? AND kind = 'send' "
              "AND state = 'sent' AND platform_message_id IS NOT NULL ORDER BY id LIMIT 1"_s);
    q.addBindValue(messageId);
    if (!q.exec()) {
        setError(tr("reading what was sent for a reply"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return LastSent { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() };
}
