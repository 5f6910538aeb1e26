// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "handoffstatus.h"

#include <QList>
#include <QObject>

class Database;

/**
 * @brief The handoff state machine on the sessions table: NULL -> pending -> running -> completed | failed.
 *
 * Every transition is one compare-and-swap UPDATE, so any number of threads and processes sharing
 * state.db can race on it and exactly one wins. A claim records the claimer and a lease that the
 * claimer refreshes while it works; only rows whose lease ran out may be reclaimed by others.
 */
class HandoffStore : public QObject
{
    Q_OBJECT

public:
    explicit HandoffStore(Database &database, QObject *parent = nullptr);

    enum class RequestResult { Requested, UnknownSession, TurnRunning, AlreadyInFlight, StoreError };
    struct PendingHandoff
    {
        QString sessionId;
        QString platform;
        qint64 requestedAt = 0;
    };

    static constexpr int maxErrorLength = 500;
    static const QString reclaimedError;

    /// NULL/completed/failed -> pending; refused while a turn runs or a handoff is in flight.
    /// @p from names where it was asked ("desktop", "cli"); empty: where the session began.
    [[nodiscard]] RequestResult requestHandoff(
        const QString &sessionId, const QString &platform, const QString &from = {});
    /// Where the last handoff of @p sessionId was asked from; empty when nobody said.
    [[nodiscard]] QString requestedFrom(const QString &sessionId);
    /// pending -> running; true for exactly one claimer.
    [[nodiscard]] bool claimHandoff(const QString &sessionId, const QString &gatewayId, int leaseMs);
    /// Extends the lease of a row this gateway still owns; false if it lost it.
    [[nodiscard]] bool refreshLease(const QString &sessionId, const QString &gatewayId, int leaseMs);
    /// running (owned by @p gatewayId) -> completed, recording where the session now lives.
    [[nodiscard]] bool completeHandoff(const QString &sessionId, const QString &gatewayId, const QString &destination);
    /// @p onlyStates -> failed; empty means pending or running. Waiters pass {Pending} only.
    [[nodiscard]] bool failHandoff(
        const QString &sessionId, const QString &error, const QList<HandoffState> &onlyStates = {});
    /// running (owned by @p gatewayId) -> failed: a gateway failing its own work, never another's.
    [[nodiscard]] bool failOwnedHandoff(const QString &sessionId, const QString &gatewayId, const QString &error);
    /// The row's handoff columns, or nullopt for an unknown session (not an error).
    [[nodiscard]] std::optional<HandoffStatus> handoffState(const QString &sessionId);
    /// Pending rows, oldest request first.
    [[nodiscard]] QList<PendingHandoff> listPendingHandoffs();
    /// Fails running rows whose lease ended before @p nowMs, or whose claimer is one of
    /// @p deadClaimers (a gateway known to have stopped); returns their session ids.
    [[nodiscard]] QStringList reclaimExpired(qint64 nowMs, const QStringList &deadClaimers = {});
    /// The gateway ids holding running rows.
    [[nodiscard]] QStringList runningClaimers();

    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    void handoffChanged(const QString &sessionId, HandoffState state);

private:
    bool setError(const QString &action, const QString &sqliteMessage);

    Database &m_db;
    QString m_error;
};
