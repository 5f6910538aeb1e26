// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateway/sessionsource.h"
#include "handoffexecutor.h"

#include <QHash>

class Gateway;
class HandoffStore;
class SessionKeyStore;
class SessionStore;
class Settings;

/**
 * @brief Carries out a claimed handoff in the gateway (docs/architecture.md, "The handoff"): the home
 * channel, a fresh thread from the adapter, the destination key bound to the session (never
 * hijacking a home chat another live conversation uses), the synthetic internal turn delivered
 * there, and the destination reported.
 */
class HandoffProcessor : public HandoffExecutor
{
    Q_OBJECT

public:
    HandoffProcessor(
        Gateway &gateway, SessionStore &sessions, SessionKeyStore &keys, Settings &settings, QObject *parent = nullptr);

    void execute(const QString &sessionId, const QString &platform) override;
    /// Where the rows say a handoff was asked from, so the synthetic turn names it (else the origin).
    void setHandoffs(HandoffStore *handoffs) { m_handoffs = handoffs; }

    /// How recent another conversation's activity must be for its home chat to count as in use.
    static constexpr qint64 homeInUseMs = 10 * 60 * 1000;

    /// The keys the inbound path gives the owners' messages at @p destination: one, or in a group
    /// without threads one per owner.
    [[nodiscard]] static QStringList destinationKeys(const SessionSource &destination, const QStringList &owners);

    /// The internal message the destination's first reply answers; @p from is where it was asked
    /// ("desktop", "cli") or where the session began.
    [[nodiscard]] static QString syntheticTurnText(const QString &from, const QString &title);

private:
    struct Job
    {
        QString platform;
        QString homeChat;
        QString homeThread;
        QString tag;
        QString destinationKey;
        bool turnRunning = false;
    };

    void onThreadCreated(const QString &tag, const QString &threadId, const QString &threadError);
    void onTurnDelivered(const QString &sessionId, const QString &error);
    void finish(QString sessionId, QString destination, QString error);

    Gateway &m_gateway;
    SessionStore &m_sessions;
    SessionKeyStore &m_keys;
    Settings &m_settings;
    HandoffStore *m_handoffs = nullptr;
    QHash<QString, Job> m_jobs; // by session id
    quint64 m_nextTag = 0;
};
