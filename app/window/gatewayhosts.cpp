// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatewayhosts.h"

#include "config/platformcatalog.h"
#include "config/settings.h"
#include "gateway/platformleadership.h"
#include "store/platformleases.h"
#include "store/processidentity.h"
#include "store/storewatcher.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGatewayHosts, "baton.window.gatewayhosts", QtInfoMsg)

GatewayHosts::GatewayHosts(
    Database &database, StoreWatcher *watcher, const Settings &settings, bool shared, QObject *parent)
    : QObject(parent)
    , m_leases(std::make_unique<PlatformLeases>(database))
    , m_settings(settings)
    , m_shared(shared)
{
    if (!m_shared)
        return;
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &GatewayHosts::refresh);
    // A gateway that takes a free platform writes a row nobody is told about on PostgreSQL (only
    // the tables a window shows announce their changes): a look every lease length finds it.
    m_slow.setInterval(PlatformLeadership::Options::fromEnvironment().leaseMs);
    connect(&m_slow, &QTimer::timeout, this, &GatewayHosts::refresh);
    m_slow.start();
    if (watcher)
        connect(watcher, &StoreWatcher::changedElsewhere, this, &GatewayHosts::refresh);
    refresh();
}

GatewayHosts::~GatewayHosts() = default;

GatewayHosts::Leader GatewayHosts::leader(const QString &platform) const
{
    if (!m_shared || !m_readable)
        return {};
    return m_leaders.value(platform, Leader { Where::Nobody, {}, 0 });
}

void GatewayHosts::refresh()
{
    if (!m_shared)
        return;
    const auto rows = m_leases->all();
    QHash<QString, Leader> leaders;
    const bool wasReadable = m_readable;
    m_readable = rows.has_value();
    if (!rows) {
        qCWarning(lcGatewayHosts).noquote() << m_leases->errorString();
    } else {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QString self = ProcessIdentity::current();
        qint64 earliestEnd = std::numeric_limits<qint64>::max();
        for (const PlatformLeases::Lease &lease : *rows) {
            if (lease.leaseUntil <= now)
                continue; // its holder stopped renewing: nobody leads it until a standby takes it
            earliestEnd = std::min(earliestEnd, lease.leaseUntil);
            leaders.insert(
                lease.platform, { lease.holder == self ? Where::Here : Where::Elsewhere, lease.host, lease.pid });
        }
        // A leader renews before its lease ends, and the renewal is read here; one that died does
        // not, and its platform is nobody's from then on.
        if (earliestEnd != std::numeric_limits<qint64>::max())
            m_expiry.start(int(std::clamp<qint64>(earliestEnd - now + 50, 0, std::numeric_limits<int>::max())));
        else
            m_expiry.stop();
    }
    if (leaders == m_leaders && m_readable == wasReadable)
        return;
    m_leaders = leaders;
    m_line = composeLine();
    Q_EMIT changed();
}

QString GatewayHosts::machine(const Leader &leader)
{
    return leader.host.isEmpty() ? tr("another computer") : leader.host;
}

QString GatewayHosts::describe(const QString &platformLabel, const Leader &leader)
{
    switch (leader.where) {
    case Where::Here:
        return tr("%1 on this computer").arg(platformLabel);
    case Where::Elsewhere:
        return tr("%1 on %2").arg(platformLabel, machine(leader));
    case Where::Nobody:
        return tr("none runs %1").arg(platformLabel);
    case Where::Unknown:
        break;
    }
    return {};
}

QString GatewayHosts::composeLine() const
{
    if (!m_shared || !m_readable)
        return {};
    QStringList parts;
    for (const QString &platform : PlatformCatalog::names()) {
        if (!m_settings.platform(platform).enabled && !m_leaders.contains(platform))
            continue; // neither set up here nor run by any gateway on the store
        parts << describe(PlatformCatalog::displayName(platform), leader(platform));
    }
    return parts.isEmpty() ? QString() : tr("Gateway: %1").arg(parts.join(u", "_s));
}

void GatewayHosts::settingsChanged()
{
    const QString line = composeLine();
    if (line == m_line)
        return;
    m_line = line;
    Q_EMIT changed();
}
