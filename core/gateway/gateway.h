// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authorizer.h"
#include "platformadapter.h"
#include "store/storetypes.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class Agent;
class CommandLedger;
class OutboxSender;
class OutboxStore;
class PairingStore;
class ReplyStreamer;
class SessionKeyStore;
class SessionOwners;
class SessionStore;
class HomeChats;
class SetupCodeStore;
class Settings;
class QTimer;

/**
 * @brief Routes what people write on the platforms to sessions and the agent, and the agent's
 * replies back (docs/architecture.md, "One message, in and out").
 *
 * Inbound -> Authorizer -> stored once (a replayed update is neither stored nor answered twice)
 * -> a gateway command, or the session's turn queue: one turn at a time per session, messages
 * that arrive meanwhile join the next turn -> the reply streamed by editing one message, then
 * split at the platform's limit, through the outbox.
 */
class Gateway : public QObject
{
    Q_OBJECT

public:
    struct Stores
    {
        SessionStore &sessions;
        SessionKeyStore &keys;
        SessionOwners &owners;
        PairingStore &pairing;
        OutboxStore &outbox;
        CommandLedger &commands;
        SetupCodeStore &setupCodes;
        HomeChats &homeChats;
    };

    Gateway(const Stores &stores, OutboxSender &outbox, Agent &agent, Settings &settings, QObject *parent = nullptr);
    ~Gateway() override;

    /// Serves @p adapter's chats; the adapter stays owned by the caller.
    void addAdapter(PlatformAdapter *adapter);
    [[nodiscard]] PlatformAdapter *adapter(const QString &platform) const;
    [[nodiscard]] QList<PlatformAdapter *> adapters() const;

    /// Runs a turn of @p sessionId on @p text as an internal message (never shown as the user's)
    /// and delivers the reply to @p destination; turnDelivered() follows. False, with @p error,
    /// when the turn cannot start.
    bool runInternalTurn(
        const QString &sessionId, const SessionSource &destination, const QString &text, QString *error);
    /// Answers again every question whose reply a stop cut (a crash, a kill, a grace period run out):
    /// the cut draft is edited to say so and the session's turn runs again. Call once the adapters are added,
    /// before they go online; with @p platform, only that platform's replies (this gateway just took its lead).
    void answerInterrupted(const QString &platform = {});
    /// Posts @p text into @p to through the outbox, as part of @p sessionId (a notice such as "going to
    /// sleep"); idle() follows once everything queued is delivered.
    void postNotice(const SessionSource &to, const QString &sessionId, const QString &text);
    /// Has every adapter connect again at once (the computer woke): what arrived meanwhile is answered.
    void reconnectAll();
    /// Turns running or replies not yet delivered.
    [[nodiscard]] bool isBusy() const;
    /// Stops taking new turns (shutdown); running ones finish.
    void stopTakingTurns() { m_accepting = false; }

    static constexpr int editIntervalMs = 1'000;
    /// The longest message any platform lets a person send (Slack's 40,000): what is longer did
    /// not come from a conforming client and is stored cut, with a note saying so.
    static constexpr qsizetype maxInboundChars = 40'000;
    /// @p text as stored: cut at maxInboundChars with a note.
    [[nodiscard]] static QString boundedInbound(const QString &text);
    static constexpr int typingIntervalMs = 4'000;

Q_SIGNALS:
    /// A session's reply reached its platform (or @p error says why not).
    void turnDelivered(const QString &sessionId, const QString &error);
    /// Someone wrote @p text on @p platform into @p sessionId (stored once, replays excluded).
    void messageStored(const QString &sessionId, const QString &platform, const QString &text);
    /// Nothing running and nothing left to deliver.
    void idle();

private:
    struct Work
    {
        SessionSource destination;
        bool running = false;
        bool more = false; // messages arrived during the turn: another one follows
        bool stopped = false; // by /stop: the chat may hear that, as it asked for it
        ReplyStreamer *streamer = nullptr;
        QTimer *typing = nullptr;
    };

    struct Arrival
    {
        QPointer<PlatformAdapter> adapter;
        PlatformAdapter::Inbound message;
    };
    struct Batch
    {
        QList<Message> messages;
        QList<SessionSource> replyTo;
    };

    void onMessage(PlatformAdapter *adapter, const PlatformAdapter::Inbound &message);
    /// Tells @p adapter where each recent conversation stood, so it can fetch what it missed.
    void catchUp(PlatformAdapter *adapter);
    void drainInbox();
    void storeBatch(Batch &batch);
    void offerPairing(PlatformAdapter *adapter, const PlatformAdapter::Inbound &message);
    // gatewaysetup.cpp
    /// True when @p message was a setup code (`/start <code>` or the bare code in a direct chat)
    /// and has been answered: its sender is an owner now, or was told the code is no good.
    [[nodiscard]] bool redeemSetupCode(
        PlatformAdapter *adapter, const PlatformAdapter::Inbound &message, Authorizer::Verdict verdict);
    /// The session @p source's chat is on, opened if none; notYours for a guest in a chat bound to
    /// a session they did not begin; empty on a store error.
    [[nodiscard]] QString sessionFor(const SessionSource &source, const QString &firstText, Authorizer::Role role);
    static inline const QString notYours = QStringLiteral("-");
    void scheduleTurn(const QString &sessionId);
    bool startTurn(const QString &sessionId, const Message &message, QString *error);
    void onDelta(const QString &sessionId, const QString &text);
    void onTurnEnding(const QString &sessionId, qint64 replyId, MessageStatus status, const QString &error);
    void onReplyDelivered(const QString &sessionId, const QString &error);
    /// What a chat is told when the store or the agent fails; the details go to the log.
    [[nodiscard]] static QString somethingWentWrong();
    void reply(const SessionSource &to, const QString &text, const QString &sessionId = {});
    // gatewayresume.cpp
    /// Edits the drafts of @p sessionId's interrupted replies to say so; the turn starting now answers them.
    void noteInterrupted(const QString &sessionId);
    /// True when the last question in @p sessionId came from a person (not a synthetic turn).
    [[nodiscard]] bool awaitsAnswer(const QString &sessionId);
    [[nodiscard]] bool seenBefore(const PlatformAdapter::Inbound &message);

    // gatewaycommands.cpp
    [[nodiscard]] bool isCommandForUs(
        PlatformAdapter *adapter, const QString &text, QString *command, QString *argument) const;
    void runCommand(PlatformAdapter *adapter, const PlatformAdapter::Inbound &message, Authorizer::Role role,
        const QString &command, const QString &argument);
    void resume(const SessionSource &source, Authorizer::Role role, const QString &argument);
    [[nodiscard]] QString statusText(const SessionSource &source, Authorizer::Role role);
    /// The sessions @p source's person may resume (every one for an owner), newest first.
    [[nodiscard]] QList<Session> resumable(const SessionSource &source, Authorizer::Role role, int limit);
    [[nodiscard]] QString recentSessionsText(const QList<Session> &recent);

    Stores m_stores;
    OutboxSender &m_outbox;
    Agent &m_agent;
    Settings &m_settings;
    Authorizer m_authorizer;
    QHash<QString, QPointer<PlatformAdapter>> m_adapters;
    QHash<QString, Work> m_work;
    QList<Arrival> m_inbox; // what arrived in this event-loop pass: stored in one transaction
    QSet<QString> m_untitled; // sessions /new opened, titled by their first message
    bool m_accepting = true;
};
