// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakediscordserver.h"

#include "fakehttpserver.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <chrono>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// Gateway intents (bits).
constexpr qint64 intentGuilds = 1 << 0;
constexpr qint64 intentGuildMembers = 1 << 1;
constexpr qint64 intentGuildPresences = 1 << 8;
constexpr qint64 intentGuildMessages = 1 << 9;
constexpr qint64 intentDirectMessages = 1 << 12;
constexpr qint64 intentMessageContent = 1 << 15;
constexpr qint64 intentsKnown = (qint64(1) << 26) - 1;

constexpr qint64 discordEpochMs = 1420070400000;
constexpr int maxContent = 2000;
constexpr qint64 nonceWindowMs = 5 * 60'000; // "a few minutes" in Discord's words
constexpr int maxPayloadBytes = 4096;
constexpr int sendBudget = 120;
constexpr qint64 sendWindowMs = 60'000;

QJsonObject apiError(int code, const QString &message)
{
    return { { "message"_L1, message }, { "code"_L1, code } };
}

QJsonObject formError(const QString &field, const QString &code, const QString &message)
{
    const QJsonObject fieldErrors { { "_errors"_L1,
        QJsonArray { QJsonObject { { "code"_L1, code }, { "message"_L1, message } } } } };
    return { { "code"_L1, 50035 }, { "message"_L1, "Invalid Form Body"_L1 },
        { "errors"_L1, QJsonObject { { field, fieldErrors } } } };
}

QJsonObject tooLong()
{
    return formError(u"content"_s, u"BASE_TYPE_MAX_LENGTH"_s, u"Must be 2000 or fewer in length."_s);
}

QString timestampNow()
{
    // Discord's ISO 8601: microseconds and an explicit offset.
    return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz"_s) + u"000+00:00"_s;
}

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool isThreadType(int type)
{
    return type == 10 || type == 11 || type == 12;
}

bool isNumeric(const QString &segment)
{
    if (segment.isEmpty())
        return false;
    for (const QChar c : segment) {
        if (!c.isDigit())
            return false;
    }
    return true;
}

// A plausible per-route bucket: the route's shape (ids stripped) hashed, as Discord's opaque buckets look.
QByteArray bucketFor(const QString &method, const QStringList &parts)
{
    QStringList shape;
    for (const QString &part : parts)
        shape << (isNumeric(part) ? u":id"_s : part);
    return QCryptographicHash::hash((method + u' ' + shape.join(u'/')).toUtf8(), QCryptographicHash::Md5).toHex();
}

QByteArray rateHeaders(const QByteArray &bucket, int remaining, double resetAfter)
{
    const double resetAt = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 + resetAfter;
    return "X-RateLimit-Limit: 5\r\nX-RateLimit-Remaining: " + QByteArray::number(remaining) + "\r\nX-RateLimit-Reset: "
        + QByteArray::number(resetAt, 'f', 3) + "\r\nX-RateLimit-Reset-After: " + QByteArray::number(resetAfter, 'f', 3)
        + "\r\nX-RateLimit-Bucket: " + bucket + "\r\n";
}

bool sessionSurvives(int closeCode)
{
    return closeCode == 4000 || closeCode == 4002 || closeCode == 4008;
}
} // namespace

FakeDiscordServer::FakeDiscordServer(const QString &token, QObject *parent)
    : QObject(parent)
    , m_token(token)
    , m_http(new FakeHttpServer(
          [this](const FakeHttpRequest &request, QTcpSocket *socket) { handle(request, socket); }, this))
    , m_ws(new QWebSocketServer(u"baton-fake-discord"_s, QWebSocketServer::NonSecureMode, this))
{
    connect(m_ws, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_ws->nextPendingConnection()) {
            ++m_connectionsAccepted;
            m_connections.insert(socket, Connection {});
            connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &message) { onFrame(socket, message.toUtf8()); });
            connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, socket](const QByteArray &message) { onFrame(socket, message); });
            // Unless we closed or dropped it ourselves, aboutToClose means the client's close frame
            // came; a client that vanishes never emits it (closeCode() then reads 1000 though no one
            // said so, which is why the code is taken only here).
            connect(socket, &QWebSocket::aboutToClose, this, [this, socket] {
                const auto it = m_connections.find(socket);
                if (it != m_connections.end() && !it->closingByServer && !it->droppedByServer
                    && it->clientCloseCode == 0)
                    it->clientCloseCode = int(socket->closeCode());
            });
            connect(socket, &QWebSocket::disconnected, this, [this, socket] {
                const auto it = m_connections.constFind(socket);
                if (it != m_connections.cend()) {
                    // A client closing with 1000/1001 ends its session, as on Discord; a broken
                    // connection or any other code leaves it resumable.
                    if (it->clientCloseCode == 1000 || it->clientCloseCode == 1001)
                        endSessionOf(socket);
                    m_connections.remove(socket);
                }
                for (Session &session : m_sessions) {
                    if (session.socket == socket)
                        session.socket = nullptr;
                }
                socket->deleteLater();
            });
            send(socket,
                QJsonObject { { "op"_L1, 10 },
                    { "d"_L1, QJsonObject { { "heartbeat_interval"_L1, m_heartbeatInterval } } },
                    { "s"_L1, QJsonValue::Null }, { "t"_L1, QJsonValue::Null } });
        }
    });
}

