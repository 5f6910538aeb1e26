// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/secretscrubber.h"
#include "net/retrypolicy.h"
#include "sessionsource.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

/**
 * @brief What the gateway needs from a messaging platform. One subclass per platform, in platforms/.
 *
 * Adapters speak their wire protocol and nothing else: they never touch the store. Every call
 * answers asynchronously with a signal carrying the request's tag.
 */
class PlatformAdapter : public QObject
{
    Q_OBJECT

public:
    enum class State { Offline, Connecting, Online, Degraded };
    Q_ENUM(State)

    /// One inbound message, already parsed from the wire.
    struct Inbound
    {
        SessionSource source;
        QString messageId; // the platform's id, for idempotent storage
        QString userName;
        QString text;
        bool fromBot = false;
    };

    using QObject::QObject;

    [[nodiscard]] virtual QString name() const = 0;
    /// Our own user name on the platform, once known: commands addressed to another bot
    /// (`/help@otherbot`) are not ours.
    [[nodiscard]] virtual QString botUserName() const { return {}; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString stateReason() const { return m_stateReason; }

    virtual void start() = 0;
    virtual void stop() = 0;
    /// Takes in no more messages while sends still go out (a shutdown finishing its replies);
    /// what arrives meanwhile is left on the platform for the next start.
    virtual void stopReceiving() = 0;
    /// Connects again at once, dropping any backoff wait and any connection the network may have
    /// lost meanwhile (the computer woke from sleep). The default stops and starts.
    virtual void reconnectNow()
    {
        stop();
        start();
    }
    /// True while a reconnect or a retry of the connection is waiting to happen. Offline with
    /// nothing scheduled means stopped for good (a rejected token): nothing more will be tried.
    [[nodiscard]] virtual bool retryScheduled() const = 0;

    /// Sends @p text to @p chat (in @p thread if set); answers with sent(tag, messageId, error), or
    /// with retryWanted() when the failure may pass. @p tag is the same for every attempt of one
    /// outbox item, also after a restart: a platform that deduplicates sends may use it as the key.
    virtual void send(const QString &tag, const QString &chat, const QString &thread, const QString &text) = 0;
    /// Replaces the text of a message this adapter sent in @p chat (in @p thread if set); answers
    /// with sent(tag, messageId, error).
    virtual void edit(
        const QString &tag, const QString &chat, const QString &thread, const QString &messageId, const QString &text)
        = 0;
    /// Shows "typing" in @p chat for a few seconds.
    virtual void typing(const QString &chat, const QString &thread) = 0;
    /// Opens a fresh thread named @p name under @p homeChat; answers with threadCreated(tag, threadId,
    /// error): an empty id and no error when the platform says this home cannot have threads (the
    /// home chat itself is used then); an empty id and the sentence when creating one failed otherwise
    /// (a timeout, a server error: the handoff fails rather than land somewhere else).
    virtual void createHandoffThread(const QString &tag, const QString &homeChat, const QString &name) = 0;
    /// Where a message sent to @p chat / @p thread will live, keyed exactly as inbound messages there
    /// are: the one function behind both sides of a handoff (docs/architecture.md, scenario 13). Add the writer's user
    /// id for the key of a group without threads, where each person has their own session.
    [[nodiscard]] virtual SessionSource destination(const QString &chat, const QString &thread) const = 0;
    /// The longest text one message may carry, in the units the platform counts.
    [[nodiscard]] virtual int maxMessageLength() const = 0;

    /// A conversation and the last message the gateway knows there.
    struct Cursor
    {
        QString chat;
        QString thread;
        QString afterMessageId;
    };
    /// Delivers, as messageReceived and oldest first, what was written in these conversations after
    /// each cursor: the answer to catchUpWanted(). The default does nothing, for platforms that
    /// redeliver on their own (Telegram keeps unconfirmed updates for a day).
    virtual void catchUp(const QList<Cursor> &cursors) { Q_UNUSED(cursors) }

Q_SIGNALS:
    void stateChanged(PlatformAdapter::State state, const QString &reason);
    void messageReceived(const PlatformAdapter::Inbound &message);
    void sent(const QString &tag, const QString &messageId, const QString &error);
    /// A send or edit failed in a way that may pass (network, 5xx, 429): the outbox tries it again,
    /// after @p waitMs when the platform named a wait (already clamped), else after its own backoff.
    /// Failures no retry can mend, and waits too long to honour, come as sent() with an error.
    void retryWanted(const QString &tag, const QString &error, qint64 waitMs);
    void threadCreated(const QString &tag, const QString &threadId, const QString &error);
    /// A fresh session after a gap (gateway stopped, session lost): messages written meanwhile were
    /// never pushed to us. The gateway answers with catchUp() and the conversations it knows.
    void catchUpWanted();
    /// Person @p by added the bot to group @p chat: a home the window may offer (when @p by is an
    /// owner), named @p title; @p threads when it can hold a thread per conversation.
    void addedToGroup(const QString &chat, const QString &title, bool threads, const QString &by);

protected:
    /// Thread creation runs while a handoff waits: the outbox's policy, with a shorter patience.
    static constexpr RetryPolicy threadRetries { 1'000, 15'000, 2 * 60'000 };

    /// Runs @p again after failure @p failures (1 = the first) of an operation first failing
    /// @p failingForMs ago, under @p policy; false, and nothing scheduled, when it is time to give up.
    bool scheduleRetry(
        const RetryPolicy &policy, int failures, qint64 failingForMs, qint64 namedWaitMs, std::function<void()> again)
    {
        const std::optional<qint64> delay = policy.nextDelay(failures, failingForMs, namedWaitMs);
        if (!delay)
            return false;
        QTimer::singleShot(std::chrono::milliseconds(*delay), this, std::move(again));
        return true;
    }

    void setState(State state, const QString &reason = {})
    {
        // A reason may quote a server's answer: it reaches the tray, the window, /status and the log.
        const QString scrubbed = SecretScrubber::scrub(reason);
        if (state == m_state && scrubbed == m_stateReason)
            return;
        m_state = state;
        m_stateReason = scrubbed;
        Q_EMIT stateChanged(state, scrubbed);
    }

private:
    State m_state = State::Offline;
    QString m_stateReason;
};
