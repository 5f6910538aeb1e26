// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionstore.h"

#include "database.h"
#include "messagerow.h"
#include "sqlerror.h"
#include "sqlvalues.h"
#include "transcriptreader.h"
#include "writetransaction.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
const QString sessionColumns
    = u"s.id, s.title, s.origin, s.model, s.created_at, s.updated_at, s.turn_state, "
      "(SELECT count(*) FROM messages m WHERE m.session_id = s.id AND m.off_branch = 0), s.ended_at, s.ended_reason, "_s
    + HandoffStatus::columns();

Session sessionFromQuery(const QSqlQuery &q)
{
    Session s;
    s.id = q.value(0).toString();
    s.title = q.value(1).toString();
    s.origin = q.value(2).toString();
    s.model = q.value(3).toString();
    s.createdAt = q.value(4).toLongLong();
    s.updatedAt = q.value(5).toLongLong();
    s.turnRunning = q.value(6).toString() == "running"_L1;
    s.messageCount = q.value(7).toInt();
    s.endedAt = q.value(8).toLongLong();
    s.endedReason = q.value(9).toString();
    s.handoff = HandoffStatus::fromQuery(q, 10);
    return s;
}

// Each word becomes a quoted FTS5 prefix term, so user text can never be FTS syntax.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        QString quoted = word;
        quoted.replace(u'"', u"\"\""_s);
        terms << u"\"%1\"*"_s.arg(quoted);
    }
    return terms.join(u' ');
}

// PostgreSQL's form of the same: each word a quoted prefix lexeme, all of them required.
QString tsQuery(const QString &text)
{
    QStringList terms;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        QString quoted = word;
        quoted.replace(u'\\', u"\\\\"_s).replace(u'\'', u"''"_s);
        terms << u"'%1':*"_s.arg(quoted);
    }
    return terms.join(u" & "_s);
}

} // namespace

qint64 SessionStore::now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

SessionStore::SessionStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool SessionStore::setError(const QString &action, const QString &sqliteMessage)
{
    m_error = m_db.describeError(action, sqliteMessage);
    return false;
}

QString SessionStore::createSession(const QString &title, const QString &origin, const QString &model)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 t = now();
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO sessions (id, title, origin, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(id);
    q.addBindValue(requiredText(title));
    q.addBindValue(requiredText(origin));
    q.addBindValue(requiredText(model));
    q.addBindValue(t);
    q.addBindValue(t);
    if (!q.exec()) {
        setError(tr("creating a session"), sqlMessage(q.lastError()));
        return {};
    }
    Q_EMIT sessionCreated(id);
    return id;
}

