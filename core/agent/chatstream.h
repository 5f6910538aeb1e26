// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatrequest.h"
#include "replymeter.h"
#include "ssedecoder.h"
#include "thinksplitter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

/**
 * @brief One streaming chat completion, shaped like QNetworkReply: deltas as they come, then finished().
 *
 * Parses server-sent events on readyRead, appends deltas (never rebuilding the text), accumulates
 * tool-call fragments, and retries connection errors, 429 and 5xx only while no token has arrived.
 * Reasoning (reasoning deltas and a leading <think> block) is kept apart from the text; a server
 * that refuses stream_options with a 400 naming it is asked once more without it.
 */
class ChatStream : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Running, Complete, Partial, Failed, Cancelled };
    Q_ENUM(Outcome)

    /// A reply longer than this is stopped there and kept as partial: no answer is that long, and
    /// a server streaming without end must not exhaust memory.
    static constexpr qsizetype maxReplyChars = 4 * 1024 * 1024;

    ChatStream(QNetworkAccessManager *network, const ChatRequest &request, QObject *parent = nullptr);

    void start();
    /// Stops at once; what arrived is kept (outcome Cancelled).
    void cancel();

    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] QString reasoning() const { return m_reasoning; }
    [[nodiscard]] QList<ToolCall> toolCalls() const { return m_toolCalls; }
    [[nodiscard]] QString finishReason() const { return m_finishReason; }
    [[nodiscard]] bool truncatedByLength() const { return m_finishReason == QLatin1String("length"); }
    [[nodiscard]] Outcome outcome() const { return m_outcome; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] int promptTokens() const { return m_promptTokens; }
    [[nodiscard]] int completionTokens() const { return m_completionTokens; }
    [[nodiscard]] int attempts() const { return m_attempts; }
    /// How many attempts the stream makes at most: the first and the request's retries.
    [[nodiscard]] int maxAttempts() const { return m_request.maxRetries + 1; }
    /// The reasoning and token counts so far (estimated when the server sent no usage).
    [[nodiscard]] ReplyStats stats() const { return m_meter.stats(m_text, m_reasoning); }

Q_SIGNALS:
    void deltaReceived(const QString &text);
    void reasoningReceived(const QString &text);
    void errorOccurred(const QString &sentence);
    /// Attempt @p attempt of @p total starts in @p delayMs, after @p sentence (no token came yet),
    /// so a waiting person can be told why nothing arrives.
    void retrying(int attempt, int total, int delayMs, const QString &sentence);
    void finished();

private:
    void send();
    void onReadyRead();
    void onReplyFinished();
    void takeEvents(const QList<QByteArray> &payloads);
    void handleEvent(const QByteArray &payload);
    void takeContent(const ThinkSplitter::Parts &parts);
    /// Ends the stream early, keeping what arrived, when a line or the reply passed its cap.
    bool stopIfOversized();
    void retryOrFail(int delayMs, const QString &sentence);
    void finish(Outcome outcome, const QString &error = {});
    [[nodiscard]] QString httpErrorSentence(int status, const QByteArray &body) const;

    QNetworkAccessManager *m_network;
    ChatRequest m_request;
    QPointer<QNetworkReply> m_reply;
    SseDecoder m_decoder;
    QTimer m_retryTimer;
    QByteArray m_errorBody;
    QString m_text;
    QString m_reasoning;
    QList<ToolCall> m_toolCalls;
    QString m_finishReason;
    QString m_streamError;
    QString m_error;
    Outcome m_outcome = Outcome::Running;
    bool m_gotToken = false;
    bool m_sawDone = false;
    bool m_cancelled = false;
    int m_attempts = 0;
    int m_promptTokens = 0;
    int m_completionTokens = 0;
    ThinkSplitter m_think;
    ReplyMeter m_meter;
    QElapsedTimer m_clock;
};