FakeDiscordServer::~FakeDiscordServer()
{
    for (QWebSocket *socket : m_connections.keys()) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
    m_connections.clear();
}

bool FakeDiscordServer::listen(quint16 port, quint16 gatewayPort)
{
    return m_http->listen(port) && m_ws->listen(QHostAddress::LocalHost, gatewayPort);
}

QString FakeDiscordServer::apiBase() const
{
    return u"http://127.0.0.1:%1/api/v10"_s.arg(m_http->port());
}

QString FakeDiscordServer::gatewayUrl() const
{
    return u"ws://127.0.0.1:%1"_s.arg(m_ws->serverPort());
}

// ---------------------------------------------------------------------------------------------------------------
// The world

void FakeDiscordServer::addGuildChannel(const QString &guildId, const QString &channelId, const QString &name, int type)
{
    if (!m_guilds.contains(guildId))
        m_guilds << guildId;
    if (!m_channels.contains(channelId))
        m_channelOrder << channelId;
    Channel c;
    c.id = channelId;
    c.type = type;
    c.guildId = guildId;
    c.name = name;
    c.createdAt = timestampNow();
    m_channels.insert(channelId, c);
}

void FakeDiscordServer::addDmChannel(const QString &channelId, const QString &userId)
{
    if (!m_channels.contains(channelId))
        m_channelOrder << channelId;
    Channel c;
    c.id = channelId;
    c.type = 1;
    c.recipientId = userId;
    c.createdAt = timestampNow();
    m_channels.insert(channelId, c);
}

QString FakeDiscordServer::nextSnowflake()
{
    qint64 id = (QDateTime::currentMSecsSinceEpoch() - discordEpochMs) << 22;
    if (id <= m_lastSnowflake)
        id = m_lastSnowflake + 1;
    m_lastSnowflake = id;
    return QString::number(id);
}

QJsonObject FakeDiscordServer::userObject(const QString &userId, bool isBot)
{
    if (userId == botUserId)
        return { { "id"_L1, botUserId }, { "username"_L1, "baton"_L1 }, { "bot"_L1, true },
            { "discriminator"_L1, "0"_L1 }, { "global_name"_L1, QJsonValue::Null }, { "avatar"_L1, QJsonValue::Null } };
    QJsonObject user { { "id"_L1, userId }, { "username"_L1, QString(u"user"_s + userId) },
        { "discriminator"_L1, "0"_L1 }, { "global_name"_L1, QJsonValue::Null }, { "avatar"_L1, QJsonValue::Null } };
    if (isBot)
        user.insert("bot"_L1, true);
    return user;
}

QJsonObject FakeDiscordServer::channelObject(const Channel &c) const
{
    QJsonObject object { { "id"_L1, c.id }, { "type"_L1, c.type } };
    if (!c.guildId.isEmpty())
        object.insert("guild_id"_L1, c.guildId);
    if (!c.parentId.isEmpty())
        object.insert("parent_id"_L1, c.parentId);
    if (!c.name.isEmpty())
        object.insert("name"_L1, c.name);
    if (c.type == 1) {
        object.insert("recipients"_L1, QJsonArray { userObject(c.recipientId, false) });
        object.insert("last_message_id"_L1, QJsonValue::Null);
    } else if (isThreadType(c.type)) {
        object.insert("owner_id"_L1, botUserId);
        object.insert("thread_metadata"_L1,
            QJsonObject { { "archived"_L1, false }, { "auto_archive_duration"_L1, c.autoArchiveDuration },
                { "archive_timestamp"_L1, c.createdAt }, { "locked"_L1, false },
                { "create_timestamp"_L1, c.createdAt } });
        qsizetype count = 0;
        for (const Message &m : m_messages)
            count += m.channelId == c.id ? 1 : 0;
        object.insert("message_count"_L1, qint64(count));
        object.insert("member_count"_L1, 1);
    } else {
        object.insert("position"_L1, qint64(m_channelOrder.indexOf(c.id)));
        object.insert("nsfw"_L1, false);
    }
    return object;
}

