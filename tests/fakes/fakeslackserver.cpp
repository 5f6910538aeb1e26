// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeslackserver.h"

#include "fakehttpserver.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype maxTextLength = 40000;

QJsonObject error(const QString &code)
{
    return { { "ok"_L1, false }, { "error"_L1, code } };
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void reply(QTcpSocket *socket, const QJsonObject &body, int status = 200, const QByteArray &extraHeaders = {})
{
    FakeHttpServer::respond(socket, status, "application/json; charset=utf-8", compact(body), extraHeaders);
}

/// A ts parameter: a string, or absent. Anything else (a number a client made of it) is not a ts.
bool tsParameter(const QJsonObject &params, QLatin1StringView key, QString *ts)
{
    const QJsonValue value = params.value(key);
    *ts = value.toString();
    return value.isUndefined() || value.isNull() || value.isString();
}
} // namespace

FakeSlackServer::FakeSlackServer(const QString &botToken, const QString &appToken, QObject *parent)
    : QObject(parent)
    , m_botToken(botToken)
    , m_appToken(appToken)
    , m_http(new FakeHttpServer(
          [this](const FakeHttpRequest &request, QTcpSocket *socket) { handle(request, socket); }, this))
    , m_ws(new QWebSocketServer(u"fake-slack"_s, QWebSocketServer::NonSecureMode, this))
{
    connect(m_ws, &QWebSocketServer::newConnection, this, &FakeSlackServer::onNewConnection);
}

FakeSlackServer::~FakeSlackServer()
{
    // Tear the sockets down while the bookkeeping their signals touch still exists.
    const QList<QWebSocket *> sockets = m_sockets.values();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
    m_sockets.clear();
    m_live.clear();
    m_closing.clear();
}

bool FakeSlackServer::listen(quint16 httpPort)
{
    return m_http->listen(httpPort) && m_ws->listen(QHostAddress::LocalHost, 0);
}

QString FakeSlackServer::apiBase() const
{
    return u"http://127.0.0.1:%1/api"_s.arg(m_http->port());
}

quint16 FakeSlackServer::webSocketPort() const
{
    return m_ws->serverPort();
}

void FakeSlackServer::addChannel(const QString &channelId, const QString &name)
{
    m_channels.insert(channelId, Channel { name, u"channel"_s, {} });
}

void FakeSlackServer::addIm(const QString &channelId, const QString &userId)
{
    m_channels.insert(channelId, Channel { {}, u"im"_s, userId });
}

QString FakeSlackServer::channelType(const QString &channelId) const
{
    return m_channels.value(channelId).type;
}

void FakeSlackServer::rateLimitNext(const QString &method, int retryAfterSeconds)
{
    m_faults[method].enqueue(Fault { std::max(retryAfterSeconds, 1), u"ratelimited"_s, {}, 0, false });
}

void FakeSlackServer::rateLimitNextWith(const QString &method, const QByteArray &retryAfter)
{
    m_faults[method].enqueue(Fault { 0, u"ratelimited"_s, retryAfter, 0, false });
}

void FakeSlackServer::failNext(const QString &method, const QString &error)
{
    m_faults[method].enqueue(Fault { 0, error, {}, 0, false });
}

QList<FakeSlackServer::Call> FakeSlackServer::calls(const QString &method) const
{
    if (method.isEmpty())
        return m_calls;
    QList<Call> matching;
    for (const Call &call : m_calls) {
        if (call.method == method)
            matching << call;
    }
    return matching;
}

QStringList FakeSlackServer::botMessages(const QString &channelId, const QString &threadTs) const
{
    QStringList texts;
    for (const Stored &m : m_messages) {
        if (m.fromBot && m.channel == channelId && m.threadTs == threadTs)
            texts << m.text;
    }
    return texts;
}

QString FakeSlackServer::nextTs()
{
    // Whole hundreds of microseconds, so the ts always ends in "00": a client that turns it into a
    // double and back gets a different string (and at 16 digits, often a different value).
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    m_lastTsMicros = std::max(now, m_lastTsMicros + 100);
    return u"%1.%2"_s.arg(m_lastTsMicros / 1000000).arg(m_lastTsMicros % 1000000, 6, 10, QChar(u'0'));
}

// ---- Web API ----

