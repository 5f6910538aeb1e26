// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayList>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QStringList>
#include <QUrl>

class FakeHttpServer;
class QTcpSocket;
struct FakeHttpRequest;

/// One scripted answer of FakeLlmServer; see FAKE_LLM_API.md.
struct FakeLlmReply
{
    int httpStatus = 200;
    QByteArray errorBody;
    QByteArray retryAfter = "0"; // the Retry-After header of a 429, exactly so; empty: none
    QStringList content;
    QStringList reasoning;
    QStringList reasoningContent; // llama.cpp's name for it: sent after reasoning, before content
    QByteArrayList rawEvents;
    QString finishReason = QStringLiteral("stop");
    bool usageChunk = false;
    int usageCompletionTokens = -1; // in the usage chunk; < 0: one per content delta
    bool done = true;
    QByteArray midStreamError;
    bool truncate = false;
    int firstTokenDelayMs = 0;
    int chunkDelayMs = 0;
    bool keepAliveComments = false;
    bool crlf = false;
    int splitBytes = 0;
    bool dropBeforeHeaders = false;
    /// With httpStatus != 200: the error body quotes the request's Authorization header, as some
    /// proxies do (a 401 that leaks the key into whatever shows the error).
    bool echoAuthorization = false;

    /// A plain streamed answer made of these deltas.
    [[nodiscard]] static FakeLlmReply withContent(const QStringList &deltas)
    {
        FakeLlmReply reply;
        reply.content = deltas;
        return reply;
    }
};

/**
 * @brief An OpenAI-compatible chat completions server on 127.0.0.1 for tests, demos and benchmarks.
 *
 * Speaks real HTTP/1.1 and server-sent events; replies are scripted per request (FIFO), else it
 * echoes the last user message word by word.
 */
class FakeLlmServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeLlmServer(QObject *parent = nullptr);
    ~FakeLlmServer() override;

    bool listen(quint16 port = 0);
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QUrl baseUrl() const;
    void enqueue(const FakeLlmReply &reply) { m_replies.enqueue(reply); }
    [[nodiscard]] QList<QJsonObject> requests() const { return m_requests; }
    [[nodiscard]] QList<QByteArray> authorizations() const { return m_authorizations; }
    [[nodiscard]] int connectionCount() const;
    /// For the standalone binary: the echo's delay between words.
    void setEchoDelayMs(int ms) { m_echoDelayMs = ms; }
    /// For the standalone binary: a fixed reply instead of the echo.
    void setFixedReply(const QString &text) { m_fixedReply = text; }
    /// Thinking mode: the echo comes with reasoning_content deltas, a leading <think> block split
    /// across deltas, and a usage chunk, as a reasoning model behind llama.cpp sends them.
    void setThinking(bool on) { m_thinking = on; }
    /// Answers 400 to a request with stream_options, as servers that refuse unknown fields do.
    void setRejectStreamOptions(bool on) { m_rejectStreamOptions = on; }
    /// What GET /v1/models lists from now on (at first: fake-model).
    void setModels(const QStringList &ids) { m_models = ids; }
    /// GET /v1/models answers @p status with @p body from now on; 200 lists the models again.
    void setModelsError(int status, const QByteArray &body)
    {
        m_modelsStatus = status;
        m_modelsErrorBody = body;
    }
    /// The GET /v1/models requests so far, with their Authorization headers.
    [[nodiscard]] QList<QByteArray> modelsAuthorizations() const { return m_modelsAuthorizations; }

Q_SIGNALS:
    void requestReceived(const QJsonObject &body);
    void streamFinished();

private:
    void handle(const FakeHttpRequest &request, QTcpSocket *socket);
    void stream(QTcpSocket *socket, const FakeLlmReply &reply, const QString &model);
    FakeLlmReply echoFor(const QJsonObject &body) const;

    FakeHttpServer *m_http;
    QQueue<FakeLlmReply> m_replies;
    QList<QJsonObject> m_requests;
    QList<QByteArray> m_authorizations;
    int m_echoDelayMs = 0;
    QString m_fixedReply;
    bool m_thinking = false;
    bool m_rejectStreamOptions = false;
    QStringList m_models { QStringLiteral("fake-model") };
    int m_modelsStatus = 200;
    QByteArray m_modelsErrorBody;
    QList<QByteArray> m_modelsAuthorizations;
};
