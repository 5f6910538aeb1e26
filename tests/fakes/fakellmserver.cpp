// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakellmserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
QByteArray statusLine(int status)
{
    static const QHash<int, QByteArray> reasons { { 200, "OK" }, { 400, "Bad Request" }, { 401, "Unauthorized" },
        { 403, "Forbidden" }, { 404, "Not Found" }, { 429, "Too Many Requests" }, { 500, "Internal Server Error" },
        { 502, "Bad Gateway" }, { 503, "Service Unavailable" } };
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasons.value(status, "Error") + "\r\n";
}

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
        QTimer::singleShot(delay, this, [this, bytes] {
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
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeLlmServer::onNewConnection);
}

FakeLlmServer::~FakeLlmServer() = default;

bool FakeLlmServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FakeLlmServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeLlmServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port()));
}

void FakeLlmServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeLlmServer::onReadable(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = headers.value("content-length", "0").toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return;
        const QByteArray body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        handle(socket, requestLine.value(0), requestLine.value(1), headers, body);
    }
}

void FakeLlmServer::respond(QTcpSocket *socket, int status, const QByteArray &body, bool keepAlive)
{
    socket->write(statusLine(status)
        + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: " + (keepAlive ? "keep-alive" : "close") + "\r\n\r\n" + body);
    socket->flush();
    if (!keepAlive)
        socket->disconnectFromHost();
}

void FakeLlmServer::handle(QTcpSocket *socket, const QByteArray &method, const QByteArray &path,
    const QHash<QByteArray, QByteArray> &headers, const QByteArray &body)
{
    const bool keepAlive = headers.value("connection").toLower() != "close";
    if (method == "GET" && path == "/v1/models") {
        return respond(socket, 200,
            R"({"object":"list","data":[{"id":"fake-model","object":"model","owned_by":"baton"}]})", keepAlive);
    }
    if (method != "POST" || path != "/v1/chat/completions")
        return respond(socket, 404, R"({"error":{"message":"Not found","type":"invalid_request_error"}})", keepAlive);

    const QJsonObject request = QJsonDocument::fromJson(body).object();
    m_requests.append(request);
    m_authorizations.append(headers.value("authorization"));
    Q_EMIT requestReceived(request);

    const FakeLlmReply reply = m_replies.isEmpty() ? echoFor(request) : m_replies.dequeue();
    if (reply.dropBeforeHeaders) {
        socket->abort();
        return;
    }
    if (reply.httpStatus != 200) {
        QByteArray extra;
        if (reply.httpStatus == 429)
            extra = "Retry-After: 0\r\n";
        socket->write(statusLine(reply.httpStatus) + extra + "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(reply.errorBody.size()) + "\r\nConnection: keep-alive\r\n\r\n" + reply.errorBody);
        socket->flush();
        return;
    }
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
        for (const QString &c : reply.content)
            events << chunkEvent(model, delta(u"content"_s, c), QJsonValue::Null);
    }
    const bool ends = !reply.truncate && reply.midStreamError.isEmpty();
    if (!reply.midStreamError.isEmpty())
        events << reply.midStreamError;
    if (ends && !reply.finishReason.isEmpty())
        events << chunkEvent(model, QJsonObject {}, reply.finishReason);
    if (ends && reply.usageChunk)
        events << QByteArray(R"({"id":"chatcmpl-fake","object":"chat.completion.chunk","choices":[],)"
                             R"("usage":{"prompt_tokens":12,"completion_tokens":)")
                + QByteArray::number(reply.content.size()) + "," + R"("total_tokens":)"
                + QByteArray::number(12 + reply.content.size()) + "}}";
    if (ends && reply.done)
        events << "[DONE]";

    const QByteArray newline = reply.crlf ? "\r\n" : "\n";
    QList<std::pair<int, QByteArray>> steps;
    // Headers first; the stream ends when the connection closes, as many servers do.
    steps.append({ 0,
        statusLine(200) + "Content-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n" });
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