void FakeSlackServer::handle(const FakeHttpRequest &request, QTcpSocket *socket)
{
    const QString path = QString::fromUtf8(request.path);
    if (!path.startsWith("/api/"_L1))
        return FakeHttpServer::respond(socket, 404, "text/plain; charset=utf-8", "Not Found\n");
    const QString method = path.mid(5);

    QJsonObject params;
    bool invalidJson = false;
    if (request.headers.value("content-type").toLower().startsWith("application/json")) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        invalidJson = !request.body.trimmed().isEmpty() && !document.isObject();
        params = document.object();
    } else if (!request.body.isEmpty()) {
        QByteArray body = request.body;
        body.replace('+', "%20"); // form encoding's space; a real '+' comes as %2B
        const QUrlQuery form(QString::fromUtf8(body));
        for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
            params.insert(key, value);
    }
    // Slack's read methods take their arguments from a form or the query string, never from JSON.
    if (method.startsWith("conversations."_L1)
        && request.headers.value("content-type").toLower().startsWith("application/json"))
        params = {};
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded))
        params.insert(key, value);
    const QByteArray authorization = request.headers.value("authorization");
    m_calls << Call { method, params, authorization };
    Q_EMIT called(method, params);

    if (!m_faults.value(method).isEmpty()) {
        const Fault fault = m_faults[method].dequeue();
        if (fault.http && fault.status == 0)
            return socket->abort();
        if (fault.http)
            return FakeHttpServer::respond(socket, fault.status, "text/plain", "upstream trouble");
        if (!fault.retryAfterHeader.isNull())
            return reply(socket, error(fault.error), 429, "Retry-After: " + fault.retryAfterHeader + "\r\n");
        if (fault.retryAfter > 0)
            return reply(
                socket, error(fault.error), 429, "Retry-After: " + QByteArray::number(fault.retryAfter) + "\r\n");
        return reply(socket, error(fault.error));
    }
    reply(socket, invalidJson ? error(u"invalid_json"_s) : dispatch(method, params, authorization));
}

QJsonObject FakeSlackServer::dispatch(const QString &method, const QJsonObject &params, const QByteArray &authorization)
{
    const bool botAuth = authorization == "Bearer " + m_botToken.toUtf8();
    const bool appAuth = authorization == "Bearer " + m_appToken.toUtf8();
    if (method == "apps.connections.open"_L1) {
        if (!appAuth)
            return error(botAuth ? u"not_allowed_token_type"_s : u"invalid_auth"_s);
        const QString ticket = uuid();
        m_tickets.insert(ticket);
        ++m_connectionsOpened;
        return { { "ok"_L1, true },
            { "url"_L1, u"ws://127.0.0.1:%1/link/?ticket=%2"_s.arg(webSocketPort()).arg(ticket) } };
    }
    static const QStringList botMethods = { u"auth.test"_s, u"chat.postMessage"_s, u"chat.update"_s,
        u"conversations.history"_s, u"conversations.replies"_s, u"conversations.info"_s };
    if (!botMethods.contains(method))
        return error(u"unknown_method"_s);
    if (!botAuth)
        return error(u"invalid_auth"_s);
    if (method == "auth.test"_L1)
        return { { "ok"_L1, true }, { "url"_L1, "https://fake.slack.com/"_L1 }, { "team"_L1, "Fake"_L1 },
            { "user"_L1, "baton"_L1 }, { "team_id"_L1, teamId }, { "user_id"_L1, botUserId }, { "bot_id"_L1, botId } };
    if (method == "chat.postMessage"_L1)
        return postMessage(params);
    if (method == "conversations.history"_L1)
        return history(params);
    if (method == "conversations.replies"_L1)
        return replies(params);
    if (method == "conversations.info"_L1) {
        const QString id = params.value("channel"_L1).toString();
        if (!m_channels.contains(id))
            return error(u"channel_not_found"_s);
        const Channel channel = m_channels.value(id);
        const bool im = channel.type == "im"_L1;
        return { { "ok"_L1, true },
            { "channel"_L1,
                QJsonObject { { "id"_L1, id }, { "name"_L1, channel.name }, { "is_channel"_L1, !im },
                    { "is_im"_L1, im }, { "is_member"_L1, !m_outsideOf.contains(id) } } } };
    }
    return update(params);
}

