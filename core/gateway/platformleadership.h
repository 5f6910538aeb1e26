// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

class PlatformLeases;

/**
 * @brief Which of the gateways on one store connects to each platform: this one while it holds
 * the platform's lease (PlatformLeases), renewed every few seconds.
 *
 * A standby tries the free and expired leases at every tick, so it takes over within a lease's
 * length after the leader dies. A leader that cannot renew gives the platform up (lost()) while
 * its lease still runs, so two gateways never poll one bot at the same time.
 */
class PlatformLeadership : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int renewMs = 3'000;
        int leaseMs = 10'000;
        /// The defaults, or BATON_PLATFORM_LEASE_MS and BATON_PLATFORM_LEASE_RENEW_MS (tests).
        [[nodiscard]] static Options fromEnvironment();
    };

    /// Leads (or stands by for) each of @p platforms as @p holder, a ProcessIdentity.
    PlatformLeadership(PlatformLeases &leases, const QString &holder, const QStringList &platforms,
        const Options &options, QObject *parent = nullptr);

    /// Tries for every platform now, then at every tick.
    void start();
    /// Stops trying and gives up every platform led (no lost() follows): a standby takes over at once.
    void stop();

    [[nodiscard]] bool leads(const QString &platform) const { return m_renewedAt.contains(platform); }
    [[nodiscard]] QStringList led() const { return m_renewedAt.keys(); }
    [[nodiscard]] Options options() const { return m_options; }

Q_SIGNALS:
    /// This gateway leads @p platform now; @p previousHolder is whose expired lease it took (empty
    /// when the platform was free).
    void acquired(const QString &platform, const QString &previousHolder);
    /// This gateway must stop connecting to @p platform at once; @p reason says why.
    void lost(const QString &platform, const QString &reason);

private:
    void tick();
    void tryToLead(const QString &platform);
    void renew(const QString &platform);

    PlatformLeases &m_leases;
    QString m_holder;
    QStringList m_platforms;
    Options m_options;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_renewedAt; // m_clock's time before each platform's last good renewal
    QHash<QString, QString> m_seenHolder; // who led each platform we stand by for, at the last look
};
