// SPDX-License-Identifier: GPL-3.0-or-later
#include "awaysettings.h"

#include <algorithm>

AwaySettings::AwaySettings(const QString &configFile, QObject *parent)
    : QObject(parent)
    , m_configFile(configFile)
{
    reload();
}

void AwaySettings::reload()
{
    m_values = Settings(m_configFile).away();
    Q_EMIT changed();
}

void AwaySettings::save(int onLock, const QString &platform, int activeMinutes, bool keepAwake, bool notify)
{
    Settings::Away away;
    away.onLock = Settings::Away::OnLock(std::clamp(onLock, 0, 2));
    away.platform = platform.trimmed();
    away.activeMinutes = std::clamp(activeMinutes, 1, 24 * 60);
    away.keepAwake = keepAwake;
    away.notify = notify;
    Settings settings(m_configFile);
    settings.setAway(away);
    if (const QString error = settings.save(); !error.isEmpty())
        return Q_EMIT errorOccurred(error);
    m_values = away;
    Q_EMIT changed();
}

void AwaySettings::setLockUnavailable(const QString &why)
{
    if (std::exchange(m_lockUnavailable, why) != why)
        Q_EMIT availabilityChanged();
}

void AwaySettings::setSleepUnavailable(const QString &why)
{
    if (std::exchange(m_sleepUnavailable, why) != why)
        Q_EMIT availabilityChanged();
}

void AwaySettings::setNotificationsUnavailable(const QString &why)
{
    if (std::exchange(m_notificationsUnavailable, why) != why)
        Q_EMIT availabilityChanged();
}