namespace {
// ts values are "seconds.micro" with fixed digits after the dot: a shorter one is older.
bool tsLess(const QString &a, const QString &b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// One page of @p messages from the offset in `cursor` ("o:N"), as Slack pages: has_more and next_cursor.
QJsonObject page(const QJsonObject &params, const QJsonArray &messages)
{
    const qsizetype offset = params.value("cursor"_L1).toString().mid(2).toLongLong();
    const qsizetype limit = params.contains("limit"_L1)
        ? std::clamp<qsizetype>(params.value("limit"_L1).toVariant().toLongLong(), 1, 999)
        : 100;
    QJsonArray slice;
    for (qsizetype i = offset; i < messages.size() && i < offset + limit; ++i)
        slice << messages.at(i);
    const bool more = offset + slice.size() < messages.size();
    return { { "ok"_L1, true }, { "messages"_L1, slice }, { "has_more"_L1, more },
        { "response_metadata"_L1,
            QJsonObject { { "next_cursor"_L1, more ? u"o:%1"_s.arg(offset + slice.size()) : QString() } } } };
}
} // namespace

QJsonObject FakeSlackServer::messageObject(const Stored &m) const
{
    QJsonObject message { { "type"_L1, "message"_L1 }, { "user"_L1, m.user }, { "text"_L1, m.text },
        { "ts"_L1, m.ts } };
    if (!m.threadTs.isEmpty())
        message.insert("thread_ts"_L1, m.threadTs);
    if (m.fromBot)
        message.insert("bot_id"_L1, botId);
    return message;
}

QJsonObject FakeSlackServer::history(const QJsonObject &params) const
{
    const QString channel = params.value("channel"_L1).toString();
    if (!m_channels.contains(channel))
        return error(u"channel_not_found"_s);
    const QString oldest = params.value("oldest"_L1).toString();
    QJsonArray messages;
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        const bool topLevel = it->threadTs.isEmpty() || it->threadTs == it->ts;
        if (it->channel == channel && topLevel && (oldest.isEmpty() || tsLess(oldest, it->ts)))
            messages << messageObject(*it);
    }
    return page(params, messages);
}

QJsonObject FakeSlackServer::replies(const QJsonObject &params) const
{
    const QString channel = params.value("channel"_L1).toString();
    if (!m_channels.contains(channel))
        return error(u"channel_not_found"_s);
    const QString parent = params.value("ts"_L1).toString();
    const QString oldest = params.value("oldest"_L1).toString();
    QJsonArray messages;
    bool found = false;
    for (const Stored &m : m_messages) {
        if (m.channel != channel)
            continue;
        if (m.ts == parent) {
            found = true;
            messages.prepend(messageObject(m)); // the parent always leads
        } else if (m.threadTs == parent && (oldest.isEmpty() || tsLess(oldest, m.ts))) {
            messages << messageObject(m);
        }
    }
    if (!found)
        return error(u"thread_not_found"_s);
    return page(params, messages);
}

int FakeSlackServer::giveUpOnWaitingEvents()
{
    const QList<Delivery> dropped = std::exchange(m_waiting, {});
    return int(dropped.size());
}

QJsonObject FakeSlackServer::postMessage(const QJsonObject &params)
{
    const QString channel = params.value("channel"_L1).toString();
    const QString text = params.value("text"_L1).toString();
    QString threadTs;
    if (!m_channels.contains(channel))
        return error(u"channel_not_found"_s);
    if (!tsParameter(params, "thread_ts"_L1, &threadTs))
        return error(u"invalid_arguments"_s);
    if (text.isEmpty())
        return error(u"no_text"_s);
    if (text.size() > maxTextLength)
        return error(u"msg_too_long"_s);

    const QString ts = nextTs();
    m_messages << Stored { channel, ts, threadTs, text, botUserId, true };
    QJsonObject message { { "type"_L1, "message"_L1 }, { "text"_L1, text }, { "user"_L1, botUserId },
        { "bot_id"_L1, botId }, { "ts"_L1, ts } };
    if (!threadTs.isEmpty())
        message.insert("thread_ts"_L1, threadTs);

    // What the app sees of its own post: clients must recognise and skip it.
    QJsonObject event { { "type"_L1, "message"_L1 }, { "subtype"_L1, "bot_message"_L1 }, { "channel"_L1, channel },
        { "channel_type"_L1, channelType(channel) }, { "user"_L1, botUserId }, { "bot_id"_L1, botId },
        { "text"_L1, text }, { "ts"_L1, ts }, { "event_ts"_L1, ts }, { "team"_L1, teamId } };
    if (!threadTs.isEmpty())
        event.insert("thread_ts"_L1, threadTs);
    publish(event);

    return { { "ok"_L1, true }, { "channel"_L1, channel }, { "ts"_L1, ts }, { "message"_L1, message } };
}

