// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffstore.h"

#include "config/secretscrubber.h"

#include "database.h"
#include "sqlerror.h"

#include <QDateTime>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

const QString HandoffStore::reclaimedError = u"gateway stopped mid-handoff; run /handoff again"_s;

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

HandoffStore::HandoffStore(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool HandoffStore::setError(const QString &action, const QString &sqliteMessage)
{
    m_error = m_db.describeError(action, sqliteMessage);
    return false;
}

HandoffStore::RequestResult HandoffStore::requestHandoff(
    const QString &sessionId, const QString &platform, const QString &from)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET handoff_state = 'pending', handoff_platform = ?, handoff_from = ?, "
              "handoff_error = NULL, "
              "handoff_requested_at = ?, handoff_claimed_by = NULL, handoff_claimed_at = NULL, "
              "handoff_lease_until = NULL, handoff_finished_at = NULL, handoff_destination = NULL "
              "WHERE id = ? AND turn_state IS NULL "
              "AND (handoff_state IS NULL OR handoff_state IN ('completed', 'failed'))"_s);
    q.addBindValue(platform);
    q.addBindValue(from.isEmpty() ? QVariant() : QVariant(from));
    q.addBindValue(now());
    q.addBindValue(sessionId);
    if (!q.exec()) {
        setError(tr("requesting a handoff"), sqlMessage(q.lastError()));
        return RequestResult::StoreError;
    }
    if (q.numRowsAffected() == 1) {
        m_error.clear();
        Q_EMIT handoffChanged(sessionId, HandoffState::Pending);
        return RequestResult::Requested;
    }

    // Refused: read why, only to explain it; the UPDATE above already decided.
    QSqlQuery why(m_db.connection());
    why.prepare(u"SELECT turn_state, handoff_state FROM sessions WHERE id = ?"_s);
    why.addBindValue(sessionId);
    if (!why.exec()) {
        setError(tr("requesting a handoff"), sqlMessage(why.lastError()));
        return RequestResult::StoreError;
    }
    if (!why.next()) {
        m_error = tr("No session with id %1.").arg(sessionId);
        return RequestResult::UnknownSession;
    }
    if (!why.value(0).isNull()) {
        m_error = tr("A reply is still being written; hand off when it has finished.");
        return RequestResult::TurnRunning;
    }
    m_error = tr("A handoff of this session is already %1.").arg(why.value(1).toString());
    return RequestResult::AlreadyInFlight;
}

bool HandoffStore::claimHandoff(const QString &sessionId, const QString &gatewayId, int leaseMs)
{
    const qint64 t = now();
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET handoff_state = 'running', handoff_claimed_by = ?, handoff_claimed_at = ?, "
              "handoff_lease_until = ? WHERE id = ? AND handoff_state = 'pending'"_s);
    q.addBindValue(gatewayId);
    q.addBindValue(t);
    q.addBindValue(t + leaseMs);
    q.addBindValue(sessionId);
    if (!q.exec())
        return setError(tr("claiming a handoff"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() != 1)
        return false;
    Q_EMIT handoffChanged(sessionId, HandoffState::Running);
    return true;
}

bool HandoffStore::refreshLease(const QString &sessionId, const QString &gatewayId, int leaseMs)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET handoff_lease_until = ? "
              "WHERE id = ? AND handoff_state = 'running' AND handoff_claimed_by = ?"_s);
    q.addBindValue(now() + leaseMs);
    q.addBindValue(sessionId);
    q.addBindValue(gatewayId);
    if (!q.exec())
        return setError(tr("refreshing a handoff lease"), sqlMessage(q.lastError()));
    return q.numRowsAffected() == 1;
}

bool HandoffStore::completeHandoff(const QString &sessionId, const QString &gatewayId, const QString &destination)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET handoff_state = 'completed', handoff_error = NULL, handoff_destination = ?, "
              "handoff_finished_at = ?, handoff_lease_until = NULL "
              "WHERE id = ? AND handoff_state = 'running' AND handoff_claimed_by = ?"_s);
    q.addBindValue(destination);
    q.addBindValue(now());
    q.addBindValue(sessionId);
    q.addBindValue(gatewayId);
    if (!q.exec())
        return setError(tr("completing a handoff"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() != 1)
        return false;
    Q_EMIT handoffChanged(sessionId, HandoffState::Completed);
    return true;
}