QString FakeDiscordServer::guildOf(const QString &channelId) const
{
    return m_channels.value(channelId).guildId;
}

QJsonObject FakeDiscordServer::messageObject(const Message &m, bool withGuild) const
{
    QJsonObject object { { "id"_L1, m.id }, { "channel_id"_L1, m.channelId },
        { "author"_L1, userObject(m.authorId, m.authorIsBot) }, { "content"_L1, m.content }, { "type"_L1, m.type },
        { "timestamp"_L1, m.timestamp },
        { "edited_timestamp"_L1, m.editedTimestamp.isEmpty() ? QJsonValue(QJsonValue::Null) : m.editedTimestamp },
        { "tts"_L1, false }, { "mention_everyone"_L1, false }, { "mentions"_L1, QJsonArray {} },
        { "mention_roles"_L1, QJsonArray {} }, { "attachments"_L1, QJsonArray {} }, { "embeds"_L1, QJsonArray {} },
        { "pinned"_L1, false }, { "flags"_L1, 0 } };
    const QString guild = guildOf(m.channelId);
    if (withGuild && !guild.isEmpty())
        object.insert("guild_id"_L1, guild);
    if (!m.referencedId.isEmpty()) {
        QJsonObject reference { { "type"_L1, 0 }, { "message_id"_L1, m.referencedId },
            { "channel_id"_L1, m.channelId } };
        if (!guild.isEmpty())
            reference.insert("guild_id"_L1, guild);
        object.insert("message_reference"_L1, reference);
    }
    return object;
}

FakeDiscordServer::Message *FakeDiscordServer::findMessage(const QString &messageId)
{
    for (Message &m : m_messages) {
        if (m.id == messageId)
            return &m;
    }
    return nullptr;
}

QString FakeDiscordServer::userSends(
    const QString &userId, const QString &channelId, const QString &content, int type, bool isBot)
{
    if (!m_channels.contains(channelId))
        addDmChannel(channelId, userId);
    Message m;
    m.id = nextSnowflake();
    m.channelId = channelId;
    m.authorId = userId;
    m.authorIsBot = isBot;
    m.content = content;
    m.type = type;
    m.timestamp = timestampNow();
    if (type == 19) { // a reply: to the channel's last message
        for (qsizetype i = m_messages.size() - 1; i >= 0; --i) {
            if (m_messages.at(i).channelId == channelId) {
                m.referencedId = m_messages.at(i).id;
                break;
            }
        }
    }
    m_messages << m;
    dispatch(u"MESSAGE_CREATE"_s, messageObject(m, true));
    return m.id;
}

QStringList FakeDiscordServer::botMessages(const QString &channelId) const
{
    QStringList contents;
    for (const Message &m : m_messages) {
        if (m.channelId == channelId && m.authorId == botUserId)
            contents << m.content;
    }
    return contents;
}

QStringList FakeDiscordServer::messages(const QString &channelId) const
{
    QStringList contents;
    for (const Message &m : m_messages) {
        if (m.channelId == channelId)
            contents << m.content;
    }
    return contents;
}

QStringList FakeDiscordServer::threads(const QString &parentChannelId) const
{
    QStringList ids;
    for (const QString &id : m_channelOrder) {
        const Channel &c = m_channels[id];
        if (isThreadType(c.type) && c.parentId == parentChannelId)
            ids << id;
    }
    return ids;
}

QJsonObject FakeDiscordServer::channel(const QString &channelId) const
{
    const auto it = m_channels.constFind(channelId);
    return it == m_channels.cend() ? QJsonObject {} : channelObject(*it);
}

// ---------------------------------------------------------------------------------------------------------------
// REST

