// SPDX-License-Identifier: GPL-3.0-or-later
// ChatController: asking again. Regenerate keeps the reply it replaces as an earlier variant,
// Retry replaces a failed one, edit and resend keeps the question and every later turn as a
// variant; the window flips through variants with < 1/2 > (docs/variants.md).
#include "chatcontroller.h"

#include "agent/agent.h"
#include "store/sessionstore.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

void ChatController::turnStartedHere()
{
    m_lastUsedMs = QDateTime::currentMSecsSinceEpoch();
    Q_EMIT busyChanged();
    Q_EMIT sessionChanged();
}

void ChatController::regenerate()
{
    if (m_sessionId.isEmpty() || busy())
        return;
    setError({});
    // The last reply of the branch shown: a failure is replaced, an answer kept as a variant.
    const QList<Message> shown = m_store->transcript(m_sessionId, false);
    for (auto it = shown.crbegin(); it != shown.crend(); ++it) {
        if (it->role == MessageRole::User)
            break;
        if (it->role != MessageRole::Assistant)
            continue;
        if (it->status == MessageStatus::Error)
            return retry(it->id);
        if (!m_agent->startVariant(m_sessionId, it->id, Message {}))
            return setError(m_agent->errorString());
        return turnStartedHere();
    }
    // A question without an answer yet: answer it.
    if (!m_agent->startTurn(m_sessionId, Message {}))
        return setError(m_agent->errorString());
    turnStartedHere();
}

void ChatController::retry(qint64 messageId)
{
    if (m_sessionId.isEmpty() || busy())
        return;
    setError({});
    if (!m_agent->retryFailed(m_sessionId, messageId))
        return setError(m_agent->errorString());
    turnStartedHere();
}

void ChatController::chooseVariant(qint64 messageId)
{
    if (messageId == 0 || m_sessionId.isEmpty())
        return;
    if (!m_store->chooseVariant(messageId))
        return setError(m_store->errorString());
    setError({});
}

void ChatController::beginEdit(qint64 messageId)
{
    if (m_sessionId.isEmpty())
        return;
    const auto message = m_store->message(messageId);
    if (!message || message->sessionId != m_sessionId || message->role != MessageRole::User || message->internal)
        return;
    m_editingId = messageId;
    Q_EMIT editingChanged();
    Q_EMIT editStarted(message->content);
}

void ChatController::cancelEdit()
{
    if (m_editingId == 0)
        return;
    m_editingId = 0;
    Q_EMIT editingChanged();
}

void ChatController::resendEdited(const QString &text)
{
    if (busy())
        return setError(tr("Wait for the reply to finish, or stop it, before resending an edited message."));
    Message edited;
    edited.content = text;
    if (!m_agent->startVariant(m_sessionId, m_editingId, edited))
        return setError(m_agent->errorString());
    cancelEdit();
    turnStartedHere();
}
