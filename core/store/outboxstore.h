// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

#include <optional>

class Database;

/**
 * @brief The delivery ledger: every outbound platform message is written here before it is sent
 * and marked sent with the platform's id after, so a restart resends exactly what never went out.
 */
class OutboxStore : public QObject
{
    Q_OBJECT

public:
    explicit OutboxStore(Database &database, QObject *parent = nullptr);

    enum class Kind { Send, Edit };
    struct Item
    {
        qint64 id = 0;
        QString sessionId;
        qint64 messageId = 0; // the stored message this delivers, if any
        QString platform;
        QString chat;
        QString thread;
        Kind kind = Kind::Send;
        QString targetMessageId; // for edits: the platform message to change
        /// For edits of a message whose send was queued but not yet answered: that send's row. Its
        /// platform id is looked up when this edit's turn comes (sends and edits of a chat go in order).
        qint64 targetOutboxId = 0;
        QString content;
        int attempts = 0;
        QString lastError;
    };

    /// Records @p item as pending and returns its id (0 on failure).
    [[nodiscard]] qint64 enqueue(const Item &item);
    /// pending -> sent with the platform's message id; false if it was not pending (never twice).
    [[nodiscard]] bool markSent(qint64 id, const QString &platformMessageId);
    /// pending -> failed for good (the chat blocked us, the message is invalid): never retried.
    [[nodiscard]] bool markFailed(qint64 id, const QString &error);
    /// Every pending row for stored message @p messageId -> failed with @p reason: a reply cut
    /// by a stop is answered again, so its unsent draft would only be a stale fragment.
    [[nodiscard]] bool withdraw(qint64 messageId, const QString &reason);
    /// A failed attempt that will be retried: counts it and keeps the reason.
    bool recordAttempt(qint64 id, const QString &error);
    /// What became of one row: its state ("pending", "sent", "failed"), the platform's id once
    /// sent, and the text it carried; nullopt when there is no such row (or on error).
    struct Outcome
    {
        QString state;
        QString platformMessageId;
        QString content;
    };
    [[nodiscard]] std::optional<Outcome> outcome(qint64 id);
    /// Unsent items of @p platform, oldest first: what to (re)send.
    [[nodiscard]] QList<Item> pending(const QString &platform);

    /// A conversation we wrote in, and the platform id of the last message we sent there.
    struct LastSent
    {
        QString chat;
        QString thread;
        QString platformMessageId;
    };
    /// Per chat and thread of @p platform, the newest message sent since @p sinceMs (epoch ms),
    /// most recent conversation first, at most @p limit: where to look for what came after.
    [[nodiscard]] QList<LastSent> lastSent(const QString &platform, qint64 sinceMs, int limit);
    /// The first message sent for stored message @p messageId (a reply's draft), or nullopt.
    [[nodiscard]] std::optional<LastSent> firstSentFor(qint64 messageId);
    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    void enqueued(const QString &platform, qint64 id);

private:
    bool setError(const QString &action, const QString &sqliteMessage);
    bool finish(qint64 id, const QString &state, const QString &platformMessageId, const QString &error);

    Database &m_db;
    QString m_error;
};