void FakeDiscordServer::reply(QTcpSocket *socket, int status, const QJsonObject &body, const QByteArray &headers)
{
    if (status != 201 && status != 204)
        return FakeHttpServer::respond(
            socket, status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (status == 204) {
        socket->write("HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n" + headers + "\r\n");
    } else {
        const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
        socket->write("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(json.size()) + "\r\nConnection: keep-alive\r\n" + headers + "\r\n" + json);
    }
    socket->flush();
}

void FakeDiscordServer::rateLimitNext(const QString &pathContains, double retryAfterSeconds, bool global)
{
    m_rateLimits << RateLimit { pathContains, retryAfterSeconds, global };
}

void FakeDiscordServer::rateLimitNextWith(const QString &pathContains, const QJsonValue &retryAfter, bool global)
{
    m_rateLimits << RateLimit { pathContains, retryAfter, global };
}

void FakeDiscordServer::handle(const FakeHttpRequest &request, QTcpSocket *socket)
{
    const QString method = QString::fromUtf8(request.method);
    QString path = QString::fromUtf8(request.path);
    const QString prefix = u"/api/v10"_s;
    const bool versioned = path.startsWith(prefix + u'/');
    if (versioned)
        path = path.mid(prefix.size());

    QJsonObject body;
    bool badJson = false;
    if (!request.body.trimmed().isEmpty()) {
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        badJson = error.error != QJsonParseError::NoError || !document.isObject();
        body = document.object();
    }
    m_restCalls << RestCall { method, path, body };
    Q_EMIT restCalled(method, path);

    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    const QByteArray bucket = bucketFor(method, parts);
    const QByteArray headers = rateHeaders(bucket, 4, 1.0);
    if (!versioned)
        return reply(socket, 404, apiError(0, u"404: Not Found"_s), headers);
    if (request.headers.value("authorization") != "Bot " + m_token.toUtf8())
        return reply(socket, 401, apiError(0, u"401: Unauthorized"_s), headers);

    for (qsizetype i = 0; i < m_rateLimits.size(); ++i) {
        if (!path.contains(m_rateLimits.at(i).pathContains))
            continue;
        const RateLimit limit = m_rateLimits.takeAt(i);
        const QByteArray header = limit.retryAfter.isString()
            ? limit.retryAfter.toString().toUtf8()
            : QByteArray::number(double(std::ceil(limit.retryAfter.toDouble())), 'g', 17);
        QByteArray extra = rateHeaders(bucket, 0, limit.retryAfter.toDouble()) + "Retry-After: " + header
            + "\r\nX-RateLimit-Scope: " + (limit.global ? "global" : "user") + "\r\n";
        if (limit.global)
            extra += "X-RateLimit-Global: true\r\n";
        return reply(socket, 429,
            { { "message"_L1, "You are being rate limited."_L1 }, { "retry_after"_L1, limit.retryAfter },
                { "global"_L1, limit.global } },
            extra);
    }
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        if (!path.contains(m_faults.at(i).pathContains))
            continue;
        const Fault fault = m_faults.takeAt(i);
        if (fault.status == -1) {
            // Done, and the answer lost: what a crash or a cut line after Discord acted looks like.
            route(method, parts, request.query, body, nullptr, headers);
            return socket->abort();
        }
        if (fault.status == 0)
            return socket->abort();
        return reply(socket, fault.status, apiError(0, u"%1: Server Error"_s.arg(fault.status)), headers);
    }
    if (badJson)
        return reply(socket, 400, apiError(50109, u"The request body contains invalid JSON."_s), headers);
    route(method, parts, request.query, body, socket, headers);
}

void FakeDiscordServer::route(const QString &method, const QStringList &parts, const QUrlQuery &query,
    const QJsonObject &body, QTcpSocket *socket, const QByteArray &headers)
{
    const auto is = [&](const QString &m, std::initializer_list<const char *> shape) {
        if (m != method || qsizetype(shape.size()) != parts.size())
            return false;
        qsizetype i = 0;
        for (const char *segment : shape) {
            const QLatin1StringView expected(segment);
            if (expected == "{}"_L1 ? !isNumeric(parts.at(i)) : parts.at(i) != expected)
                return false;
            ++i;
        }
        return true;
    };

    if (is(u"GET"_s, { "gateway", "bot" }))
        return reply(socket, 200,
            { { "url"_L1, gatewayUrl() }, { "shards"_L1, 1 },
                { "session_start_limit"_L1,
                    QJsonObject { { "total"_L1, 1000 }, { "remaining"_L1, 999 }, { "reset_after"_L1, 14400000 },
                        { "max_concurrency"_L1, 1 } } } },
            headers);
    if (is(u"GET"_s, { "gateway" }))
        return reply(socket, 200, { { "url"_L1, gatewayUrl() } }, headers);
    if (is(u"GET"_s, { "users", "@me" }))
        return reply(socket, 200, userObject(botUserId, true), headers);
    if (parts.size() >= 2 && parts.at(0) == "channels"_L1 && isNumeric(parts.at(1))) {
        const QString channelId = parts.at(1);
        if (!m_channels.contains(channelId))
            return reply(socket, 404, apiError(10003, u"Unknown Channel"_s), headers);
        if (is(u"GET"_s, { "channels", "{}" }))
            return reply(socket, 200, channelObject(m_channels.value(channelId)), headers);
        if (is(u"GET"_s, { "channels", "{}", "messages" }))
            return listMessages(channelId, query, socket, headers);
        if (is(u"POST"_s, { "channels", "{}", "messages" }))
            return postMessage(channelId, body, socket, headers);
        if (is(u"PATCH"_s, { "channels", "{}", "messages", "{}" }))
            return editMessage(channelId, parts.at(3), body, socket, headers);
        if (is(u"POST"_s, { "channels", "{}", "typing" }))
            return reply(socket, 204, {}, headers);
        if (is(u"POST"_s, { "channels", "{}", "threads" }))
            return startThread(channelId, {}, body, socket, headers);
        if (is(u"POST"_s, { "channels", "{}", "messages", "{}", "threads" }))
            return startThread(channelId, parts.at(3), body, socket, headers);
    }
    reply(socket, 404, apiError(0, u"404: Not Found"_s), headers);
}

void FakeDiscordServer::listMessages(
    const QString &channelId, const QUrlQuery &query, QTcpSocket *socket, const QByteArray &headers)
{
    bool limitOk = true;
    const int limit = query.hasQueryItem(u"limit"_s) ? query.queryItemValue(u"limit"_s).toInt(&limitOk) : 50;
    if (!limitOk || limit < 1 || limit > 100)
        return reply(socket, 400, apiError(50035, u"Invalid Form Body"_s), headers);
    // Snowflakes grow with time; as 64-bit numbers they order the channel.
    QList<Message> inChannel;
    for (const Message &m : std::as_const(m_messages)) {
        if (m.channelId == channelId)
            inChannel << m;
    }
    QList<Message> page;
    if (query.hasQueryItem(u"after"_s)) {
        const qulonglong after = query.queryItemValue(u"after"_s).toULongLong();
        for (const Message &m : std::as_const(inChannel)) {
            if (m.id.toULongLong() > after && page.size() < limit)
                page << m; // the ones right after the cursor
        }
    } else {
        page = inChannel.mid(std::max<qsizetype>(0, inChannel.size() - limit)); // the latest
    }
    QJsonArray messages;
    for (auto it = page.crbegin(); it != page.crend(); ++it)
        messages << messageObject(*it, false); // newest first, as Discord lists them
    FakeHttpServer::respond(
        socket, 200, "application/json", QJsonDocument(messages).toJson(QJsonDocument::Compact), headers);
}

void FakeDiscordServer::postMessage(
    const QString &channelId, const QJsonObject &body, QTcpSocket *socket, const QByteArray &headers)
{
    const QString content = body.value("content"_L1).toString();
    const bool hasEmbeds = !body.value("embeds"_L1).toArray().isEmpty();
    if (content.isEmpty() && !hasEmbeds)
        return reply(socket, 400, apiError(50006, u"Cannot send an empty message"_s), headers);
    if (content.size() > maxContent) // QString counts UTF-16 units, as Discord does
        return reply(socket, 400, tooLong(), headers);
    // With enforce_nonce, Discord answers a nonce it saw from the same author within minutes with
    // the message it made then, instead of making another.
    const QString nonce = body.value("nonce"_L1).toVariant().toString();
    const QString nonceKey = botUserId + u'/' + nonce;
    const bool enforce = body.value("enforce_nonce"_L1).toBool() && !nonce.isEmpty();
    if (enforce) {
        const Nonce seen = m_nonces.value(nonceKey);
        const Message *earlier = seen.messageId.isEmpty() ? nullptr : findMessage(seen.messageId);
        if (earlier && steadyMs() - seen.atMs < nonceWindowMs)
            return reply(socket, 200, messageObject(*earlier, false), headers);
    }
    Message m;
    m.id = nextSnowflake();
    m.channelId = channelId;
    m.authorId = botUserId;
    m.authorIsBot = true;
    m.content = content;
    m.timestamp = timestampNow();
    const QJsonObject reference = body.value("message_reference"_L1).toObject();
    if (!reference.isEmpty()) {
        m.type = 19;
        m.referencedId = reference.value("message_id"_L1).toString();
    }
    m_messages << m;
    ++m_messagesCreated;
    if (enforce)
        m_nonces.insert(nonceKey, Nonce { m.id, steadyMs() });
    reply(socket, 200, messageObject(m, false), headers);
    dispatch(u"MESSAGE_CREATE"_s, messageObject(m, true));
}

void FakeDiscordServer::editMessage(const QString &channelId, const QString &messageId, const QJsonObject &body,
    QTcpSocket *socket, const QByteArray &headers)
{
    Message *m = findMessage(messageId);
    if (!m || m->channelId != channelId)
        return reply(socket, 404, apiError(10008, u"Unknown Message"_s), headers);
    if (m->authorId != botUserId)
        return reply(socket, 403, apiError(50005, u"Cannot edit a message authored by another user"_s), headers);
    if (body.contains("content"_L1)) {
        const QString content = body.value("content"_L1).toString();
        if (content.size() > maxContent)
            return reply(socket, 400, tooLong(), headers);
        m->content = content;
    }
    m->editedTimestamp = timestampNow();
    const Message edited = *m;
    reply(socket, 200, messageObject(edited, false), headers);
    dispatch(u"MESSAGE_UPDATE"_s, messageObject(edited, true));
}

void FakeDiscordServer::startThread(const QString &channelId, const QString &messageId, const QJsonObject &body,
    QTcpSocket *socket, const QByteArray &headers)
{
    const Channel parent = m_channels.value(channelId);
    if (parent.type == 1 || parent.type == 3)
        return reply(socket, 400, apiError(50003, u"Cannot execute action on a DM channel"_s), headers);
    if (isThreadType(parent.type))
        return reply(socket, 400, apiError(50024, u"Cannot execute action on this channel type"_s), headers);
    if (messageId.isEmpty() && !m_threadsAllowed)
        return reply(socket, 403, apiError(50013, u"Missing Permissions"_s), headers);
    const QString name = body.value("name"_L1).toString();
    if (name.isEmpty())
        return reply(socket, 400, formError(u"name"_s, u"BASE_TYPE_REQUIRED"_s, u"This field is required"_s), headers);
    if (name.size() > 100)
        return reply(socket, 400,
            formError(u"name"_s, u"BASE_TYPE_BAD_LENGTH"_s, u"Must be between 1 and 100 in length."_s), headers);
    const int archive = body.value("auto_archive_duration"_L1).toInt(1440);
    if (archive != 60 && archive != 1440 && archive != 4320 && archive != 10080)
        return reply(socket, 400,
            formError(
                u"auto_archive_duration"_s, u"BASE_TYPE_CHOICES"_s, u"Value must be one of {60, 1440, 4320, 10080}."_s),
            headers);

    Channel thread;
    if (messageId.isEmpty()) {
        thread.id = nextSnowflake();
        thread.type = body.contains("type"_L1) ? body.value("type"_L1).toInt() : 12; // Discord's default: private
        if (!isThreadType(thread.type))
            return reply(socket, 400,
                formError(u"type"_s, u"BASE_TYPE_CHOICES"_s, u"Value must be one of {10, 11, 12}."_s), headers);
    } else {
        const Message *seed = findMessage(messageId);
        if (!seed || seed->channelId != channelId)
            return reply(socket, 404, apiError(10008, u"Unknown Message"_s), headers);
        if (m_channels.contains(messageId))
            return reply(
                socket, 400, apiError(160004, u"A thread has already been created for this message"_s), headers);
        thread.id = messageId; // as on Discord: the thread takes the seed message's id
        thread.type = parent.type == 5 ? 10 : 11;
    }
    thread.guildId = parent.guildId;
    thread.parentId = channelId;
    thread.name = name;
    thread.autoArchiveDuration = archive;
    thread.createdAt = timestampNow();
    m_channels.insert(thread.id, thread);
    m_channelOrder << thread.id;
    const QJsonObject object = channelObject(thread);
    reply(socket, 201, object, headers);
    QJsonObject event = object;
    event.insert("newly_created"_L1, true);
    dispatch(u"THREAD_CREATE"_s, event);
}

// ---------------------------------------------------------------------------------------------------------------
// Gateway

void FakeDiscordServer::send(QWebSocket *socket, const QJsonObject &payload)
{
    if (socket && socket->state() == QAbstractSocket::ConnectedState)
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
}

QList<QWebSocket *> FakeDiscordServer::liveSockets() const
{
    QList<QWebSocket *> sockets;
    for (auto it = m_connections.cbegin(); it != m_connections.cend(); ++it) {
        if (!it->closingByServer && it.key()->state() == QAbstractSocket::ConnectedState)
            sockets << it.key();
    }
    return sockets;
}

void FakeDiscordServer::endSessionOf(QWebSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const QString id = std::exchange(it->sessionId, QString());
    if (!id.isEmpty() && m_sessions.value(id).socket == socket)
        m_sessions.remove(id);
}

void FakeDiscordServer::closeSocket(QWebSocket *socket, int code, const QString &reason)
{
    if (!sessionSurvives(code))
        endSessionOf(socket);
    if (m_connections.contains(socket))
        m_connections[socket].closingByServer = true;
    socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

void FakeDiscordServer::onFrame(QWebSocket *socket, const QByteArray &frame)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end() || it->closingByServer)
        return;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(frame, &error);
    const bool decoded = error.error == QJsonParseError::NoError && document.isObject();
    const QJsonObject payload = document.object();
    if (decoded) {
        m_received << payload;
        Q_EMIT gatewayPayloadReceived(payload);
    }

    const qint64 now = steadyMs();
    it->frameTimes.removeIf([now](qint64 t) { return t <= now - sendWindowMs; });
    it->frameTimes << now;
    if (it->frameTimes.size() > sendBudget)
        return closeSocket(socket, 4008, u"Rate limited."_s);
    if (!decoded || frame.size() > maxPayloadBytes)
        return closeSocket(socket, 4002, u"Error while decoding payload."_s);

    const bool authenticated = !it->sessionId.isEmpty();
    const QJsonValue op = payload.value("op"_L1);
    const QJsonObject d = payload.value("d"_L1).toObject();
    switch (op.isDouble() ? op.toInt(-1) : -1) {
    case 1:
        m_heartbeatTimes << steadyMs();
        if (m_ackHeartbeats)
            send(socket, QJsonObject { { "op"_L1, 11 } });
        return;
    case 2:
        ++m_identifies;
        if (authenticated)
            return closeSocket(socket, 4005, u"Already authenticated."_s);
        return identify(socket, d);
    case 6:
        ++m_resumes;
        if (authenticated)
            return closeSocket(socket, 4005, u"Already authenticated."_s);
        return resume(socket, d);
    case 3: // presence update
    case 4: // voice state update
    case 8: // request guild members
        if (!authenticated)
            return closeSocket(socket, 4003, u"Not authenticated."_s);
        return;
    default:
        return closeSocket(socket, 4001, u"Unknown opcode."_s);
    }
}

