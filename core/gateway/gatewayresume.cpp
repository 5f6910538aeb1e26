// SPDX-License-Identifier: GPL-3.0-or-later
// Gateway: questions whose reply a stop cut are answered again after the restart.
#include "gateway.h"

#include "messagesplitter.h"
#include "outboxsender.h"
#include "store/outboxstore.h"
#include "store/sessionstore.h"

#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

void Gateway::answerInterrupted(const QString &platform)
{
    const QList<Message> cut = m_stores.sessions.interruptedReplies();
    if (!m_stores.sessions.errorString().isEmpty()) {
        qCWarning(lcGateway).noquote() << "cannot look for interrupted replies:" << m_stores.sessions.errorString();
        return;
    }
    for (const Message &reply : cut) {
        if (!platform.isEmpty() && reply.platform != platform)
            continue; // led by another gateway, which answers it
        PlatformAdapter *adapter = m_adapters.value(reply.platform);
        // The terminal's and the window's own replies, or a platform not running here: not ours.
        if (!adapter || reply.platformChat.isEmpty() || m_work.contains(reply.sessionId))
            continue;
        // Its first message, if that never got out, would be a fragment without the note that
        // says so (the note needs the message's id). Adapters are not online yet, so nothing of
        // it is on its way. One whose send was answered but not recorded before the stop is out
        // of reach: the platform never told us its id.
        if (!m_stores.outbox.withdraw(reply.id, tr("Not sent: the reply was cut by a stop and is answered again.")))
            qCWarning(lcGateway).noquote() << m_stores.outbox.errorString();
        if (!awaitsAnswer(reply.sessionId)) {
            // A handoff's synthetic turn: the handoff was failed with it and is run again by hand.
            m_stores.sessions.setInterruptedAnswered(reply.sessionId);
            continue;
        }
        SessionSource to = adapter->destination(reply.platformChat, reply.platformThread);
        to.userId.clear();
        qCInfo(lcGateway).noquote() << "answering again in session" << reply.sessionId << "(reply" << reply.id
                                    << "was cut by a stop)";
        m_work[reply.sessionId].destination = to;
        scheduleTurn(reply.sessionId);
    }
}

bool Gateway::awaitsAnswer(const QString &sessionId)
{
    const QList<Message> transcript = m_stores.sessions.transcript(sessionId);
    const auto asked = std::find_if(
        transcript.crbegin(), transcript.crend(), [](const Message &m) { return m.role == MessageRole::User; });
    return asked != transcript.crend() && !asked->internal;
}

void Gateway::noteInterrupted(const QString &sessionId)
{
    const QList<Message> cut = m_stores.sessions.interruptedReplies();
    bool any = false;
    for (const Message &reply : cut) {
        if (reply.sessionId != sessionId)
            continue;
        any = true;
        const auto draft = m_stores.outbox.firstSentFor(reply.id);
        PlatformAdapter *adapter = m_adapters.value(reply.platform);
        if (!draft || !adapter)
            continue; // nothing of it reached the platform
        const QString note
            = u"\n\n_(%1)_"_s.arg(tr("Interrupted: Baton stopped while writing this. The full answer follows."));
        QString text = reply.content.trimmed();
        const qsizetype room = adapter->maxMessageLength() - note.size() - 1;
        if (text.size() > room)
            text = MessageSplitter::split(text, room).constFirst();
        OutboxStore::Item item;
        item.sessionId = sessionId;
        item.platform = reply.platform;
        item.chat = draft->chat;
        item.thread = draft->thread;
        item.kind = OutboxStore::Kind::Edit;
        item.targetMessageId = draft->platformMessageId;
        item.content = text.isEmpty() ? note.trimmed() : text + u'…' + note;
        if (m_outbox.deliver(item) == 0)
            qCWarning(lcGateway).noquote() << "could not mark an interrupted reply:" << m_outbox.errorString();
    }
    if (any && !m_stores.sessions.setInterruptedAnswered(sessionId))
        qCWarning(lcGateway).noquote() << m_stores.sessions.errorString();
}
