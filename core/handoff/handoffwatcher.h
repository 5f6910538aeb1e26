// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"

#include "store/handoffstore.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class Database;
class HandoffExecutor;
class LocalListener;
class StoreWatcher;

/**
 * @brief The gateway's side of the handoff state machine: finds pending handoffs, claims them and
 * has an executor carry them out.
 *
 * Wakes on a requester's local-socket poke (so a handoff starts within milliseconds) and on a
 * timer as a fallback. On PostgreSQL a requester may be on another machine, where no poke
 * reaches: there the store's change announcements (StoreWatcher) wake it as a poke does.
 * Each claim carries a lease that is refreshed while the work goes on; at start, running rows
 * whose lease expired, or whose gateway process on this machine is gone, are failed, never live
 * ones. It opens its own connection to the store, so it can run on a thread of its own and store
 * work never stalls the connections the platform adapters keep alive.
 */
class HandoffWatcher : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int pollMs = 2'000;
        int leaseMs = 60'000;
        int leaseRefreshMs = 15'000;
        /// How long a requester waits for the claim; an older request has nobody waiting and is failed.
        int claimWaitMs = 60'000;
    };

    /// @p executor may live on another thread; it is reached through queued calls.
    HandoffWatcher(const AppPaths &paths, const QString &gatewayId, HandoffExecutor *executor, const Options &options,
        QObject *parent = nullptr);
    ~HandoffWatcher() override;

    [[nodiscard]] QString gatewayId() const { return m_gatewayId; }
    [[nodiscard]] QString errorString() const { return m_error; }

public Q_SLOTS:
    /// Opens the store, reclaims stranded rows, listens for pokes and polls. started(ok) follows.
    void start();
    void stop();
    /// After stop(): listens and polls again on the same connection.
    void resume();
    /// Looks for pending rows now (the poke and the timer end up here).
    void poll();
    /// Claims only handoffs to @p platforms from now on: those this gateway leads among several on
    /// one store (PlatformLeadership). Until called, every platform's.
    void setLedPlatforms(const QStringList &platforms);

Q_SIGNALS:
    void started(bool ok, const QString &error);
    void reclaimed(const QStringList &sessionIds);
    void handoffClaimed(const QString &sessionId, const QString &platform);
    void handoffFinished(const QString &sessionId, bool completed, const QString &destinationOrError);
    /// A row this gateway was working on was taken from it (its lease ran out).
    void handoffLost(const QString &sessionId);
    /// A requester poked, or on PostgreSQL another connection committed a change: a handoff, or a
    /// message queued in the outbox by another connection.
    void poked();

private:
    void onExecuted(const QString &sessionId, const QString &destination, const QString &error);
    void refreshLeases();
    void listenForPokes();
    void watchStore();
    void wake();
    void failAbandoned(const HandoffStore::PendingHandoff &row, qint64 now);

    QString m_dataDir;
    QString m_storeLocation;
    QString m_gatewayId;
    HandoffExecutor *m_executor;
    Options m_options;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HandoffStore> m_store;
    LocalListener *m_pokeServer = nullptr;
    StoreWatcher *m_storeWatcher = nullptr; // PostgreSQL only
    // Children, so that moveToThread() takes them along.
    QTimer *m_pollTimer;
    QTimer *m_leaseTimer;
    QTimer *m_wakeTimer; // one wake-up for a burst of announcements
    QSet<QString> m_inFlight;
    QSet<QString> m_orphaned; // lease lost, executor still at work: never claimed again until it reports
    QSet<QString> m_led; // with m_onlyLed: the platforms whose handoffs this gateway claims
    bool m_onlyLed = false;
    QString m_error;
};