bool HandoffStore::failHandoff(const QString &sessionId, const QString &error, const QList<HandoffState> &onlyStates)
{
    const QList<HandoffState> from
        = onlyStates.isEmpty() ? QList<HandoffState> { HandoffState::Pending, HandoffState::Running } : onlyStates;
    QStringList placeholders;
    for (qsizetype i = 0; i < from.size(); ++i)
        placeholders << u"?"_s;

    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET handoff_state = 'failed', handoff_error = ?, handoff_finished_at = ?, "
              "handoff_lease_until = NULL WHERE id = ? AND handoff_state IN (%1)"_s.arg(placeholders.join(u", ")));
    q.addBindValue(SecretScrubber::scrub(error).left(maxErrorLength));
    q.addBindValue(now());
    q.addBindValue(sessionId);
    for (HandoffState s : from)
        q.addBindValue(handoffStateName(s));
    if (!q.exec())
        return setError(tr("failing a handoff"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() != 1)
        return false;
    Q_EMIT handoffChanged(sessionId, HandoffState::Failed);
    return true;
}

bool HandoffStore::failOwnedHandoff(const QString &sessionId, const QString &gatewayId, const QString &error)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE sessions SET handoff_state = 'failed', handoff_error = ?, handoff_finished_at = ?, "
              "handoff_lease_until = NULL WHERE id = ? AND handoff_state = 'running' AND handoff_claimed_by = ?"_s);
    q.addBindValue(SecretScrubber::scrub(error).left(maxErrorLength));
    q.addBindValue(now());
    q.addBindValue(sessionId);
    q.addBindValue(gatewayId);
    if (!q.exec())
        return setError(tr("failing a handoff"), sqlMessage(q.lastError()));
    if (q.numRowsAffected() != 1)
        return false;
    Q_EMIT handoffChanged(sessionId, HandoffState::Failed);
    return true;
}

std::optional<HandoffStatus> HandoffStore::handoffState(const QString &sessionId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT %1 FROM sessions WHERE id = ?"_s.arg(HandoffStatus::columns()));
    q.addBindValue(sessionId);
    if (!q.exec()) {
        setError(tr("reading a handoff"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return HandoffStatus::fromQuery(q, 0);
}

QList<HandoffStore::PendingHandoff> HandoffStore::listPendingHandoffs()
{
    m_error.clear();
    QList<PendingHandoff> pending;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, handoff_platform, handoff_requested_at FROM sessions "
                "WHERE handoff_state = 'pending' ORDER BY handoff_requested_at, rowid"_s)) {
        setError(tr("listing pending handoffs"), sqlMessage(q.lastError()));
        return pending;
    }
    while (q.next())
        pending.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong() });
    return pending;
}

QStringList HandoffStore::reclaimExpired(qint64 nowMs, const QStringList &deadClaimers)
{
    m_error.clear();
    QStringList ids;
    QSqlQuery q(m_db.connection());
    QStringList placeholders(deadClaimers.size(), u"?"_s);
    q.prepare(u"UPDATE sessions SET handoff_state = 'failed', handoff_error = ?, handoff_finished_at = ?, "
              "handoff_lease_until = NULL WHERE handoff_state = 'running' "
              "AND (handoff_lease_until IS NULL OR handoff_lease_until < ? OR handoff_claimed_by IN (%1)) "
              "RETURNING id"_s.arg(placeholders.isEmpty() ? u"NULL"_s : placeholders.join(u", "_s)));
    q.addBindValue(reclaimedError);
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    for (const QString &claimer : deadClaimers)
        q.addBindValue(claimer);
    if (!q.exec()) {
        setError(tr("reclaiming stranded handoffs"), sqlMessage(q.lastError()));
        return ids;
    }
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    for (const QString &id : std::as_const(ids))
        Q_EMIT handoffChanged(id, HandoffState::Failed);
    return ids;
}

QStringList HandoffStore::runningClaimers()
{
    m_error.clear();
    QStringList claimers;
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT DISTINCT handoff_claimed_by FROM sessions WHERE handoff_state = 'running' "
                "AND handoff_claimed_by IS NOT NULL"_s)) {
        setError(tr("reading handoff claimers"), sqlMessage(q.lastError()));
        return claimers;
    }
    while (q.next())
        claimers << q.value(0).toString();
    return claimers;
}

QString HandoffStore::requestedFrom(const QString &sessionId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT handoff_from FROM sessions WHERE id = ?"_s);
    q.addBindValue(sessionId);
    if (!q.exec()) {
        setError(tr("reading where a handoff was asked from"), sqlMessage(q.lastError()));
        return {};
    }
    return q.next() ? q.value(0).toString() : QString();
}
