// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class Database;

/**
 * @brief One leader per platform connection among the gateways on one store: a row per platform
 * naming its holder and how long the holder's lease runs.
 *
 * Every change is a compare-and-swap inside a WriteTransaction, so of two gateways reaching for a
 * free or expired row exactly one gets it. Times are epoch milliseconds from the caller's clock,
 * as every lease in the store is: machines that share a store keep their clocks in sync (NTP).
 */
class PlatformLeases : public QObject
{
    Q_OBJECT

public:
    explicit PlatformLeases(Database &database, QObject *parent = nullptr);

    struct Lease
    {
        QString platform;
        QString holder; // a ProcessIdentity
        QString host;
        qint64 pid = 0;
        qint64 acquiredAt = 0;
        qint64 leaseUntil = 0;
    };

    struct Attempt
    {
        bool held = false; // the lease is ours now
        QString previousHolder; // whose expired lease we took; empty when it was free or ours
        Lease lease; // the row as it stands after the attempt
    };
    /// Takes @p platform for @p holder when nobody holds it, its lease ended before @p nowMs, or it
    /// is already @p holder's; the lease then runs until @p nowMs + @p leaseMs. nullopt on a store error.
    [[nodiscard]] std::optional<Attempt> acquire(
        const QString &platform, const QString &holder, const QString &host, qint64 pid, qint64 nowMs, qint64 leaseMs);
    /// Extends @p holder's lease to @p nowMs + @p leaseMs: true while it is still @p holder's, false
    /// once another took it; nullopt on a store error (the caller counts down to the lease's end).
    [[nodiscard]] std::optional<bool> renew(
        const QString &platform, const QString &holder, qint64 nowMs, qint64 leaseMs);
    /// Gives @p platform up, so that a standby takes it at once rather than when the lease ends.
    bool release(const QString &platform, const QString &holder);
    /// Every row, by platform; nullopt on a store error.
    [[nodiscard]] std::optional<QList<Lease>> all();

    [[nodiscard]] QString errorString() const { return m_error; }

private:
    bool setError(const QString &action, const QString &sqlMessage);

    Database &m_db;
    QString m_error;
};
