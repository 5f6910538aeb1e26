// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storetypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

class ChatStream;
class LlmClient;
class SessionStore;

/**
 * @brief Runs one turn of a session: stores the message, sends the whole transcript, streams and stores the reply.
 *
 * One turn at a time per session (the store's turn_state is the lock other processes see). The
 * assistant message is stored when the stream ends: complete, partial (cut or stopped, marked) or
 * error (with the sentence), so nothing that arrived is lost.
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
    /// Stops the session's reply at once; what arrived is kept as partial.
    void cancel(const QString &sessionId);
    [[nodiscard]] bool isRunning(const QString &sessionId) const { return m_streams.contains(sessionId); }
    /// The stored row of the reply being written in @p sessionId (0 when none is).
    [[nodiscard]] qint64 replyId(const QString &sessionId) const { return m_replyIds.value(sessionId); }
    [[nodiscard]] QString errorString() const { return m_error; }

    /// "First words of the message…": a session's title from its first user message.
    [[nodiscard]] static QString titleFrom(const QString &text);

Q_SIGNALS:
    void deltaReceived(const QString &sessionId, const QString &text);
    void reasoningReceived(const QString &sessionId, const QString &text);
    /// @p error is the sentence when the reply failed or was cut short.
    void turnFinished(const QString &sessionId, qint64 replyMessageId, MessageStatus status, const QString &error);

private:
    void onStreamFinished(const QString &sessionId, ChatStream *stream);

    SessionStore &m_store;
    LlmClient &m_client;
    Config m_config;
    QHash<QString, QPointer<ChatStream>> m_streams;
    QHash<QString, qint64> m_replyIds; // the reply's row, reserved when the turn starts
    QString m_error;
};
