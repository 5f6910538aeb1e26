// SPDX-License-Identifier: GPL-3.0-or-later
#include "replyprogress.h"

#include "agent/agent.h"

ReplyProgress::ReplyProgress(Agent &agent, QObject *parent)
    : QObject(parent)
{
    connect(&agent, &Agent::turnStarted, this, [this](const QString &sessionId) {
        m_waits.insert(sessionId, {});
        update(sessionId);
    });
    connect(&agent, &Agent::retrying, this,
        [this](const QString &sessionId, int attempt, int total, const QString &sentence) {
            if (!m_waits.contains(sessionId))
                return;
            m_waits.insert(sessionId, { attempt, total, sentence });
            update(sessionId);
        });
    // The first word (or the first of the model's reasoning) is the reply itself showing.
    connect(&agent, &Agent::deltaReceived, this, &ReplyProgress::end);
    connect(&agent, &Agent::reasoningReceived, this, &ReplyProgress::end);
    connect(&agent, &Agent::turnFinished, this, &ReplyProgress::end);
}

void ReplyProgress::setSession(const QString &sessionId)
{
    if (sessionId == m_sessionId)
        return;
    m_sessionId = sessionId;
    Q_EMIT changed();
}

QString ReplyProgress::text() const
{
    const Wait wait = m_waits.value(m_sessionId);
    if (wait.attempt <= 1)
        return tr("Thinking…");
    return tr("Connecting to the model, try %1 of %2").arg(wait.attempt).arg(wait.total);
}

void ReplyProgress::end(const QString &sessionId)
{
    if (m_waits.remove(sessionId))
        update(sessionId);
}

void ReplyProgress::update(const QString &sessionId)
{
    if (sessionId == m_sessionId)
        Q_EMIT changed();
}