QJsonObject FakeSlackServer::update(const QJsonObject &params)
{
    const QString channel = params.value("channel"_L1).toString();
    const QString text = params.value("text"_L1).toString();
    QString ts;
    if (!m_channels.contains(channel))
        return error(u"channel_not_found"_s);
    if (!tsParameter(params, "ts"_L1, &ts))
        return error(u"invalid_arguments"_s);
    for (Stored &m : m_messages) {
        if (m.channel != channel || m.ts != ts)
            continue;
        if (!m.fromBot)
            return error(u"cant_update_message"_s);
        if (text.isEmpty())
            return error(u"no_text"_s);
        if (text.size() > maxTextLength)
            return error(u"msg_too_long"_s);
        m.text = text;
        return { { "ok"_L1, true }, { "channel"_L1, channel }, { "ts"_L1, ts }, { "text"_L1, text } };
    }
    return error(u"message_not_found"_s);
}

// ---- Socket Mode ----

QString FakeSlackServer::userSends(
    const QString &userId, const QString &channelId, const QString &text, const QString &threadTs)
{
    if (!m_channels.contains(channelId)) {
        if (channelId.startsWith(u'D'))
            addIm(channelId, userId);
        else
            addChannel(channelId, channelId);
    }
    const QString ts = nextTs();
    m_messages << Stored { channelId, ts, threadTs, text, userId, false };
    QJsonObject event { { "type"_L1, "message"_L1 }, { "channel"_L1, channelId },
        { "channel_type"_L1, channelType(channelId) }, { "user"_L1, userId }, { "text"_L1, text }, { "ts"_L1, ts },
        { "event_ts"_L1, ts }, { "team"_L1, teamId } };
    if (!threadTs.isEmpty())
        event.insert("thread_ts"_L1, threadTs);
    publish(event);
    return ts;
}

void FakeSlackServer::onNewConnection()
{
    while (QWebSocket *socket = m_ws->nextPendingConnection()) {
        m_sockets.insert(socket);
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            retire(socket);
            m_sockets.remove(socket);
            socket->deleteLater();
        });
        // A ticket is good for one connection.
        const QString ticket = QUrlQuery(socket->requestUrl()).queryItemValue(u"ticket"_s);
        if (ticket.isEmpty() || !m_tickets.remove(ticket)) {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"invalid ticket"_s);
            continue;
        }
        connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &frame) { onFrame(socket, frame); });
        m_live << socket;
        socket->sendTextMessage(QString::fromUtf8(compact({ { "type"_L1, "hello"_L1 },
            { "num_connections"_L1, int(m_live.size()) },
            { "debug_info"_L1, QJsonObject { { "host"_L1, "fake"_L1 }, { "approximate_connection_time"_L1, 18060 } } },
            { "connection_info"_L1, QJsonObject { { "app_id"_L1, appId } } } })));
        const QList<Delivery> waiting = std::exchange(m_waiting, {});
        for (const Delivery &delivery : waiting)
            send(delivery, socket);
    }
}

void FakeSlackServer::onFrame(QWebSocket *socket, const QString &frame)
{
    Q_UNUSED(socket)
    const QString envelopeId = QJsonDocument::fromJson(frame.toUtf8()).object().value("envelope_id"_L1).toString();
    if (!m_issuedEnvelopes.contains(envelopeId))
        return;
    ++m_acks;
    if (const auto it = m_inFlight.constFind(envelopeId); it != m_inFlight.constEnd()) {
        it->timer->stop();
        it->timer->deleteLater();
        m_inFlight.erase(it);
    }
    Q_EMIT acked(envelopeId);
}

