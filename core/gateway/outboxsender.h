// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/retrypolicy.h"
#include "store/outboxstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSet>

class PlatformAdapter;

/**
 * @brief Delivers outbound messages through the adapters, in order per chat, via the outbox.
 *
 * Every durable item is written to the outbox before the adapter sees it and marked sent with the
 * platform's message id after, so a restart sends exactly what never went out. Previews (the
 * throttled edits of a reply still being written) skip the ledger: the final text always follows.
 *
 * One retry policy for every platform: a failure that may pass (RetryPolicy) holds the chat and is
 * tried again with capped backoff and jitter, or after the wait the platform named; each attempt is
 * counted in the ledger, and after RetryPolicy::giveUpAfterMs the item fails with a sentence. An
 * edit refused for good sends its text as a new message, so no stale preview is left standing.
 */
class OutboxSender : public QObject
{
    Q_OBJECT

public:
    explicit OutboxSender(OutboxStore &store, QObject *parent = nullptr);
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }

    /// Delivers through @p adapter from now on; items left unsent by an earlier run go out once
    /// it is online.
    void addAdapter(PlatformAdapter *adapter);

    /// Records @p item, then sends it after the chat's earlier items; returns its outbox id, or 0
    /// (with errorString()) when it could not be recorded.
    [[nodiscard]] qint64 deliver(const OutboxStore::Item &item);
    /// Sends what other connections to state.db queued (an earlier run, the window's notes): every
    /// pending row not already on its way. Called when an adapter comes online and when the store
    /// changed elsewhere.
    void pickUpPending();
    /// Sends an edit with no ledger row; answers with previewed(), never delivered().
    void preview(const QString &platform, const QString &chat, const QString &thread, const QString &messageId,
        const QString &text);

    /// Items waiting or in flight, durable or not.
    [[nodiscard]] int backlog() const;
    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    /// @p platformMessageId is set on success; @p error is the adapter's sentence otherwise.
    void delivered(qint64 outboxId, const QString &platformMessageId, const QString &error);
    void drained();
    /// A message that will never arrive: refused for good, or given up after retrying. For the
    /// window, so it is not only in the log.
    void undelivered(const QString &platform, const QString &sentence);

private:
    struct Chat
    {
        QQueue<OutboxStore::Item> queue;
        bool busy = false; // an item in flight, or the wait before its next attempt
        int failures = 0; // of the item at the head, in a row
        QElapsedTimer failingSince;
    };

    void enqueue(const OutboxStore::Item &item);
    void pump(const QString &platform);
    void pumpChat(const QString &key);
    /// Gives an edit that names an outbox row the platform id that row got, or turns it into a
    /// send when that row never arrived; false when the message already says what the edit says.
    [[nodiscard]] bool resolveTarget(OutboxStore::Item &item);
    void onSent(const QString &tag, const QString &messageId, const QString &error);
    void onRetryWanted(const QString &tag, const QString &error, qint64 waitMs);
    void settle(const OutboxStore::Item &item, const QString &messageId, const QString &error);
    bool sendInstead(const OutboxStore::Item &edit, const QString &error);
    void release(const QString &key);
    void pickUpPending(const QString &platform);

    OutboxStore &m_store;
    QHash<QString, PlatformAdapter *> m_adapters;
    QHash<QString, Chat> m_chats; // by "<platform>\n<chat>"
    QHash<QString, OutboxStore::Item> m_inFlight; // by the tag the adapter answers with; id 0: a preview
    QSet<qint64> m_known; // rows queued or in flight in this run, until they are marked sent or failed
    QHash<qint64, qint64> m_insteadOf; // a send standing in for a refused edit -> the edit's row
    RetryPolicy m_policy;
    QString m_error;
    quint64 m_nextTag = 0;
};