void FakeDiscordServer::identify(QWebSocket *socket, const QJsonObject &d)
{
    if (d.value("token"_L1).toString() != m_token)
        return closeSocket(socket, 4004, u"Authentication failed."_s);
    const QJsonValue intentsValue = d.value("intents"_L1);
    const qint64 intents = intentsValue.toInteger(-1);
    if (!intentsValue.isDouble() || intents < 0 || (intents & ~intentsKnown) != 0)
        return closeSocket(socket, 4013, u"Invalid intent(s)."_s);
    if ((intents & (intentGuildMembers | intentGuildPresences)) != 0
        || ((intents & intentMessageContent) != 0 && !m_messageContentEnabled))
        return closeSocket(socket, 4014, u"Disallowed intent(s)."_s);

    Session session;
    session.id = QString::number(QRandomGenerator::global()->generate64(), 16)
        + QString::number(QRandomGenerator::global()->generate64(), 16);
    session.intents = intents;
    session.socket = socket;
    m_connections[socket].sessionId = session.id;
    Session &s = m_sessions.insert(session.id, session).value();

    QJsonArray guilds;
    for (const QString &guild : m_guilds)
        guilds << QJsonObject { { "id"_L1, guild }, { "unavailable"_L1, true } };
    dispatchTo(s, u"READY"_s,
        { { "v"_L1, 10 }, { "user"_L1, userObject(botUserId, true) }, { "session_id"_L1, s.id },
            { "resume_gateway_url"_L1, gatewayUrl() }, { "guilds"_L1, guilds },
            { "private_channels"_L1, QJsonArray {} },
            { "application"_L1, QJsonObject { { "id"_L1, botUserId }, { "flags"_L1, 0 } } } });
    if ((intents & intentGuilds) == 0)
        return;
    for (const QString &guild : m_guilds) {
        QJsonArray channels;
        QJsonArray threads;
        for (const QString &id : m_channelOrder) {
            const Channel &c = m_channels[id];
            if (c.guildId == guild)
                (isThreadType(c.type) ? threads : channels) << channelObject(c);
        }
        dispatchTo(s, u"GUILD_CREATE"_s,
            { { "id"_L1, guild }, { "name"_L1, QString(u"Guild "_s + guild) }, { "unavailable"_L1, false },
                { "joined_at"_L1, timestampNow() }, { "member_count"_L1, 2 }, { "channels"_L1, channels },
                { "threads"_L1, threads }, { "roles"_L1, QJsonArray {} }, { "members"_L1, QJsonArray {} } });
    }
}

