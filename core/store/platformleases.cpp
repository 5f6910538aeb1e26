// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformleases.h"

#include "database.h"
#include "sqlerror.h"
#include "writetransaction.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace {
constexpr auto leaseColumns = "platform, holder, host, pid, acquired_at, lease_until";

PlatformLeases::Lease leaseFrom(const QSqlQuery &q)
{
    return { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
        q.value(4).toLongLong(), q.value(5).toLongLong() };
}
} // namespace

PlatformLeases::PlatformLeases(Database &database, QObject *parent)
    : QObject(parent)
    , m_db(database)
{ }

bool PlatformLeases::setError(const QString &action, const QString &sqlMessage)
{
    m_error = m_db.describeError(action, sqlMessage);
    return false;
}

std::optional<PlatformLeases::Attempt> PlatformLeases::acquire(
    const QString &platform, const QString &holder, const QString &host, qint64 pid, qint64 nowMs, qint64 leaseMs)
{
    m_error.clear();
    const QString action = tr("taking the lead of %1").arg(platform);
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive()) {
        setError(action, sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT %1 FROM platform_leases WHERE platform = ?"_s.arg(QLatin1StringView(leaseColumns)));
    q.addBindValue(platform);
    if (!q.exec()) {
        setError(action, sqlMessage(q.lastError()));
        return std::nullopt;
    }
    Attempt attempt;
    Lease mine { platform, holder, host, pid, nowMs, nowMs + leaseMs };
    QSqlQuery take(m_db.connection());
    if (!q.next()) {
        take.prepare(
            u"INSERT INTO platform_leases (%1) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform) DO NOTHING"_s.arg(
                QLatin1StringView(leaseColumns)));
        for (const QVariant &value : { QVariant(platform), QVariant(holder), QVariant(host), QVariant(pid),
                 QVariant(nowMs), QVariant(nowMs + leaseMs) })
            take.addBindValue(value);
    } else {
        attempt.lease = leaseFrom(q);
        q.finish();
        const bool ours = attempt.lease.holder == holder;
        if (!ours && attempt.lease.leaseUntil >= nowMs) {
            if (!tx.commit()) {
                setError(action, sqlMessage(tx.lastError()));
                return std::nullopt;
            }
            return attempt; // someone else leads
        }
        // Only the row as it was read may be taken: a renewal in between wins.
        take.prepare(u"UPDATE platform_leases SET holder = ?, host = ?, pid = ?, acquired_at = ?, lease_until = ? "
                     "WHERE platform = ? AND holder = ? AND lease_until = ?"_s);
        take.addBindValue(holder);
        take.addBindValue(host);
        take.addBindValue(pid);
        if (ours)
            mine.acquiredAt = attempt.lease.acquiredAt; // renewed late, never lost
        take.addBindValue(mine.acquiredAt);
        take.addBindValue(nowMs + leaseMs);
        take.addBindValue(platform);
        take.addBindValue(attempt.lease.holder);
        take.addBindValue(attempt.lease.leaseUntil);
        if (!ours)
            attempt.previousHolder = attempt.lease.holder;
    }
    if (!take.exec()) {
        setError(action, sqlMessage(take.lastError()));
        return std::nullopt;
    }
    attempt.held = take.numRowsAffected() == 1;
    if (attempt.held)
        attempt.lease = mine;
    else
        attempt.previousHolder.clear();
    if (!tx.commit()) {
        setError(action, sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    return attempt;
}

std::optional<bool> PlatformLeases::renew(const QString &platform, const QString &holder, qint64 nowMs, qint64 leaseMs)
{
    m_error.clear();
    const QString action = tr("renewing the lead of %1").arg(platform);
    WriteTransaction tx(m_db.connection());
    if (!tx.isActive()) {
        setError(action, sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE platform_leases SET lease_until = ? WHERE platform = ? AND holder = ?"_s);
    q.addBindValue(nowMs + leaseMs);
    q.addBindValue(platform);
    q.addBindValue(holder);
    if (!q.exec()) {
        setError(action, sqlMessage(q.lastError()));
        return std::nullopt;
    }
    const bool ours = q.numRowsAffected() == 1;
    if (!tx.commit()) {
        setError(action, sqlMessage(tx.lastError()));
        return std::nullopt;
    }
    return ours;
}

bool PlatformLeases::release(const QString &platform, const QString &holder)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM platform_leases WHERE platform = ? AND holder = ?"_s);
    q.addBindValue(platform);
    q.addBindValue(holder);
    if (!q.exec())
        return setError(tr("giving up the lead of %1").arg(platform), sqlMessage(q.lastError()));
    return true;
}

std::optional<QList<PlatformLeases::Lease>> PlatformLeases::all()
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    if (!q.exec(u"SELECT %1 FROM platform_leases ORDER BY platform"_s.arg(QLatin1StringView(leaseColumns)))) {
        setError(tr("reading who leads the platforms"), sqlMessage(q.lastError()));
        return std::nullopt;
    }
    QList<Lease> leases;
    while (q.next())
        leases << leaseFrom(q);
    return leases;
}
