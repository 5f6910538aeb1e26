// SPDX-License-Identifier: GPL-3.0-or-later
#include "outboxsender.h"

#include "platformadapter.h"

#include <QLoggingCategory>
#include <QTimer>

#include <chrono>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOutbox, "baton.outbox", QtInfoMsg)

namespace {
QString chatKey(const QString &platform, const QString &chat)
{
    return platform + u'\n' + chat;
}

// Degraded is a receiving problem (a conflict on polling, say): sending may still work.
bool canSend(const PlatformAdapter *adapter)
{
    return adapter
        && (adapter->state() == PlatformAdapter::State::Online || adapter->state() == PlatformAdapter::State::Degraded);
}
} // namespace

OutboxSender::OutboxSender(OutboxStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

void OutboxSender::addAdapter(PlatformAdapter *adapter)
{
    const QString platform = adapter->name();
    m_adapters.insert(platform, adapter);
    connect(adapter, &PlatformAdapter::sent, this, &OutboxSender::onSent);
    connect(adapter, &PlatformAdapter::retryWanted, this, &OutboxSender::onRetryWanted);
    connect(adapter, &PlatformAdapter::stateChanged, this, [this, adapter, platform] {
        if (canSend(adapter)) {
            pickUpPending(platform);
            pump(platform);
        }
    });
    if (canSend(adapter))
        pickUpPending(platform);
}

void OutboxSender::pickUpPending()
{
    for (auto it = m_adapters.cbegin(); it != m_adapters.cend(); ++it) {
        if (canSend(it.value()))
            pickUpPending(it.key());
    }
}

void OutboxSender::pickUpPending(const QString &platform)
{
    const QList<OutboxStore::Item> unsent = m_store.pending(platform);
    int picked = 0;
    for (const OutboxStore::Item &item : unsent) {
        if (m_known.contains(item.id))
            continue; // ours, on its way
        enqueue(item);
        ++picked;
    }
    if (picked > 0)
        qCInfo(lcOutbox) << "sending" << picked << platform << "message(s) queued elsewhere or left by an earlier run";
}

qint64 OutboxSender::deliver(const OutboxStore::Item &item)
{
    OutboxStore::Item recorded = item;
    recorded.id = m_store.enqueue(item);
    if (recorded.id == 0) {
        m_error = m_store.errorString();
        qCWarning(lcOutbox).noquote() << "not sent, could not record it:" << m_error;
        return 0;
    }
    enqueue(recorded);
    return recorded.id;
}

void OutboxSender::preview(
    const QString &platform, const QString &chat, const QString &thread, const QString &messageId, const QString &text)
{
    OutboxStore::Item item;
    item.platform = platform;
    item.chat = chat;
    item.thread = thread;
    item.kind = OutboxStore::Kind::Edit;
    item.targetMessageId = messageId;
    item.content = text;
    enqueue(item);
}

void OutboxSender::enqueue(const OutboxStore::Item &item)
{
    if (item.id != 0)
        m_known.insert(item.id);
    const QString key = chatKey(item.platform, item.chat);
    Chat &chat = m_chats[key];
    // A newer preview makes an older one still waiting pointless.
    if (item.id == 0 && !chat.queue.isEmpty() && chat.queue.last().id == 0
        && chat.queue.last().targetMessageId == item.targetMessageId)
        chat.queue.last() = item;
    else
        chat.queue.enqueue(item);
    pumpChat(key);
}

void OutboxSender::pump(const QString &platform)
{
    const QStringList keys = m_chats.keys();
    for (const QString &key : keys) {
        if (key.startsWith(platform + u'\n'))
            pumpChat(key);
    }
}

void OutboxSender::pumpChat(const QString &key)
{
    const auto found = m_chats.find(key);
    if (found == m_chats.end())
        return;
    Chat &chat = found.value();
    if (chat.busy)
        return;
    if (chat.queue.isEmpty()) {
        m_chats.erase(found);
        return;
    }
    PlatformAdapter *adapter = m_adapters.value(chat.queue.head().platform);
    if (!canSend(adapter))
        return; // sent when the adapter comes online
    OutboxStore::Item item = chat.queue.dequeue();
    chat.busy = true;
    if (!resolveTarget(item))
        return settle(item, item.targetMessageId, {}); // the message already says it
    // A durable item keeps its tag across attempts and restarts: the platform's deduplication key.
    const QString tag = item.id != 0 ? u"baton-o%1"_s.arg(item.id) : u"p%1"_s.arg(++m_nextTag);
    m_inFlight.insert(tag, item);
    if (item.kind == OutboxStore::Kind::Edit)
        adapter->edit(tag, item.chat, item.thread, item.targetMessageId, item.content);
    else
        adapter->send(tag, item.chat, item.thread, item.content);
}

bool OutboxSender::resolveTarget(OutboxStore::Item &item)
{
    if (item.kind != OutboxStore::Kind::Edit || item.targetOutboxId == 0 || !item.targetMessageId.isEmpty())
        return true;
    // The send it edits went earlier in this chat's order, so it has settled by now.
    const std::optional<OutboxStore::Outcome> target = m_store.outcome(item.targetOutboxId);
    if (target && target->state == "sent"_L1 && !target->platformMessageId.isEmpty()) {
        item.targetMessageId = target->platformMessageId;
        return target->content != item.content;
    }
    // Never shown (refused, given up, or unreadable): the text goes out as a message of its own.
    qCInfo(lcOutbox).noquote() << item.platform << "message" << item.id << "edits one that was not sent"
                               << (target ? target->state : m_store.errorString()) << "- sending it instead";
    item.kind = OutboxStore::Kind::Send;
    item.targetOutboxId = 0;
    return true;
}

void OutboxSender::onSent(const QString &tag, const QString &messageId, const QString &error)
{
    const auto found = m_inFlight.constFind(tag);
    if (found == m_inFlight.constEnd())
        return; // someone else's call to the adapter
    const OutboxStore::Item item = found.value();
    m_inFlight.erase(found);
    // Refused for good: a preview left standing would be all the person ever sees of the text.
    if (!error.isEmpty() && item.id != 0 && item.kind == OutboxStore::Kind::Edit && sendInstead(item, error))
        return release(chatKey(item.platform, item.chat));
    settle(item, messageId, error);
}

void OutboxSender::onRetryWanted(const QString &tag, const QString &error, qint64 waitMs)
{
    const auto found = m_inFlight.constFind(tag);
    if (found == m_inFlight.constEnd())
        return;
    const OutboxStore::Item item = found.value();
    m_inFlight.erase(found);
    const QString key = chatKey(item.platform, item.chat);
    Chat &chat = m_chats[key];
    if (chat.failures++ == 0)
        chat.failingSince.start();
    const std::optional<qint64> next = m_policy.nextDelay(chat.failures, chat.failingSince.elapsed(), waitMs);
    if (!next) {
        const qint64 seconds = chat.failingSince.elapsed() / 1000;
        return settle(
            item, {}, tr("Gave up after %n attempt(s) in %1 s: %2", nullptr, chat.failures).arg(seconds).arg(error));
    }
    if (item.id != 0) {
        if (!m_store.recordAttempt(item.id, error) && !m_store.errorString().isEmpty())
            qCWarning(lcOutbox).noquote() << "could not count the attempt:" << m_store.errorString();
        chat.queue.prepend(item);
    } else if (chat.queue.isEmpty()) {
        chat.queue.prepend(item); // a preview, unless something newer replaces it anyway
    }
    qCInfo(lcOutbox).noquote() << item.platform << "message" << (item.id != 0 ? QString::number(item.id) : tag)
                               << "failed (attempt" << chat.failures << "), retrying in" << *next << "ms:" << error;
    // The chat stays busy meanwhile: what comes after waits, in order.
    QTimer::singleShot(std::chrono::milliseconds(*next), this, [this, key] {
        const auto waiting = m_chats.find(key);
        if (waiting == m_chats.end())
            return;
        waiting->busy = false;
        pumpChat(key);
    });
}

bool OutboxSender::sendInstead(const OutboxStore::Item &edit, const QString &error)
{
    OutboxStore::Item fresh = edit;
    fresh.kind = OutboxStore::Kind::Send;
    fresh.targetMessageId.clear();
    fresh.targetOutboxId = 0;
    fresh.attempts = 0;
    fresh.lastError.clear();
    fresh.id = m_store.enqueue(fresh);
    if (fresh.id == 0)
        return false;
    qCWarning(lcOutbox).noquote() << edit.platform << "message" << edit.id << "could not be edited (" << error
                                  << "), sending its text as a new message" << fresh.id;
    if (!m_store.markFailed(edit.id, tr("Not edited (%1); sent as a new message instead.").arg(error)))
        qCWarning(lcOutbox).noquote() << "could not record the failure:" << m_store.errorString();
    m_known.remove(edit.id);
    m_known.insert(fresh.id);
    m_insteadOf.insert(fresh.id, edit.id);
    m_chats[chatKey(edit.platform, edit.chat)].queue.prepend(fresh);
    return true;
}

void OutboxSender::settle(const OutboxStore::Item &item, const QString &messageId, const QString &error)
{
    if (item.id != 0) {
        if (error.isEmpty()) {
            if (!m_store.markSent(item.id, messageId))
                qCWarning(lcOutbox).noquote() << "sent, but not marked sent:" << m_store.errorString();
        } else {
            qCWarning(lcOutbox).noquote() << item.platform << "message" << item.id << "failed:" << error;
            if (!m_store.markFailed(item.id, error))
                qCWarning(lcOutbox).noquote() << "could not record the failure:" << m_store.errorString();
            Q_EMIT undelivered(item.platform, error);
        }
        // Marked first, forgotten after: a pick-up in between would see it pending and send it twice.
        m_known.remove(item.id);
        Q_EMIT delivered(item.id, messageId, error);
        if (const qint64 edit = m_insteadOf.take(item.id); edit != 0)
            Q_EMIT delivered(edit, messageId, error);
    } else if (!error.isEmpty()) {
        qCInfo(lcOutbox).noquote() << item.platform << "preview not shown:" << error;
    }
    release(chatKey(item.platform, item.chat));
}

void OutboxSender::release(const QString &key)
{
    Chat &chat = m_chats[key];
    chat.busy = false;
    chat.failures = 0;
    pumpChat(key);
    if (backlog() == 0)
        Q_EMIT drained();
}

int OutboxSender::backlog() const
{
    qsizetype count = m_inFlight.size();
    for (const Chat &chat : m_chats)
        count += chat.queue.size();
    return int(count);
}
