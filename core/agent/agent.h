// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storetypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class ChatStream;
class LlmClient;
class SessionStore;
class QTimer;

/**
 * @brief Runs one turn of a session: stores the message, sends the whole transcript, streams and stores the reply.
 *
 * One turn at a time per session (the store's turn_state is the lock other processes see, held
 * under a lease renewed while the turn runs). The reply's text is checkpointed to its stored row
 * while it streams (at most about a second of it is lost if the process dies), and stored for
 * good when the stream ends: complete, partial (cut or stopped, marked) or error (with the sentence).
 */
class Agent : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl baseUrl;
        QString apiKey;
        QString model; // used when the session names none
        QString systemPrompt;
        int timeoutMs = 120'000;
        bool includeUsage = false;
    };

    Agent(SessionStore &store, LlmClient &client, QObject *parent = nullptr);

    void setConfig(const Config &config) { m_config = config; }
    [[nodiscard]] const Config &config() const { return m_config; }

    /// Starts a turn with @p message (content, platform ids, internal flag); an empty content sends
    /// the transcript as it is. False, with errorString(), when the session already has a turn running.
    [[nodiscard]] bool startTurn(const QString &sessionId, const Message &message);
    /// Starts a turn that answers again from before @p variantOf: that message and every later
    /// turn become an earlier variant (SessionStore::beginVariant), then @p message (if it has
    /// content: an edited question) and the new reply follow. Regenerate names the reply, edit and
    /// resend the user message.
    [[nodiscard]] bool startVariant(const QString &sessionId, qint64 variantOf, const Message &message);
    /// Starts a turn in place of the failed reply @p failedReplyId (Retry): the failure goes, the
    /// new reply takes its place.
    [[nodiscard]] bool retryFailed(const QString &sessionId, qint64 failedReplyId);
    /// Stops the session's reply at once; what arrived is kept as partial.
    void cancel(const QString &sessionId);
    /// Leaves every running turn unfinished (a stop that outlasted its grace): what arrived is
    /// stored, each reply is marked interrupted for the next start to answer again, and no
    /// turnFinished() follows.
    void abandonAll();
    [[nodiscard]] bool isRunning(const QString &sessionId) const { return m_turns.contains(sessionId); }
    /// The stored row of the reply being written in @p sessionId (0 when none is).
    [[nodiscard]] qint64 replyId(const QString &sessionId) const { return m_turns.value(sessionId).replyId; }

    /// How often a streaming reply's text is written to its row.
    static constexpr int checkpointMs = 1'000;
    [[nodiscard]] QString errorString() const { return m_error; }

    /// "First words of the message…": a session's title from its first user message.
    [[nodiscard]] static QString titleFrom(const QString &text);

Q_SIGNALS:
    /// A turn began in @p sessionId; its reply will be written into the row @p replyMessageId.
    void turnStarted(const QString &sessionId, qint64 replyMessageId);
    void deltaReceived(const QString &sessionId, const QString &text);
    void reasoningReceived(const QString &sessionId, const QString &text);
    /// No token came yet and the model is tried again: attempt @p attempt of @p total (see
    /// ChatStream::retrying), after @p sentence.
    void retrying(const QString &sessionId, int attempt, int total, const QString &sentence);
    /// Inside the transaction that stores the reply's end and ends the turn (see
    /// SessionStore::finishTurn): a listener records what must commit with it, and nothing else.
    void turnEnding(const QString &sessionId, qint64 replyMessageId, MessageStatus status, const QString &error);
    /// @p error is the sentence when the reply failed or was cut short.
    void turnFinished(const QString &sessionId, qint64 replyMessageId, MessageStatus status, const QString &error);

private:
    struct Turn
    {
        QPointer<ChatStream> stream;
        qint64 replyId = 0; // the reply's row, reserved when the turn starts
        QTimer *checkpoint = nullptr;
    };

    /// Runs between taking the turn and storing @p message: false (with m_error) stops the start.
    using BeforeAppend = std::function<bool()>;
    [[nodiscard]] bool begin(const QString &sessionId, const Message &message, const BeforeAppend &beforeAppend);
    void onDelta(const QString &sessionId, const QString &text);
    void checkpoint(const QString &sessionId);
    void renewLeases();
    void onStreamFinished(const QString &sessionId, ChatStream *stream);
    void dropTurn(const QString &sessionId);

    SessionStore &m_store;
    LlmClient &m_client;
    Config m_config;
    QHash<QString, Turn> m_turns;
    QTimer *m_leaseTimer;
    QString m_error;
};
