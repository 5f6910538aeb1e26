// SPDX-License-Identifier: GPL-3.0-or-later
// SessionStore: a chat's own system prompt (migration 14).
#include "sessionstore.h"

#include "database.h"
#include "sqlerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

std::optional<QString> SessionStore::systemPrompt(const QString &id)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT system_prompt FROM sessions WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        setError(tr("reading a chat's system prompt"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next()) {
        m_error = tr("No session with id %1.").arg(id);
        return std::nullopt;
    }
    if (q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toString();
}

bool SessionStore::setSystemPrompt(const QString &id, const std::optional<QString> &prompt)
{
    QSqlQuery q(m_db.connection());
    // Not a change of the conversation: updated_at (the sidebar's order) stays.
    q.prepare(u"UPDATE sessions SET system_prompt = ? WHERE id = ?"_s);
    // An empty prompt is stored as '' (the chat sends none), never as NULL (the default).
    q.addBindValue(prompt ? QVariant(prompt->isNull() ? u""_s : *prompt) : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(id);
    if (!q.exec())
        return setError(tr("saving a chat's system prompt"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() != 1) {
        m_error = tr("No session with id %1.").arg(id);
        return false;
    }
    Q_EMIT sessionUpdated(id);
    return true;
}
