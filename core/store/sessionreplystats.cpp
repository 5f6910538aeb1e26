// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"
#include "sessionstore.h"
#include "sqlerror.h"
#include "sqlvalues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
ReplyStats statsFrom(const QSqlQuery &q)
{
    ReplyStats stats;
    stats.reasoning = q.value(1).toString();
    stats.promptTokens = q.value(2).toInt();
    stats.completionTokens = q.value(3).toInt();
    stats.estimated = q.value(4).toBool();
    stats.tokensPerSecond = q.value(5).toDouble();
    return stats;
}
} // namespace

bool SessionStore::setReplyStats(qint64 messageId, const ReplyStats &stats)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO reply_stats (message_id, reasoning, prompt_tokens, completion_tokens, estimated, "
              "tokens_per_second) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO UPDATE SET "
              "reasoning = excluded.reasoning, prompt_tokens = excluded.prompt_tokens, "
              "completion_tokens = excluded.completion_tokens, estimated = excluded.estimated, "
              "tokens_per_second = excluded.tokens_per_second"_s);
    q.addBindValue(messageId);
    q.addBindValue(requiredText(stats.reasoning));
    q.addBindValue(stats.promptTokens);
    q.addBindValue(stats.completionTokens);
    q.addBindValue(stats.estimated ? 1 : 0);
    q.addBindValue(stats.tokensPerSecond);
    if (!q.exec())
        return setError(tr("saving a reply's token counts"), sqlMessage(q.lastError()));
    return true;
}

std::optional<ReplyStats> SessionStore::replyStats(qint64 messageId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT message_id, reasoning, prompt_tokens, completion_tokens, estimated, tokens_per_second "
              "FROM reply_stats WHERE message_id = ?"_s);
    q.addBindValue(messageId);
    if (!q.exec()) {
        setError(tr("reading a reply's token counts"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return statsFrom(q);
}

QHash<qint64, ReplyStats> SessionStore::replyStatsOf(const QString &sessionId)
{
    QHash<qint64, ReplyStats> all;
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT r.message_id, r.reasoning, r.prompt_tokens, r.completion_tokens, r.estimated, "
              "r.tokens_per_second FROM reply_stats r JOIN messages m ON m.id = r.message_id "
              "WHERE m.session_id = ?"_s);
    q.addBindValue(sessionId);
    if (!q.exec()) {
        setError(tr("reading a session's token counts"), sqlMessage(q.lastError()));
        return all;
    }
    while (q.next())
        all.insert(q.value(0).toLongLong(), statsFrom(q));
    return all;
}