void FakeDiscordServer::resume(QWebSocket *socket, const QJsonObject &d)
{
    if (d.value("token"_L1).toString() != m_token)
        return closeSocket(socket, 4004, u"Authentication failed."_s);
    const QString id = d.value("session_id"_L1).toString();
    if (!m_sessions.contains(id))
        return send(socket, QJsonObject { { "op"_L1, 9 }, { "d"_L1, false } });
    Session &s = m_sessions[id];
    const qint64 seq = d.value("seq"_L1).toInteger(0);
    if (seq > s.seq) {
        m_connections[socket].sessionId = id;
        s.socket = socket;
        return closeSocket(socket, 4007, u"Invalid seq."_s);
    }
    // The session moves to this connection; the one it had, if still open, hears no more.
    if (s.socket && s.socket != socket && m_connections.contains(s.socket))
        m_connections[s.socket].sessionId.clear();
    s.socket = socket;
    m_connections[socket].sessionId = id;
    // What the session missed, with the seqs it had; READY and RESUMED belonged to their connections.
    for (const QJsonObject &payload : std::as_const(s.log)) {
        const QString event = payload.value("t"_L1).toString();
        if (payload.value("s"_L1).toInteger() > seq && event != "READY"_L1 && event != "RESUMED"_L1)
            send(socket, payload);
    }
    dispatchTo(s, u"RESUMED"_s, QJsonObject {});
}

