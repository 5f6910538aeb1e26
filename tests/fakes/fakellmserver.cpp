// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakellmserver.h"

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
QByteArray chunkEvent(const QString &model, const QJsonObject &delta, const QJsonValue &finishReason)
{
    const QJsonObject chunk {
        { "id"_L1, "chatcmpl-fake"_L1 },
        { "object"_L1, "chat.completion.chunk"_L1 },
        { "created"_L1, QDateTime::currentSecsSinceEpoch() },
        { "model"_L1, model },
        { "choices"_L1,
            QJsonArray {
                QJsonObject { { "index"_L1, 0 }, { "delta"_L1, delta }, { "finish_reason"_L1, finishReason } } } },
    };
    return QJsonDocument(chunk).toJson(QJsonDocument::Compact);
}

// Writes pieces one per timer tick so that the client sees them as separate reads.
class PacedWriter : public QObject
{
public:
    PacedWriter(QTcpSocket *socket, QList<std::pair<int, QByteArray>> steps, bool closeAtEnd, FakeLlmServer *server)
        : QObject(socket)
        , m_socket(socket)
        , m_steps(std::move(steps))
        , m_close(closeAtEnd)
        , m_server(server)
    {
        next();
    }

private:
    void next()
    {
        if (m_steps.isEmpty()) {
            m_socket->flush();
            if (m_close)
                m_socket->disconnectFromHost();
            QMetaObject::invokeMethod(m_server, &FakeLlmServer::streamFinished, Qt::QueuedConnection);
            deleteLater();
            return;
        }
        const auto [delay, bytes] = m_steps.takeFirst();
        // An init-capture: clang 14 cannot capture a structured binding itself.
        QTimer::singleShot(delay, this, [this, bytes = bytes] {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                return deleteLater();
            m_socket->write(bytes);
            m_socket->flush();
            next();
        });
    }

    QTcpSocket *m_socket;
    QList<std::pair<int, QByteArray>> m_steps;
    bool m_close;
    FakeLlmServer *m_server;
};
} // namespace

FakeLlmServer::FakeLlmServer(QObject *parent)
    : QObject(parent)
    , m_http(new FakeHttpServer(
          [this](const FakeHttpRequest &request, QTcpSocket *socket) { handle(request, socket); }, this))
{ }

FakeLlmServer::~FakeLlmServer() = default;

bool FakeLlmServer::listen(quint16 port)
{
    return m_http->listen(port);
}

quint16 FakeLlmServer::port() const
{
    return m_http->port();
}

int FakeLlmServer::connectionCount() const
{
    return m_http->connectionCount();
}

QUrl FakeLlmServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port()));
}

void FakeLlmServer::handle(const FakeHttpRequest &http, QTcpSocket *socket)
{
    if (http.method == "GET" && http.path == "/v1/models") {
        m_modelsAuthorizations.append(http.headers.value("authorization"));
        if (m_modelsStatus != 200)
            return FakeHttpServer::respond(socket, m_modelsStatus, "application/json", m_modelsErrorBody);
        QJsonArray data;
        for (const QString &id : std::as_const(m_models))
            data.append(QJsonObject { { "id"_L1, id }, { "object"_L1, "model"_L1 }, { "owned_by"_L1, "baton"_L1 } });
        return FakeHttpServer::respond(socket, 200, "application/json",
            QJsonDocument(QJsonObject { { "object"_L1, "list"_L1 }, { "data"_L1, data } })
                .toJson(QJsonDocument::Compact));
    }
    if (http.method != "POST" || http.path != "/v1/chat/completions")
        return FakeHttpServer::respond(
            socket, 404, "application/json", R"({"error":{"message":"Not found","type":"invalid_request_error"}})");

    const QJsonObject request = QJsonDocument::fromJson(http.body).object();
    m_requests.append(request);
    m_authorizations.append(http.headers.value("authorization"));
    Q_EMIT requestReceived(request);

    if (m_rejectStreamOptions && request.contains("stream_options"_L1))
        return FakeHttpServer::respond(socket, 400, "application/json",
            R"({"error":{"message":"Unrecognized request argument supplied: stream_options","type":"invalid_request_error"}})");
    const FakeLlmReply reply = m_replies.isEmpty() ? echoFor(request) : m_replies.dequeue();
    if (reply.dropBeforeHeaders) {
        socket->abort();
        return;
    }
    if (reply.httpStatus != 200 && reply.echoAuthorization) {
        const QJsonObject error { { "message"_L1,
            u"Incorrect API key provided. You sent: Authorization: %1"_s.arg(
                QString::fromUtf8(http.headers.value("authorization"))) } };
        return FakeHttpServer::respond(socket, reply.httpStatus, "application/json",
            QJsonDocument(QJsonObject { { "error"_L1, error } }).toJson(QJsonDocument::Compact));
    }
    if (reply.httpStatus != 200)
        return FakeHttpServer::respond(socket, reply.httpStatus, "application/json", reply.errorBody,
            reply.httpStatus == 429 && !reply.retryAfter.isEmpty() ? "Retry-After: " + reply.retryAfter + "\r\n"
                                                                   : QByteArray());
    stream(socket, reply, request.value("model"_L1).toString());
}

