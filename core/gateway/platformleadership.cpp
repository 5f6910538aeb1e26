// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformleadership.h"

#include "store/platformleases.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSysInfo>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLeadership, "baton.leadership", QtInfoMsg)

namespace {
int fromEnvironment(const char *variable, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(variable, &ok);
    return ok && value > 0 ? value : fallback;
}
} // namespace

PlatformLeadership::Options PlatformLeadership::Options::fromEnvironment()
{
    Options options;
    options.leaseMs = ::fromEnvironment("BATON_PLATFORM_LEASE_MS", options.leaseMs);
    options.renewMs
        = std::min(::fromEnvironment("BATON_PLATFORM_LEASE_RENEW_MS", options.renewMs), options.leaseMs / 3);
    return options;
}

PlatformLeadership::PlatformLeadership(PlatformLeases &leases, const QString &holder, const QStringList &platforms,
    const Options &options, QObject *parent)
    : QObject(parent)
    , m_leases(leases)
    , m_holder(holder)
    , m_platforms(platforms)
    , m_options(options)
{
    m_timer.setInterval(m_options.renewMs);
    connect(&m_timer, &QTimer::timeout, this, &PlatformLeadership::tick);
    m_clock.start();
}

void PlatformLeadership::start()
{
    m_timer.start();
    tick();
}

void PlatformLeadership::stop()
{
    m_timer.stop();
    for (const QString &platform : led()) {
        if (!m_leases.release(platform, m_holder))
            qCWarning(lcLeadership).noquote() << m_leases.errorString();
    }
    m_renewedAt.clear();
}

void PlatformLeadership::tick()
{
    for (const QString &platform : std::as_const(m_platforms)) {
        if (leads(platform))
            renew(platform);
        else
            tryToLead(platform);
    }
}

void PlatformLeadership::renew(const QString &platform)
{
    const qint64 before = m_clock.elapsed();
    const std::optional<bool> ours
        = m_leases.renew(platform, m_holder, QDateTime::currentMSecsSinceEpoch(), m_options.leaseMs);
    if (ours.value_or(false)) {
        m_renewedAt[platform] = before;
        return;
    }
    if (ours) {
        m_renewedAt.remove(platform);
        Q_EMIT lost(platform, tr("another gateway took the lead of %1").arg(platform));
        return;
    }
    // The lease runs out leaseMs after the last good renewal: should the next try fail too, it
    // would come too late, so the platform is given up now.
    qCWarning(lcLeadership).noquote() << m_leases.errorString();
    if (m_clock.elapsed() - m_renewedAt.value(platform) + m_options.renewMs < m_options.leaseMs)
        return;
    m_renewedAt.remove(platform);
    Q_EMIT lost(platform, tr("cannot renew the lead of %1: %2").arg(platform, m_leases.errorString()));
}

void PlatformLeadership::tryToLead(const QString &platform)
{
    const qint64 before = m_clock.elapsed();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto attempt = m_leases.acquire(
        platform, m_holder, QSysInfo::machineHostName(), QCoreApplication::applicationPid(), now, m_options.leaseMs);
    if (!attempt) {
        qCWarning(lcLeadership).noquote() << m_leases.errorString();
        return;
    }
    if (!attempt->held) {
        const PlatformLeases::Lease &lease = attempt->lease;
        // Tried again the moment the lease ends, not up to a tick later.
        const qint64 untilEnd = lease.leaseUntil - now + 1;
        if (untilEnd > 0 && untilEnd < m_options.renewMs) {
            QTimer::singleShot(std::chrono::milliseconds(untilEnd), this, [this, platform] {
                if (m_timer.isActive() && !leads(platform))
                    tryToLead(platform);
            });
        }
        if (m_seenHolder.value(platform) != lease.holder) {
            m_seenHolder.insert(platform, lease.holder);
            qCInfo(lcLeadership).noquote() << u"%1: standing by; the gateway of process %2 on %3 leads it"_s.arg(
                platform, QString::number(lease.pid), lease.host);
        }
        return;
    }
    m_seenHolder.remove(platform);
    m_renewedAt.insert(platform, before);
    qCInfo(lcLeadership).noquote() << u"%1: this gateway leads it now%2"_s.arg(platform,
        attempt->previousHolder.isEmpty()
            ? QString()
            : u" (taken over from %1, whose lease ran out)"_s.arg(attempt->previousHolder));
    Q_EMIT acquired(platform, attempt->previousHolder);
}
