// SPDX-License-Identifier: GPL-3.0-or-later
// SessionStore: variants of a transcript. Regenerate and edit-and-resend keep what they replace as
// an earlier variant; the rows of the branch shown are the conversation's history (docs/variants.md).
#include "sessionstore.h"

#include "database.h"
#include "sqlerror.h"
#include "writetransaction.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
/// The parent of @p messageId in @p sessionId and whether it is shown; nullopt when no such message.
struct Placed
{
    QString sessionId;
    QVariant parent;
    bool shown = false;
    QString status;
};

std::optional<Placed> place(QSqlDatabase &db, qint64 messageId, QString *error)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT session_id, parent_id, off_branch, status FROM messages WHERE id = ?"_s);
    q.addBindValue(messageId);
    if (!q.exec()) {
        *error = sqlMessage(q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Placed { q.value(0).toString(), q.value(1), q.value(2).toInt() == 0, q.value(3).toString() };
}
} // namespace

QHash<qint64, SessionStore::VariantPosition> SessionStore::variants(const QString &sessionId)
{
    m_error.clear();
    QHash<qint64, VariantPosition> positions;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // Messages whose parent has more than one child, in order: each such parent is one choice.
    q.prepare(u"SELECT id, coalesce(parent_id, 0), off_branch FROM messages WHERE session_id = ? "
              "AND coalesce(parent_id, 0) IN (SELECT coalesce(parent_id, 0) FROM messages WHERE session_id = ? "
              "GROUP BY coalesce(parent_id, 0) HAVING count(*) > 1) ORDER BY id"_s);
    q.addBindValue(sessionId);
    q.addBindValue(sessionId);
    if (!q.exec()) {
        setError(tr("reading a message's variants"), sqlMessage(q.lastError()));
        return positions;
    }
    QHash<qint64, QList<qint64>> siblings;
    QList<qint64> shown;
    while (q.next()) {
        siblings[q.value(1).toLongLong()].append(q.value(0).toLongLong());
        if (q.value(2).toInt() == 0)
            shown.append(q.value(0).toLongLong());
    }
    for (auto it = siblings.cbegin(); it != siblings.cend(); ++it) {
        const QList<qint64> &ids = it.value();
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (!shown.contains(ids.at(i)))
                continue;
            positions.insert(ids.at(i),
                { int(i) + 1, int(ids.size()), i > 0 ? ids.at(i - 1) : 0, i + 1 < ids.size() ? ids.at(i + 1) : 0 });
        }
    }
    return positions;
}

bool SessionStore::markBranch(const QString &sessionId)
{
    // The shown branch: from the chosen root, the chosen child of each message down to the end.
    QSqlQuery q(m_db.connection());
    q.prepare(u"WITH RECURSIVE branch(id) AS ("
              "SELECT id FROM messages WHERE session_id = ? AND parent_id IS NULL AND chosen = 1 "
              "UNION ALL SELECT m.id FROM messages m JOIN branch b ON m.parent_id = b.id "
              "WHERE m.session_id = ? AND m.chosen = 1) "
              "UPDATE messages SET off_branch = CASE WHEN id IN (SELECT id FROM branch) THEN 0 ELSE 1 END "
              "WHERE session_id = ? AND off_branch != CASE WHEN id IN (SELECT id FROM branch) THEN 0 ELSE 1 END"_s);
    q.addBindValue(sessionId);
    q.addBindValue(sessionId);
    q.addBindValue(sessionId);
    if (!q.exec())
        return setError(tr("choosing a variant"), sqlMessage(q.lastError()));
    return true;
}

bool SessionStore::beginVariant(const QString &sessionId, qint64 messageId)
{
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return setError(tr("keeping a variant"), sqlMessage(tx.lastError()));
    QString error;
    const auto placed = place(m_db.connection(), messageId, &error);
    if (!error.isEmpty())
        return setError(tr("keeping a variant"), error);
    if (!placed || placed->sessionId != sessionId || !placed->shown) {
        m_error = tr("That message is not in the conversation shown; choose it again.");
        return false;
    }
    // It stops being the chosen child of its parent, and it and everything after it leave the
    // branch shown: the branch is in id order, so they are exactly its rows from this one on.
    QSqlQuery unchoose(m_db.connection());
    unchoose.prepare(u"UPDATE messages SET chosen = 0 WHERE id = ?"_s);
    unchoose.addBindValue(messageId);
    QSqlQuery hide(m_db.connection());
    hide.prepare(u"UPDATE messages SET off_branch = 1 WHERE session_id = ? AND off_branch = 0 AND id >= ?"_s);
    hide.addBindValue(sessionId);
    hide.addBindValue(messageId);
    if (!unchoose.exec())
        return setError(tr("keeping a variant"), sqlMessage(unchoose.lastError()));
    if (!hide.exec())
        return setError(tr("keeping a variant"), sqlMessage(hide.lastError()));
    if (!tx.commit())
        return setError(tr("keeping a variant"), sqlMessage(tx.lastError()));
    Q_EMIT branchChanged(sessionId);
    Q_EMIT sessionUpdated(sessionId);
    return true;
}

