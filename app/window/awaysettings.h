// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/settings.h"

#include <QObject>
#include <QtQmlIntegration>

/**
 * @brief The Settings page "Away from the desk", for QML: what a screen lock does, how long the
 * open conversation counts as active, keeping the computer awake, notifications; and which of the
 * desktop services behind them this session offers (a missing one greys its setting out, with why).
 */
class AwaySettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by the application")
    /// 0 Ask, 1 Hand off the active conversation, 2 Do nothing.
    Q_PROPERTY(int onLock READ onLock NOTIFY changed)
    /// Empty: the first platform ready for handoffs.
    Q_PROPERTY(QString platform READ platform NOTIFY changed)
    Q_PROPERTY(int activeMinutes READ activeMinutes NOTIFY changed)
    Q_PROPERTY(bool keepAwake READ keepAwake NOTIFY changed)
    Q_PROPERTY(bool notify READ notify NOTIFY changed)
    /// Empty while the screen lock can be heard; otherwise why not.
    Q_PROPERTY(QString lockUnavailable READ lockUnavailable NOTIFY availabilityChanged)
    Q_PROPERTY(QString sleepUnavailable READ sleepUnavailable NOTIFY availabilityChanged)
    Q_PROPERTY(QString notificationsUnavailable READ notificationsUnavailable NOTIFY availabilityChanged)

public:
    explicit AwaySettings(const QString &configFile, QObject *parent = nullptr);

    [[nodiscard]] Settings::Away values() const { return m_values; }
    [[nodiscard]] int onLock() const { return int(m_values.onLock); }
    [[nodiscard]] QString platform() const { return m_values.platform; }
    [[nodiscard]] int activeMinutes() const { return m_values.activeMinutes; }
    [[nodiscard]] bool keepAwake() const { return m_values.keepAwake; }
    [[nodiscard]] bool notify() const { return m_values.notify; }
    [[nodiscard]] QString lockUnavailable() const { return m_lockUnavailable; }
    [[nodiscard]] QString sleepUnavailable() const { return m_sleepUnavailable; }
    [[nodiscard]] QString notificationsUnavailable() const { return m_notificationsUnavailable; }

    /// Writes the page's values to baton.ini; changed() follows, or errorOccurred() with a sentence.
    Q_INVOKABLE void save(int onLock, const QString &platform, int activeMinutes, bool keepAwake, bool notify);
    /// Reads baton.ini again.
    Q_INVOKABLE void reload();

    void setLockUnavailable(const QString &why);
    void setSleepUnavailable(const QString &why);
    void setNotificationsUnavailable(const QString &why);

Q_SIGNALS:
    void changed();
    void availabilityChanged();
    void errorOccurred(const QString &sentence);

private:
    QString m_configFile;
    Settings::Away m_values;
    QString m_lockUnavailable;
    QString m_sleepUnavailable;
    QString m_notificationsUnavailable;
};
