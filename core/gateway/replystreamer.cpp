// SPDX-License-Identifier: GPL-3.0-or-later
#include "replystreamer.h"

#include "messagesplitter.h"
#include "outboxsender.h"

using namespace Qt::StringLiterals;

ReplyStreamer::ReplyStreamer(OutboxSender &outbox, const Target &target, int editIntervalMs, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_target(target)
    , m_editIntervalMs(editIntervalMs)
{
    m_editTimer.setSingleShot(true);
    connect(&m_editTimer, &QTimer::timeout, this, &ReplyStreamer::previewNow);
    connect(&m_outbox, &OutboxSender::delivered, this, &ReplyStreamer::onDelivered);
}

qint64 ReplyStreamer::deliver(const QString &content, const QString &editOf)
{
    OutboxStore::Item item;
    item.sessionId = m_target.sessionId;
    item.messageId = m_target.messageId;
    item.platform = m_target.platform;
    item.chat = m_target.chat;
    item.thread = m_target.thread;
    item.kind = editOf.isEmpty() ? OutboxStore::Kind::Send : OutboxStore::Kind::Edit;
    item.targetMessageId = editOf;
    item.content = content;
    const qint64 id = m_outbox.deliver(item);
    if (id == 0 && m_error.isEmpty())
        m_error = m_outbox.errorString();
    return id;
}

QString ReplyStreamer::previewText() const
{
    if (m_text.size() <= m_target.maxLength)
        return m_text;
    // The whole reply follows in parts at the end; meanwhile the first part grows.
    return MessageSplitter::split(m_text, m_target.maxLength - 1).constFirst() + u'…';
}

void ReplyStreamer::append(const QString &delta)
{
    if (m_finishing || delta.isEmpty())
        return;
    m_text += delta;
    if (m_text.trimmed().isEmpty())
        return;
    if (m_draftOutboxId == 0) {
        m_shown = previewText();
        m_draftOutboxId = deliver(m_shown);
        m_sinceEdit.start();
        return;
    }
    if (!m_draftMessageId.isEmpty() && !m_editTimer.isActive())
        m_editTimer.start(std::max<qint64>(0, m_editIntervalMs - m_sinceEdit.elapsed()));
}

void ReplyStreamer::previewNow()
{
    const QString text = previewText();
    if (m_finishing || m_draftMessageId.isEmpty() || text == m_shown)
        return;
    m_shown = text;
    m_sinceEdit.start();
    m_outbox.preview(m_target.platform, m_target.chat, m_target.thread, m_draftMessageId, text);
}

void ReplyStreamer::finish(const QString &text)
{
    m_finishing = true;
    m_editTimer.stop();
    m_final = text;
    // The first message's id is needed to turn it into the final text.
    if (m_draftOutboxId > 0 && m_draftMessageId.isEmpty())
        return;
    sendFinal();
}

void ReplyStreamer::sendFinal()
{
    const QStringList parts = MessageSplitter::split(m_final, m_target.maxLength);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i == 0 && !m_draftMessageId.isEmpty() && parts.first() == m_shown)
            continue; // already there
        const qint64 id = deliver(parts.at(i), i == 0 ? m_draftMessageId : QString());
        if (id != 0)
            m_outstanding.insert(id);
    }
    if (m_outstanding.isEmpty())
        Q_EMIT finished(m_error);
}

void ReplyStreamer::onDelivered(qint64 outboxId, const QString &platformMessageId, const QString &error)
{
    if (outboxId == m_draftOutboxId && m_draftMessageId.isEmpty()) {
        if (!error.isEmpty())
            m_draftOutboxId = -1; // no first message to edit: the final text goes out as new ones
        else
            m_draftMessageId = platformMessageId;
        if (m_finishing)
            sendFinal();
        else if (m_text != m_shown)
            m_editTimer.start(std::max<qint64>(0, m_editIntervalMs - m_sinceEdit.elapsed()));
        return;
    }
    if (!m_outstanding.remove(outboxId))
        return;
    if (!error.isEmpty() && m_error.isEmpty())
        m_error = error;
    if (m_outstanding.isEmpty())
        Q_EMIT finished(m_error);
}