void FakeSlackServer::retire(QWebSocket *socket)
{
    if (!m_live.removeOne(socket))
        return;
    m_closing.remove(socket);
    QList<Delivery> stranded;
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
        if (it->socket == socket) {
            stranded << *it;
            it = m_inFlight.erase(it);
        } else
            ++it;
    }
    std::sort(
        stranded.begin(), stranded.end(), [](const Delivery &a, const Delivery &b) { return a.sequence < b.sequence; });
    for (const Delivery &delivery : std::as_const(stranded)) {
        delivery.timer->stop();
        delivery.timer->deleteLater();
        redeliver(delivery);
    }
}

void FakeSlackServer::publish(const QJsonObject &event)
{
    const QJsonObject payload { { "token"_L1, "x"_L1 }, { "team_id"_L1, teamId }, { "api_app_id"_L1, appId },
        { "event"_L1, event }, { "type"_L1, "event_callback"_L1 },
        { "event_id"_L1, u"Ev%1"_s.arg(m_nextEventId++, 9, 10, QChar(u'0')) },
        { "event_time"_L1, event.value("ts"_L1).toString().section(u'.', 0, 0).toLongLong() } };
    const int copies = std::exchange(m_duplicateNext, false) ? 2 : 1;
    for (int i = 0; i < copies; ++i) {
        Delivery delivery;
        delivery.sequence = m_nextSequence++;
        delivery.payload = payload;
        deliverFresh(delivery);
    }
}

void FakeSlackServer::deliverFresh(Delivery delivery)
{
    if (QWebSocket *socket = pickConnection())
        return send(delivery, socket);
    redeliver(delivery); // nobody there: it counts as a first attempt that timed out
}

void FakeSlackServer::redeliver(Delivery delivery)
{
    delivery.retryAttempt += 1;
    delivery.retryReason = u"timeout"_s;
    delivery.socket = nullptr;
    delivery.timer = nullptr;
    if (QWebSocket *socket = pickConnection())
        send(delivery, socket);
    else
        m_waiting << delivery;
}

void FakeSlackServer::send(Delivery delivery, QWebSocket *socket)
{
    const QString envelopeId = uuid();
    m_issuedEnvelopes.insert(envelopeId);
    delivery.socket = socket;
    delivery.timer = new QTimer(this);
    delivery.timer->setSingleShot(true);
    connect(delivery.timer, &QTimer::timeout, this, [this, envelopeId] { onAckTimeout(envelopeId); });
    delivery.timer->start(m_ackTimeoutMs);
    m_inFlight.insert(envelopeId, delivery);
    socket->sendTextMessage(
        QString::fromUtf8(compact({ { "envelope_id"_L1, envelopeId }, { "type"_L1, "events_api"_L1 },
            { "accepts_response_payload"_L1, false }, { "retry_attempt"_L1, delivery.retryAttempt },
            { "retry_reason"_L1, delivery.retryReason }, { "payload"_L1, delivery.payload } })));
}

void FakeSlackServer::onAckTimeout(const QString &envelopeId)
{
    const auto it = m_inFlight.find(envelopeId);
    if (it == m_inFlight.end())
        return;
    const Delivery delivery = *it;
    m_inFlight.erase(it);
    delivery.timer->deleteLater();
    redeliver(delivery);
}

QWebSocket *FakeSlackServer::pickConnection() const
{
    for (auto it = m_live.crbegin(); it != m_live.crend(); ++it) {
        if (!m_closing.contains(*it))
            return *it;
    }
    return nullptr;
}

void FakeSlackServer::sendDisconnect(const QString &reason)
{
    const QList<QWebSocket *> live = m_live;
    for (QWebSocket *socket : live) {
        if (m_closing.contains(socket))
            continue;
        m_closing.insert(socket);
        socket->sendTextMessage(QString::fromUtf8(compact({ { "type"_L1, "disconnect"_L1 }, { "reason"_L1, reason },
            { "debug_info"_L1, QJsonObject { { "host"_L1, "fake"_L1 } } } })));
        QTimer::singleShot(100, socket, [this, socket] {
            retire(socket);
            socket->close(QWebSocketProtocol::CloseCodeNormal);
        });
    }
}

void FakeSlackServer::dropConnections()
{
    const QList<QWebSocket *> sockets = m_sockets.values();
    for (QWebSocket *socket : sockets) {
        retire(socket);
        socket->abort();
    }
}
