// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replystats.h"
#include "storetypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlQuery>

#include <functional>

class Database;

/**
 * @brief Sessions and their transcripts in state.db; every write is announced by a signal.
 *
 * Methods return an empty/false/nullopt value on failure and leave one sentence in errorString().
 */
class SessionStore : public QObject
{
    Q_OBJECT

public:
    explicit SessionStore(Database &database, QObject *parent = nullptr);

    struct AppendResult
    {
        qint64 id = 0;
        bool inserted = false; // false: the platform message was stored before (a replay)
    };

    [[nodiscard]] QString createSession(
        const QString &title = {}, const QString &origin = QStringLiteral("desktop"), const QString &model = {});
    [[nodiscard]] std::optional<Session> session(const QString &id);
    /// Most recently updated first; @p limit < 0 lists all.
    [[nodiscard]] QList<Session> sessions(int limit = -1);
    /// Ids starting with @p prefix (case-insensitive), at most @p limit of them.
    [[nodiscard]] QStringList idsWithPrefix(const QString &prefix, int limit = 10);
    bool setTitle(const QString &id, const QString &title);
    bool setModel(const QString &id, const QString &model);
    /// Deletes the session with its messages and chat bindings. Refused, with a sentence, while a
    /// reply is being written in it or a handoff of it is pending or running.
    bool deleteSession(const QString &id);
    /// The chat's own system prompt; nullopt when it uses the default ([llm] system_prompt) or
    /// cannot be read (errorString() says which).
    [[nodiscard]] std::optional<QString> systemPrompt(const QString &id);
    /// Gives the chat its own system prompt (even an empty one: then none is sent), or with
    /// nullopt, the default back.
    bool setSystemPrompt(const QString &id, const std::optional<QString> &prompt);

    /// Records that the surface the session lived on left it (e.g. "cli_exit"); the next message
    /// in it reopens it.
    bool endSession(const QString &id, const QString &reason);

    /// How long a running turn is held unless its process renews the lease (refreshTurnLease()).
    static constexpr qint64 turnLeaseMs = 60'000;

    /// Marks a turn as running, held by this process under a lease; false if one already is (one
    /// turn at a time per session). A turn whose process is gone or whose lease ran out is taken over.
    bool beginTurn(const QString &id);
    /// Records the row the running turn writes its reply into: the one answered again if it is cut.
    bool setTurnReply(const QString &id, qint64 replyMessageId);
    /// Extends this process's lease on the session's running turn; false if the turn is no longer ours.
    bool refreshTurnLease(const QString &id);
    /// Saves the text a reply has so far (a checkpoint while it streams). Announces nothing: the
    /// live view has it already from the stream; updateMessage() stores the end.
    bool checkpointReply(qint64 messageId, const QString &content);
    bool endTurn(const QString &id);
    /// Stores the reply's end (updateMessage) and ends the turn in one transaction. @p alongside
    /// runs inside it: what it writes to this database (the gateway's outgoing final text) commits
    /// with the reply or not at all, so no stop lands between the two.
    bool finishTurn(const QString &id, qint64 replyId, const QString &content, MessageStatus status,
        const QByteArray &toolCalls, const std::function<void()> &alongside);
    /// Ends this process's turn unfinished (a stop that outlasted its grace): its reply is marked
    /// interrupted, to be answered again.
    bool abandonTurn(const QString &id);
    /// Ends the turns of processes that died writing them, or whose lease ran out; returns their sessions.
    QStringList releaseAbandonedTurns();
    /// Ends every turn @p owner holds, whether or not its lease ran: a gateway whose platform lease
    /// another took over has lost its turns with it (PlatformLeadership). Returns their sessions.
    QStringList releaseTurnsOf(const QString &owner);
    /// Ends the session's running turn whoever holds it (`baton sessions unlock`); @p owner says who
    /// did. False with errorString() when no turn runs there.
    bool unlockTurn(const QString &id, QString *owner = nullptr);

