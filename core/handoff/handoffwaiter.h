// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/handoffstatus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class HandoffStore;
class SessionStore;
class Settings;

/**
 * @brief The requester's side of a handoff, shared by `baton chat`, `baton handoff` and the window.
 *
 * Validates, queues the request, pokes the gateway, then waits in two phases: up to claimMs for a
 * gateway to claim it (else the still-pending row is failed: no gateway is running), then up to
 * transferMs for the gateway to finish, reporting progress; it never fails a row a gateway owns.
 */
class HandoffWaiter : public QObject
{
    Q_OBJECT

public:
    struct Timeouts
    {
        int claimMs = 60'000;
        int transferMs = 15 * 60'000;
        int heartbeatMs = 30'000;
        int pollMs = 250;
        /// The defaults, shortened by BATON_HANDOFF_{CLAIM,TRANSFER,HEARTBEAT}_MS (for tests).
        [[nodiscard]] static Timeouts fromEnvironment();
    };

    enum class Outcome {
        Refused, // a check failed before anything was queued
        Completed,
        Failed,
        NoGateway, // nobody claimed it in time; the row is failed
        TooSlow, // claimed, but not finished in time; the row is left to its gateway
        Abandoned, // the user gave up while it was pending; the row is failed
        Detached, // the user stopped waiting while a gateway was already transferring
    };
    Q_ENUM(Outcome)

    HandoffWaiter(SessionStore &sessions, HandoffStore &handoffs, const Settings &settings, const QString &dataDir,
        const Timeouts &timeouts, QObject *parent = nullptr);

    /// Where the requests come from ("desktop", "cli"): the model is told so on the platform.
    void setRequester(const QString &surface) { m_requester = surface; }
    /// Checks, queues and waits; finished() follows exactly once.
    void start(const QString &sessionId, const QString &platform);
    /// Ctrl-C: releases a pending row, or stops waiting on a running one.
    void abandon();
    [[nodiscard]] bool isWaiting() const { return m_poll.isActive(); }

Q_SIGNALS:
    void progress(const QString &sentence);
    void finished(HandoffWaiter::Outcome outcome, const QString &sentence, const HandoffStatus &status);

private:
    void poll();
    void finish(Outcome outcome, const QString &sentence);
    [[nodiscard]] QString platformName() const;

    SessionStore &m_sessions;
    HandoffStore &m_handoffs;
    const Settings &m_settings;
    QString m_dataDir;
    QString m_requester;
    Timeouts m_timeouts;

    QString m_sessionId;
    QString m_platform;
    QString m_title;
    QTimer m_poll;
    QElapsedTimer m_sinceRequest;
    QElapsedTimer m_sinceClaim;
    qint64 m_lastHeartbeatMs = 0;
    HandoffStatus m_status;
};