FakeLlmReply FakeLlmServer::echoFor(const QJsonObject &body) const
{
    QString last;
    for (const QJsonValue &m : body.value("messages"_L1).toArray()) {
        if (m.toObject().value("role"_L1).toString() == "user"_L1)
            last = m.toObject().value("content"_L1).toString();
    }
    FakeLlmReply reply;
    reply.chunkDelayMs = m_echoDelayMs;
    const QString text = m_fixedReply.isEmpty() ? u"You said: "_s + last : m_fixedReply;
    const QStringList words = text.split(u' ');
    for (qsizetype i = 0; i < words.size(); ++i)
        reply.content << (i + 1 < words.size() ? words.at(i) + u' ' : words.at(i));
    if (m_thinking) {
        reply.reasoningContent = { u"The person wrote "_s, u"something; "_s };
        reply.content = QStringList { u"<thi"_s, u"nk>I will echo"_s, u" it.</th"_s, u"ink>\n\n"_s } + reply.content;
        reply.usageChunk = true;
        reply.usageCompletionTokens = int(reply.content.size() + reply.reasoningContent.size());
    }
    return reply;
}

void FakeLlmServer::stream(QTcpSocket *socket, const FakeLlmReply &reply, const QString &model)
{
    QByteArrayList events;
    bool first = true;
    auto delta = [&first](const QString &key, const QString &text) {
        QJsonObject d { { key, text } };
        if (first)
            d.insert("role"_L1, "assistant"_L1);
        first = false;
        return d;
    };
    if (!reply.rawEvents.isEmpty())
        events = reply.rawEvents;
    else {
        for (const QString &r : reply.reasoning)
            events << chunkEvent(model, delta(u"reasoning"_s, r), QJsonValue::Null);
        for (const QString &r : reply.reasoningContent)
            events << chunkEvent(model, delta(u"reasoning_content"_s, r), QJsonValue::Null);
        for (const QString &c : reply.content)
            events << chunkEvent(model, delta(u"content"_s, c), QJsonValue::Null);
    }
    const bool ends = !reply.truncate && reply.midStreamError.isEmpty();
    if (!reply.midStreamError.isEmpty())
        events << reply.midStreamError;
    if (ends && !reply.finishReason.isEmpty())
        events << chunkEvent(model, QJsonObject {}, reply.finishReason);
    const qsizetype completion = reply.usageCompletionTokens < 0 ? reply.content.size() : reply.usageCompletionTokens;
    if (ends && reply.usageChunk)
        events << QByteArray(R"({"id":"chatcmpl-fake","object":"chat.completion.chunk","choices":[],)"
                             R"("usage":{"prompt_tokens":12,"completion_tokens":)")
                + QByteArray::number(completion) + "," + R"("total_tokens":)" + QByteArray::number(12 + completion)
                + "}}";
    if (ends && reply.done)
        events << "[DONE]";

    const QByteArray newline = reply.crlf ? "\r\n" : "\n";
    QList<std::pair<int, QByteArray>> steps;
    // Headers first; the stream ends when the connection closes, as many servers do.
    steps.append({ 0,
        FakeHttpServer::statusLine(200)
            + "Content-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n" });
    for (qsizetype i = 0; i < events.size(); ++i) {
        QByteArray bytes;
        if (reply.keepAliveComments)
            bytes += ": keep-alive" + newline + newline;
        bytes += "data: " + events.at(i) + newline + newline;
        int delay = i == 0 ? reply.firstTokenDelayMs : reply.chunkDelayMs;
        if (reply.splitBytes > 0) {
            for (qsizetype at = 0; at < bytes.size(); at += reply.splitBytes) {
                steps.append({ delay, bytes.mid(at, reply.splitBytes) });
                delay = 1;
            }
        } else
            steps.append({ delay, bytes });
    }
    new PacedWriter(socket, steps, true, this);
}