    /// Replies cut by a stop whose question is not answered yet, oldest first.
    [[nodiscard]] QList<Message> interruptedReplies();
    /// The session's interrupted replies are being answered again: no longer waiting.
    bool setInterruptedAnswered(const QString &sessionId);

    /// Appends and bumps the session's updated_at; a replayed platform message is not stored twice.
    [[nodiscard]] std::optional<AppendResult> appendMessage(const Message &message);
    /// Appends many messages in one transaction (imports, a batch of platform updates); fills in
    /// their ids, and @p inserted (if given) says which were new rather than replays.
    bool appendMessages(QList<Message> &messages, QList<bool> *inserted = nullptr);
    /// Rewrites a message's text, status and tool calls (a reply as it streams and when it ends).
    bool updateMessage(
        qint64 messageId, const QString &content, MessageStatus status, const QByteArray &toolCalls = {});
    [[nodiscard]] std::optional<Message> message(qint64 messageId);
    /// The whole role-aware transcript in order; @p includeInternal adds synthetic turns.
    [[nodiscard]] QList<Message> transcript(const QString &sessionId, bool includeInternal = true);
    /// Where a message of the shown branch stands among its variants (see docs/variants.md).
    struct VariantPosition
    {
        int index = 0; // 1-based
        int count = 0;
        qint64 previous = 0; // the variant before it, 0 for none
        qint64 next = 0; // the variant after it, 0 for none
        friend bool operator==(const VariantPosition &, const VariantPosition &) = default;
    };
    /// The shown messages of @p sessionId that have variants, by id; the others have none.
    [[nodiscard]] QHash<qint64, VariantPosition> variants(const QString &sessionId);
    /// Answers again from before @p messageId (on the shown branch of @p sessionId): it and every
    /// later message become an earlier variant, and what is appended next follows its parent.
    /// For the turn that writes the new variant, under its lock (Agent::startVariant).
    bool beginVariant(const QString &sessionId, qint64 messageId);
    /// Shows the variant @p messageId, with the branch that was shown below it when it was left.
    /// Refused while a reply is being written in its session.
    bool chooseVariant(qint64 messageId);
    /// Drops the failed reply @p messageId, the last of the shown branch, for the reply that takes
    /// its place (Retry). Refused for a reply that did not fail.
    bool removeFailedReply(const QString &sessionId, qint64 messageId);

    /// A reply's reasoning and token counts (sessionreplystats.cpp); nullopt when none were kept.
    bool setReplyStats(qint64 messageId, const ReplyStats &stats);
    [[nodiscard]] std::optional<ReplyStats> replyStats(qint64 messageId);
    [[nodiscard]] QHash<qint64, ReplyStats> replyStatsOf(const QString &sessionId);
    /// Full-text search over visible messages; each word matches as a prefix.
    [[nodiscard]] QList<SearchHit> search(const QString &text, int limit = 50);

    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    void sessionCreated(const QString &sessionId);
    void sessionUpdated(const QString &sessionId);
    void sessionDeleted(const QString &sessionId);
    void messageAppended(const QString &sessionId, qint64 messageId);
    void messageUpdated(const QString &sessionId, qint64 messageId);
    /// The shown branch changed other than by an append or an update: a variant was begun or
    /// chosen, a failed reply removed. Readers of the transcript read it again.
    void branchChanged(const QString &sessionId);

private:
    [[nodiscard]] static qint64 now();
    bool releaseTurn(const QString &id, const QString &owner);
    bool setColumn(const QString &id, const QString &column, const QString &value);
    bool setError(const QString &action, const QString &sqliteMessage);
    QSqlQuery prepareInsert();
    std::optional<AppendResult> insertMessage(QSqlQuery &insert, Message &message, qint64 now);
    bool touchSession(const QString &sessionId, qint64 now);
    bool indexForSearch(qint64 firstId, qint64 lastId);
    /// Marks off_branch from the chosen flags, inside the caller's transaction.
    bool markBranch(const QString &sessionId);

    Database &m_db;
    QString m_error;
};