std::optional<Session> SessionStore::session(const QString &id)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT %1 FROM sessions s WHERE s.id = ?"_s.arg(sessionColumns));
    q.addBindValue(id);
    if (!q.exec()) {
        setError(tr("reading a session"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next()) {
        m_error = tr("No session with id %1.").arg(id);
        return std::nullopt;
    }
    return sessionFromQuery(q);
}

QList<Session> SessionStore::sessions(int limit)
{
    m_error.clear();
    QList<Session> result;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM sessions s ORDER BY s.updated_at DESC, s.rowid DESC LIMIT ?"_s.arg(sessionColumns));
    q.addBindValue(rowLimit(limit));
    if (!q.exec()) {
        setError(tr("listing sessions"), sqlMessage(q.lastError()));
        return result;
    }
    while (q.next())
        result.append(sessionFromQuery(q));
    return result;
}

QStringList SessionStore::idsWithPrefix(const QString &prefix, int limit)
{
    m_error.clear();
    QStringList ids;
    QString pattern = prefix.toLower();
    pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id FROM sessions WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?"_s);
    q.addBindValue(QString(pattern + u'%'));
    q.addBindValue(rowLimit(limit));
    if (!q.exec()) {
        setError(tr("looking up a session id"), sqlMessage(q.lastError()));
        return ids;
    }
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

bool SessionStore::setColumn(const QString &id, const QString &column, const QString &value)
{
    QSqlQuery q(m_db.connection());
    // The column name comes from this class, never from a caller's data.
    q.prepare(u"UPDATE sessions SET %1 = ?, updated_at = ? WHERE id = ?"_s.arg(column));
    q.addBindValue(requiredText(value));
    q.addBindValue(now());
    q.addBindValue(id);
    if (!q.exec())
        return setError(tr("updating a session"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() != 1) {
        m_error = tr("No session with id %1.").arg(id);
        return false;
    }
    Q_EMIT sessionUpdated(id);
    return true;
}

bool SessionStore::setTitle(const QString &id, const QString &title)
{
    return setColumn(id, u"title"_s, title);
}

bool SessionStore::setModel(const QString &id, const QString &model)
{
    return setColumn(id, u"model"_s, model);
}

bool SessionStore::deleteSession(const QString &id)
{
    QSqlQuery q(m_db.connection());
    // One statement: a turn or a handoff that begins meanwhile cannot lose its session under it.
    q.prepare(u"DELETE FROM sessions WHERE id = ? AND turn_state IS NULL "
              "AND (handoff_state IS NULL OR handoff_state NOT IN ('pending', 'running'))"_s);
    q.addBindValue(id);
    if (!q.exec())
        return setError(tr("deleting a session"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() != 1) {
        const std::optional<Session> kept = session(id);
        if (kept && kept->turnRunning)
            m_error = tr("A reply is being written in this chat; stop it or let it finish, then delete the chat.");
        else if (kept)
            m_error = tr("This chat is being handed off; wait until the handoff has finished, then delete the chat.");
        return false;
    }
    Q_EMIT sessionDeleted(id);
    return true;
}

bool SessionStore::endSession(const QString &id, const QString &reason)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET ended_at = ?, ended_reason = ? WHERE id = ? AND ended_at IS NULL"_s);
    q.addBindValue(now());
    q.addBindValue(reason);
    q.addBindValue(id);
    if (!q.exec())
        return setError(tr("ending a session"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() == 1)
        Q_EMIT sessionUpdated(id);
    return true;
}

QSqlQuery SessionStore::prepareInsert()
{
    // Prepared once per transaction and re-bound for every row: preparing is a large part of an insert.
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO messages (session_id, role, content, tool_calls, tool_call_id, platform, "
              "platform_message_id, platform_chat, platform_thread, internal, status, created_at, parent_id) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
              // It follows the end of the branch shown (SessionStore::beginVariant).
              "(SELECT max(id) FROM messages WHERE session_id = ? AND off_branch = 0)) "
              "ON CONFLICT (platform, platform_chat, platform_message_id) WHERE platform_message_id IS NOT NULL "
              "DO NOTHING RETURNING id"_s);
    return q;
}

std::optional<SessionStore::AppendResult> SessionStore::insertMessage(QSqlQuery &insert, Message &m, qint64 t)
{
    if (!m.platformMessageId.isEmpty() && m.platformChat.isEmpty()) {
        m_error = tr("A platform message needs the chat it came from.");
        return std::nullopt;
    }
    if (m.createdAt == 0)
        m.createdAt = t;
    const QVariantList values = { m.sessionId, messageRoleName(m.role), requiredText(m.content),
        nullableText(QString::fromUtf8(m.toolCalls)), nullableText(m.toolCallId), requiredText(m.platform),
        nullableText(m.platformMessageId), nullableText(m.platformChat), nullableText(m.platformThread),
        m.internal ? 1 : 0, messageStatusName(m.status), m.createdAt, m.sessionId };
    for (int i = 0; i < values.size(); ++i)
        insert.bindValue(i, values.at(i));
    if (!insert.exec()) {
        setError(tr("storing a message"), sqlMessage(insert.lastError()));
        return std::nullopt;
    }
    if (insert.next()) {
        m.id = insert.value(0).toLongLong();
        insert.finish();
        return AppendResult { m.id, true };
    }
    QSqlQuery existing(m_db.connection());
    existing.prepare(u"SELECT id FROM messages WHERE platform = ? AND platform_chat = ? AND platform_message_id = ?"_s);
    existing.addBindValue(m.platform);
    existing.addBindValue(m.platformChat);
    existing.addBindValue(m.platformMessageId);
    if (!existing.exec() || !existing.next()) {
        setError(tr("storing a message"), sqlMessage(existing.lastError()));
        return std::nullopt;
    }
    m.id = existing.value(0).toLongLong();
    return AppendResult { m.id, false };
}

bool SessionStore::indexForSearch(qint64 firstId, qint64 lastId)
{
    // PostgreSQL's expression index follows the rows itself (migration 4).
    if (m_db.dialect() == SqlDialect::Postgres)
        return true;
    // Every row in the range was inserted by this write transaction, which holds the write lock.
    QSqlQuery index(m_db.connection());
    index.prepare(
        u"INSERT INTO messages_fts (rowid, content) SELECT id, content FROM messages WHERE id BETWEEN ? AND ?"_s);
    index.addBindValue(firstId);
    index.addBindValue(lastId);
    if (!index.exec())
        return setError(tr("indexing messages for search"), sqlMessage(index.lastError()));
    return true;
}

bool SessionStore::touchSession(const QString &sessionId, qint64 t)
{
    QSqlQuery touch(m_db.connection());
    // New activity reopens an ended session.
    touch.prepare(
        u"UPDATE sessions SET updated_at = %1(updated_at, ?), ended_at = NULL, ended_reason = NULL WHERE id = ?"_s.arg(
            m_db.dialect() == SqlDialect::Postgres ? "GREATEST"_L1 : "max"_L1));
    touch.addBindValue(t);
    touch.addBindValue(sessionId);
    if (!touch.exec())
        return setError(tr("storing a message"), sqlMessage(touch.lastError()));
    return true;
}

std::optional<SessionStore::AppendResult> SessionStore::appendMessage(const Message &message)
{
    Message m = message;
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive()) {
        setError(tr("storing a message"), sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    const qint64 t = now();
    QSqlQuery insert = prepareInsert();
    const auto result = insertMessage(insert, m, t);
    if (!result || (result->inserted && (!indexForSearch(m.id, m.id) || !touchSession(m.sessionId, t))))
        return std::nullopt;
    if (!tx.commit()) {
        setError(tr("storing a message"), sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    if (result->inserted) {
        Q_EMIT messageAppended(m.sessionId, m.id);
        Q_EMIT sessionUpdated(m.sessionId);
    }
    return result;
}

bool SessionStore::appendMessages(QList<Message> &messages, QList<bool> *inserted)
{
    if (inserted)
        inserted->clear();
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return setError(tr("storing messages"), sqlMessage(tx.lastError()));
    const qint64 t = now();
    QSqlQuery insert = prepareInsert();
    QList<Message *> added;
    QStringList touched;
    for (Message &m : messages) {
        const auto result = insertMessage(insert, m, t);
        if (!result)
            return false;
        if (inserted)
            inserted->append(result->inserted);
        if (!result->inserted)
            continue;
        added << &m;
        if (!touched.contains(m.sessionId))
            touched << m.sessionId;
    }
    if (!added.isEmpty() && !indexForSearch(added.first()->id, added.last()->id))
        return false;
    for (const QString &id : std::as_const(touched)) {
        if (!touchSession(id, t))
            return false;
    }
    if (!tx.commit())
        return setError(tr("storing messages"), sqlMessage(tx.lastError()));
    for (const Message *m : std::as_const(added))
        Q_EMIT messageAppended(m->sessionId, m->id);
    for (const QString &id : std::as_const(touched))
        Q_EMIT sessionUpdated(id);
    return true;
}

bool SessionStore::updateMessage(
    qint64 messageId, const QString &content, MessageStatus status, const QByteArray &toolCalls)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE messages SET content = ?, status = ?, tool_calls = ? WHERE id = ? RETURNING session_id"_s);
    q.addBindValue(requiredText(content));
    q.addBindValue(messageStatusName(status));
    q.addBindValue(nullableText(QString::fromUtf8(toolCalls)));
    q.addBindValue(messageId);
    if (!q.exec())
        return setError(tr("updating a message"), sqlMessage(q.lastError()));
    if (!q.next()) {
        m_error = tr("No message with id %1.").arg(messageId);
        return false;
    }
    const QString sessionId = q.value(0).toString();
    q.finish();
    Q_EMIT messageUpdated(sessionId, messageId);
    return true;
}

std::optional<Message> SessionStore::message(qint64 messageId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT %1 FROM messages WHERE id = ?"_s.arg(MessageRow::columns()));
    q.addBindValue(messageId);
    if (!q.exec()) {
        setError(tr("reading a message"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next()) {
        m_error = tr("No message with id %1.").arg(messageId);
        return std::nullopt;
    }
    return MessageRow::fromQuery(q);
}

QList<Message> SessionStore::transcript(const QString &sessionId, bool includeInternal)
{
    m_error.clear();
    QString error;
    std::optional<QList<Message>> messages
        = TranscriptReader::read(m_db.connection(), sessionId, includeInternal, &error);
    if (!messages) {
        setError(tr("reading a transcript"), error);
        return {};
    }
    return *std::move(messages);
}

QList<SearchHit> SessionStore::search(const QString &text, int limit)
{
    m_error.clear();
    QList<SearchHit> hits;
    const bool postgres = m_db.dialect() == SqlDialect::Postgres;
    const QString match = postgres ? tsQuery(text) : ftsQuery(text);
    if (match.isEmpty())
        return hits;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (postgres) {
        // The same two snippets from ts_headline, over the expression index of migration 4.
        q.prepare(u"SELECT m.session_id, s.title, m.id, m.role, "
                  "ts_headline('simple', m.content, query, 'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) "
                  "|| ', MaxWords=12, MinWords=4'), "
                  "ts_headline('simple', m.content, query, 'StartSel=\"\", StopSel=\"\", MaxWords=12, MinWords=4') "
                  "FROM to_tsquery('simple', ?) query, messages m JOIN sessions s ON s.id = m.session_id "
                  "WHERE to_tsvector('simple', m.content) @@ query AND m.internal = 0 AND m.off_branch = 0 "
                  "ORDER BY ts_rank(to_tsvector('simple', m.content), query) DESC, m.id DESC LIMIT ?"_s);
    } else {
        q.prepare(
            u"SELECT m.session_id, s.title, m.id, m.role, "
            "snippet(messages_fts, 0, char(57344), char(57345), '…', 12), snippet(messages_fts, 0, '', '', '…', 12) "
            "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid JOIN sessions s ON s.id = m.session_id "
            "WHERE messages_fts MATCH ? AND m.internal = 0 AND m.off_branch = 0 ORDER BY rank, m.id DESC LIMIT ?"_s);
    }
    q.addBindValue(match);
    q.addBindValue(rowLimit(limit));
    if (!q.exec()) {
        setError(tr("searching messages"), sqlMessage(q.lastError()));
        return hits;
    }
    while (q.next()) {
        SearchHit hit;
        hit.sessionId = q.value(0).toString();
        hit.sessionTitle = q.value(1).toString();
        hit.messageId = q.value(2).toLongLong();
        hit.role = messageRoleFromName(q.value(3).toString()).value_or(MessageRole::User);
        // The same snippet with the matches marked and without: a marker is what the plain one lacks,
        // so a message that holds the marker characters itself cannot fake a match.
        const QString marked = q.value(4).toString();
        hit.snippet = q.value(5).toString();
        qsizetype plain = 0;
        for (const QChar c : marked) {
            if (plain < hit.snippet.size() && hit.snippet.at(plain) == c)
                ++plain;
            else if (c == QChar(0xE000))
                hit.matches.append({ plain, 0 });
            else if (c == QChar(0xE001) && !hit.matches.isEmpty())
                hit.matches.last().second = plain - hit.matches.last().first;
        }
        hits.append(hit);
    }
    return hits;
}