bool SessionStore::chooseVariant(qint64 messageId)
{
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return setError(tr("choosing a variant"), sqlMessage(tx.lastError()));
    QString error;
    const auto placed = place(m_db.connection(), messageId, &error);
    if (!error.isEmpty())
        return setError(tr("choosing a variant"), error);
    if (!placed) {
        m_error = tr("No message with id %1.").arg(messageId);
        return false;
    }
    QSqlQuery running(m_db.connection());
    running.prepare(u"SELECT 1 FROM sessions WHERE id = ? AND turn_state = 'running'"_s);
    running.addBindValue(placed->sessionId);
    if (!running.exec())
        return setError(tr("choosing a variant"), sqlMessage(running.lastError()));
    if (running.next()) {
        m_error = tr("A reply is being written in this conversation; choose a variant when it is finished.");
        return false;
    }
    running.finish();
    QSqlQuery choose(m_db.connection());
    choose.prepare(
        u"UPDATE messages SET chosen = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE session_id = ? AND parent_id IS NOT DISTINCT FROM ?"_s);
    choose.addBindValue(messageId);
    choose.addBindValue(placed->sessionId);
    choose.addBindValue(placed->parent.isNull() ? QVariant(QMetaType::fromType<qlonglong>()) : placed->parent);
    if (!choose.exec())
        return setError(tr("choosing a variant"), sqlMessage(choose.lastError()));
    if (!markBranch(placed->sessionId))
        return false;
    if (!tx.commit())
        return setError(tr("choosing a variant"), sqlMessage(tx.lastError()));
    Q_EMIT branchChanged(placed->sessionId);
    Q_EMIT sessionUpdated(placed->sessionId);
    return true;
}

bool SessionStore::removeFailedReply(const QString &sessionId, qint64 messageId)
{
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive())
        return setError(tr("removing a failed reply"), sqlMessage(tx.lastError()));
    QString error;
    const auto placed = place(m_db.connection(), messageId, &error);
    if (!error.isEmpty())
        return setError(tr("removing a failed reply"), error);
    if (!placed || placed->sessionId != sessionId || !placed->shown || placed->status != "error"_L1) {
        m_error = tr("Only a failed reply is tried again in its place.");
        return false;
    }
    QSqlQuery later(m_db.connection());
    later.prepare(u"SELECT 1 FROM messages WHERE session_id = ? AND off_branch = 0 AND id > ?"_s);
    later.addBindValue(sessionId);
    later.addBindValue(messageId);
    if (!later.exec())
        return setError(tr("removing a failed reply"), sqlMessage(later.lastError()));
    if (later.next()) {
        m_error = tr("Only the last reply is tried again in its place; regenerate keeps the others.");
        return false;
    }
    later.finish();
    // Variants left below it (none, as a rule) move up to its parent, so none is lost.
    QSqlQuery adopt(m_db.connection());
    adopt.prepare(u"UPDATE messages SET parent_id = ?, chosen = 0 WHERE session_id = ? AND parent_id = ?"_s);
    adopt.addBindValue(placed->parent.isNull() ? QVariant(QMetaType::fromType<qlonglong>()) : placed->parent);
    adopt.addBindValue(sessionId);
    adopt.addBindValue(messageId);
    QSqlQuery remove(m_db.connection());
    remove.prepare(u"DELETE FROM messages WHERE id = ?"_s);
    remove.addBindValue(messageId);
    if (!adopt.exec())
        return setError(tr("removing a failed reply"), sqlMessage(adopt.lastError()));
    if (!remove.exec())
        return setError(tr("removing a failed reply"), sqlMessage(remove.lastError()));
    if (!tx.commit())
        return setError(tr("removing a failed reply"), sqlMessage(tx.lastError()));
    Q_EMIT branchChanged(sessionId);
    Q_EMIT sessionUpdated(sessionId);
    return true;
}