void FakeDiscordServer::dispatch(const QString &event, const QJsonObject &d)
{
    for (Session &session : m_sessions) {
        QJsonObject shaped = d;
        if (event.startsWith("MESSAGE_"_L1)) {
            const bool inGuild = d.contains("guild_id"_L1);
            if ((session.intents & (inGuild ? intentGuildMessages : intentDirectMessages)) == 0)
                continue;
            const QString author = d.value("author"_L1).toObject().value("id"_L1).toString();
            const bool mentioned = d.value("content"_L1).toString().contains(u"<@"_s + botUserId + u'>');
            if (inGuild && (session.intents & intentMessageContent) == 0 && author != botUserId && !mentioned) {
                shaped.insert("content"_L1, QString());
                shaped.insert("embeds"_L1, QJsonArray {});
                shaped.insert("attachments"_L1, QJsonArray {});
            }
        } else if ((session.intents & intentGuilds) == 0) {
            continue; // THREAD_*, GUILD_*, CHANNEL_*
        }
        dispatchTo(session, event, shaped);
    }
}

void FakeDiscordServer::dispatchTo(Session &session, const QString &event, const QJsonObject &d)
{
    const QJsonObject payload { { "op"_L1, 0 }, { "t"_L1, event }, { "s"_L1, ++session.seq }, { "d"_L1, d } };
    session.log << payload;
    QWebSocket *socket = session.socket;
    const auto it = m_connections.constFind(socket);
    if (it != m_connections.cend() && it->sessionId == session.id && !it->closingByServer)
        send(socket, payload);
}

