// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffwaiter.h"

#include "config/platformcatalog.h"
#include "config/settings.h"
#include "handoffpoke.h"
#include "handoffvalidation.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"

using namespace Qt::StringLiterals;

namespace {
int fromEnvironment(const char *variable, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(variable, &ok);
    return ok && value > 0 ? value : fallback;
}

QString seconds(qint64 ms)
{
    return QString::number((ms + 500) / 1000);
}
} // namespace

HandoffWaiter::Timeouts HandoffWaiter::Timeouts::fromEnvironment()
{
    Timeouts t;
    t.claimMs = ::fromEnvironment("BATON_HANDOFF_CLAIM_MS", t.claimMs);
    t.transferMs = ::fromEnvironment("BATON_HANDOFF_TRANSFER_MS", t.transferMs);
    t.heartbeatMs = ::fromEnvironment("BATON_HANDOFF_HEARTBEAT_MS", t.heartbeatMs);
    t.pollMs = std::min(t.pollMs, std::max(10, t.claimMs / 10));
    return t;
}

HandoffWaiter::HandoffWaiter(SessionStore &sessions, HandoffStore &handoffs, const Settings &settings,
    const QString &dataDir, const Timeouts &timeouts, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_handoffs(handoffs)
    , m_settings(settings)
    , m_dataDir(dataDir)
    , m_timeouts(timeouts)
{
    m_poll.setInterval(m_timeouts.pollMs);
    connect(&m_poll, &QTimer::timeout, this, &HandoffWaiter::poll);
}

QString HandoffWaiter::platformName() const
{
    return PlatformCatalog::displayName(m_platform);
}

void HandoffWaiter::start(const QString &sessionId, const QString &platform)
{
    m_sessionId = sessionId;
    m_platform = platform.trimmed().toLower();
    m_status = {};

    const HandoffValidation::Verdict verdict = HandoffValidation::check(m_settings, m_platform);
    if (!verdict.ok)
        return finish(Outcome::Refused, verdict.sentence);
    const std::optional<Session> session = m_sessions.session(sessionId);
    if (!session)
        return finish(Outcome::Refused, m_sessions.errorString());
    m_title = session->title.isEmpty() ? sessionId.left(8) : session->title;

    switch (m_handoffs.requestHandoff(sessionId, m_platform, m_requester)) {
    case HandoffStore::RequestResult::Requested:
        break;
    case HandoffStore::RequestResult::UnknownSession:
    case HandoffStore::RequestResult::TurnRunning:
    case HandoffStore::RequestResult::AlreadyInFlight:
    case HandoffStore::RequestResult::StoreError:
        return finish(Outcome::Refused, m_handoffs.errorString());
    }

    Q_EMIT progress(tr("Queued handoff of '%1' -> %2. Waiting for the gateway...").arg(m_title, m_platform));
    HandoffPoke::send(m_dataDir, sessionId, this);
    m_sinceRequest.start();
    m_sinceClaim.invalidate();
    m_lastHeartbeatMs = 0;
    m_poll.start();
}

void HandoffWaiter::poll()
{
    const std::optional<HandoffStatus> status = m_handoffs.handoffState(m_sessionId);
    if (!status)
        return finish(Outcome::Failed,
            m_handoffs.errorString().isEmpty() ? tr("The session was deleted while it was being handed off.")
                                               : m_handoffs.errorString());
    m_status = *status;
    const bool finishedState = status->state == HandoffState::Completed || status->state == HandoffState::Failed;
    if (!m_sinceClaim.isValid()
        && (status->state == HandoffState::Running || (finishedState && status->claimedAt > 0))) {
        // A fast gateway may claim and finish between two polls; the claim is still worth saying.
        m_sinceClaim.start();
        Q_EMIT progress(tr("Gateway picked it up; transferring..."));
        if (status->state == HandoffState::Running)
            return;
    }

    switch (status->state) {
    case HandoffState::Pending:
        if (m_sinceRequest.elapsed() < m_timeouts.claimMs)
            return;
        // Only a still-pending row is ours to fail; if a gateway claimed it meanwhile, keep waiting.
        if (m_handoffs.failHandoff(
                m_sessionId, tr("no gateway is running for %1").arg(m_dataDir), { HandoffState::Pending })) {
            m_status = m_handoffs.handoffState(m_sessionId).value_or(m_status);
            return finish(Outcome::NoGateway,
                tr("No gateway picked it up within %1 s. Is `baton` or `baton --no-gui` running for %2? "
                   "Your session is intact.")
                    .arg(seconds(m_timeouts.claimMs), m_dataDir));
        }
        return;
    case HandoffState::Running:
        if (m_sinceClaim.elapsed() >= m_timeouts.transferMs)
            return finish(Outcome::TooSlow,
                tr("The transfer is taking unusually long; check %1. The gateway will finish it on its own.")
                    .arg(platformName()));
        if (m_sinceClaim.elapsed() - m_lastHeartbeatMs >= m_timeouts.heartbeatMs) {
            m_lastHeartbeatMs = m_sinceClaim.elapsed();
            Q_EMIT progress(
                tr("Still transferring to %1 (%2 s)...").arg(platformName(), seconds(m_sinceClaim.elapsed())));
        }
        return;
    case HandoffState::Completed:
        return finish(Outcome::Completed,
            tr("Handoff complete. The session is now active on %1. Resume it here later with /resume %2.")
                .arg(platformName(), m_title));
    case HandoffState::Failed: {
        // The reason is a sentence of its own, often with its full stop.
        QString reason = status->error.trimmed();
        while (reason.endsWith(u'.'))
            reason.chop(1);
        return finish(Outcome::Failed, tr("Handoff failed: %1. Your session is intact.").arg(reason));
    }
    case HandoffState::None:
        return finish(Outcome::Failed, tr("The handoff request disappeared. Your session is intact."));
    }
}

void HandoffWaiter::abandon()
{
    if (!m_poll.isActive())
        return;
    if (m_handoffs.failHandoff(m_sessionId, tr("abandoned"), { HandoffState::Pending })) {
        m_status = m_handoffs.handoffState(m_sessionId).value_or(m_status);
        return finish(Outcome::Abandoned, tr("Handoff abandoned. Your session stays here."));
    }
    finish(Outcome::Detached,
        tr("The gateway is already transferring the session to %1; it will finish on its own.").arg(platformName()));
}

void HandoffWaiter::finish(Outcome outcome, const QString &sentence)
{
    m_poll.stop();
    Q_EMIT finished(outcome, sentence, m_status);
}
