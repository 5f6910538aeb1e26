// SPDX-License-Identifier: GPL-3.0-or-later
#include "replystreamer.h"

#include "config/platformcatalog.h"
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

qint64 ReplyStreamer::deliver(const QString &content, const QString &editOf, qint64 editOfOutboxId)
{
    OutboxStore::Item item;
    item.sessionId = m_target.sessionId;
    item.messageId = m_target.messageId;
    item.platform = m_target.platform;
    item.chat = m_target.chat;
    item.thread = m_target.thread;
    item.kind = editOf.isEmpty() && editOfOutboxId == 0 ? OutboxStore::Kind::Send : OutboxStore::Kind::Edit;
    item.targetMessageId = editOf;
    item.targetOutboxId = editOfOutboxId;
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
    // The whole reply follows in parts at the end; meanwhile the first part grows. Only its
    // beginning decides the first part, so a long reply is not split whole at every edit.
    const QStringList parts = MessageSplitter::split(
        m_text.first(std::min<qsizetype>(m_text.size(), 2 * m_target.maxLength)), m_target.maxLength - 1);
    return parts.isEmpty() ? QString() : parts.constFirst() + u'…';
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
        if (m_shown.trimmed().isEmpty())
            return;
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
    if (m_finishing || m_draftMessageId.isEmpty() || text == m_shown || text.trimmed().isEmpty())
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
    sendFinal();
}

QStringList ReplyStreamer::finalParts() const
{
    // Only the beginning can be posted: splitting more of a huge reply would be wasted work.
    const qsizetype considered
        = std::min<qsizetype>(m_final.size(), qsizetype(m_target.maxReplyChars) + m_target.maxLength);
    QStringList parts = MessageSplitter::split(m_final.first(considered), m_target.maxLength);
    qsizetype kept = 0;
    qsizetype total = 0;
    while (kept < parts.size() && kept < m_target.maxParts && total + parts.at(kept).size() <= m_target.maxReplyChars)
        total += parts.at(kept++).size();
    if (kept == parts.size() && considered == m_final.size())
        return parts;
    parts.resize(std::max<qsizetype>(kept, 1));
    const QString note = tr("_(This reply was too long for %1; it is complete in Baton: open it in the window or "
                            "run `baton sessions show %2`.)_")
                             .arg(PlatformCatalog::displayName(m_target.platform), m_target.sessionId.left(8));
    if (parts.last().size() + 2 + note.size() <= m_target.maxLength)
        parts.last() += u"\n\n"_s + note;
    else if (parts.size() < m_target.maxParts)
        parts << note;
    else
        parts.last() = note; // the note matters more than one more part of an overlong reply
    return parts;
}

void ReplyStreamer::sendFinal()
{
    const QStringList parts = finalParts();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i == 0 && !m_draftMessageId.isEmpty() && parts.first() == m_shown)
            continue; // already there
        // Recorded at once, even while the first message waits for its id: the outbox sends
        // them in order and looks the id up then, so no stop loses the final text.
        const bool editDraft = i == 0 && m_draftOutboxId > 0;
        const qint64 id = deliver(parts.at(i), editDraft ? m_draftMessageId : QString(),
            editDraft && m_draftMessageId.isEmpty() ? m_draftOutboxId : 0);
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
        if (!m_finishing && m_text != m_shown)
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