// ---------------------------------------------------------------------------------------------------------------
// Faults

void FakeDiscordServer::dropConnections()
{
    for (QWebSocket *socket : liveSockets()) {
        m_connections[socket].droppedByServer = true;
        socket->abort();
    }
}

void FakeDiscordServer::closeConnections(int code)
{
    for (QWebSocket *socket : liveSockets())
        closeSocket(socket, code, u"Closed by the fake."_s);
}

void FakeDiscordServer::sendReconnect()
{
    for (QWebSocket *socket : liveSockets())
        send(socket, QJsonObject { { "op"_L1, 7 }, { "d"_L1, QJsonValue::Null } });
}

void FakeDiscordServer::sendInvalidSession(bool resumable)
{
    for (QWebSocket *socket : liveSockets()) {
        send(socket, QJsonObject { { "op"_L1, 9 }, { "d"_L1, resumable } });
        if (!resumable) {
            endSessionOf(socket);
            continue;
        }
        // Resumable: the session waits, holding its events, for a RESUME.
        const QString id = std::exchange(m_connections[socket].sessionId, QString());
        if (m_sessions.contains(id) && m_sessions[id].socket == socket)
            m_sessions[id].socket = nullptr;
    }
}

void FakeDiscordServer::sendHeartbeatRequest()
{
    for (QWebSocket *socket : liveSockets())
        send(socket, QJsonObject { { "op"_L1, 1 }, { "d"_L1, QJsonValue::Null } });
}
