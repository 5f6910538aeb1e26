// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrlQuery>

class FakeHttpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;
struct FakeHttpRequest;

/**
 * @brief A Discord server on 127.0.0.1 for tests, the demo and benchmarks: REST API v10 over HTTP/1.1
 * and Gateway v10 (WebSocket, JSON, no compression) on a port of its own.
 *
 * Speaks the wire format of shared/protocols.md, quirks included: snowflakes as strings, rate-limit
 * headers on every answer, thread creation defaulting to private, 2000-character messages, sessions
 * with their own sequence numbers that RESUME replays, close codes for bad tokens, disallowed
 * intents, decode errors and send floods. Tests script people writing and inject the failures real
 * clients must survive.
 *
 * Intents work as on Discord: guild messages need GUILD_MESSAGES, DMs DIRECT_MESSAGES, guild and
 * thread events GUILDS; without MESSAGE_CONTENT a guild message's content arrives empty unless it
 * mentions the bot. GUILD_MEMBERS and GUILD_PRESENCES are never enabled (4014).
 */
class FakeDiscordServer : public QObject
{
    Q_OBJECT

public:
    struct RestCall
    {
        QString method;
        QString path; // after /api/v10, without the query
        QJsonObject body;
    };

    explicit FakeDiscordServer(const QString &token, QObject *parent = nullptr);
    ~FakeDiscordServer() override;

    /// Both servers on 127.0.0.1; 0 picks a free port.
    bool listen(quint16 port = 0, quint16 gatewayPort = 0);
    [[nodiscard]] QString apiBase() const; // http://127.0.0.1:<port>/api/v10
    [[nodiscard]] QString gatewayUrl() const; // ws://127.0.0.1:<wsport>
    static inline const QString botUserId = QStringLiteral("900000000000000001");

    // The world.
    void addGuildChannel(const QString &guildId, const QString &channelId, const QString &name, int type = 0);
    void addDmChannel(const QString &channelId, const QString &userId); // type 1
    /// false: POST /channels/{id}/threads answers 403 50013; threads from a message still work.
    void setThreadsAllowed(bool allowed) { m_threadsAllowed = allowed; }
    /// false: an IDENTIFY asking for MESSAGE_CONTENT (1 << 15) is closed with 4014.
    void setMessageContentIntentEnabled(bool enabled) { m_messageContentEnabled = enabled; }
    void setHeartbeatIntervalMs(int ms) { m_heartbeatInterval = ms; }
    /// false: heartbeats get no op 11 (a zombie connection).
    void setAckHeartbeats(bool ack) { m_ackHeartbeats = ack; }
    /// A person writes: MESSAGE_CREATE (type 0, or @p type) goes to every session with its next seq and
    /// stays in the session's log, so a RESUME replays what a dropped connection missed. An unknown
    /// channel becomes a DM with @p userId. Returns the message id.
    QString userSends(
        const QString &userId, const QString &channelId, const QString &content, int type = 0, bool isBot = false);

    // Faults.
    void dropConnections(); // abort the TCP connections without a close frame
    /// A close frame with @p code; every code but 4000/4002/4008 also ends the sessions on those connections.
    void closeConnections(int code);
    void sendReconnect(); // op 7
    /// op 9; d:false also ends the sessions on those connections.
    void sendInvalidSession(bool resumable);
    void sendHeartbeatRequest(); // op 1 from the server: the client must beat at once
    /// The next REST call whose path contains @p pathContains gets a 429.
    void rateLimitNext(const QString &pathContains, double retryAfterSeconds, bool global = false);
    /// The same with retry_after exactly as given: any number, or text (the header then says the same).
    void rateLimitNextWith(const QString &pathContains, const QJsonValue &retryAfter, bool global = false);
    /// The next REST call whose path contains @p pathContains answers HTTP @p status (a 5xx, say)
    /// without doing anything, or with @p status 0 has its connection aborted unanswered; with -1
    /// the call is carried out and then the connection aborted, the answer lost.
    void failNext(const QString &pathContains, int status) { m_faults << Fault { pathContains, status }; }

    // Observing.
    [[nodiscard]] QList<RestCall> restCalls() const { return m_restCalls; }
    /// When each heartbeat (op 1) arrived, in ms of a monotonic clock.
    [[nodiscard]] QList<qint64> heartbeatTimes() const { return m_heartbeatTimes; }
    /// Messages created, not counting resends Discord answered with an earlier message (enforce_nonce).
    [[nodiscard]] int messagesCreated() const { return m_messagesCreated; }
    [[nodiscard]] QList<QJsonObject> gatewayPayloadsReceived() const { return m_received; }
    [[nodiscard]] int identifyCount() const { return m_identifies; }
    [[nodiscard]] int resumeCount() const { return m_resumes; }
    [[nodiscard]] int connectionCount() const { return m_connectionsAccepted; }
    [[nodiscard]] int liveConnectionCount() const { return int(m_connections.size()); }
    /// Contents of the messages the bot posted in @p channelId, after edits, in order.
    [[nodiscard]] QStringList botMessages(const QString &channelId) const;
    /// Contents of every message in @p channelId, after edits, in order.
    [[nodiscard]] QStringList messages(const QString &channelId) const;
    /// Thread channel ids created under @p parentChannelId, in order.
    [[nodiscard]] QStringList threads(const QString &parentChannelId) const;
    /// The channel object as GET /channels/{id} returns it (empty if unknown).
    [[nodiscard]] QJsonObject channel(const QString &channelId) const;

Q_SIGNALS:
    void restCalled(const QString &method, const QString &path);
    void gatewayPayloadReceived(const QJsonObject &payload);

private:
    struct Channel
    {
        QString id;
        int type = 0;
        QString guildId;
        QString parentId;
        QString name;
        QString recipientId;
        int autoArchiveDuration = 0;
        QString createdAt;
    };
    struct Message
    {
        QString id;
        QString channelId;
        QString authorId;
        bool authorIsBot = false;
        QString content;
        int type = 0;
        QString timestamp;
        QString editedTimestamp;
        QString referencedId;
    };
    struct Session
    {
        QString id;
        qint64 intents = 0;
        qint64 seq = 0;
        QList<QJsonObject> log; // every dispatch, in order
        QPointer<QWebSocket> socket; // the last connection that identified or resumed it
    };
    struct Connection
    {
        QString sessionId; // empty until IDENTIFY or RESUME succeeds
        QList<qint64> frameTimes; // ms, the last 60 s
        bool closingByServer = false;
        bool droppedByServer = false;
        int clientCloseCode = 0; // from the client's close frame; 0 when it sent none
    };
    struct RateLimit
    {
        QString pathContains;
        QJsonValue retryAfter;
        bool global = false;
    };
    struct Fault
    {
        QString pathContains;
        int status = 0;
    };
    struct Nonce
    {
        QString messageId;
        qint64 atMs = 0;
    };

    // REST
    void handle(const FakeHttpRequest &request, QTcpSocket *socket);
    void route(const QString &method, const QStringList &parts, const QUrlQuery &query, const QJsonObject &body,
        QTcpSocket *socket, const QByteArray &headers);
    void listMessages(const QString &channelId, const QUrlQuery &query, QTcpSocket *socket, const QByteArray &headers);
    void postMessage(const QString &channelId, const QJsonObject &body, QTcpSocket *socket, const QByteArray &headers);
    void editMessage(const QString &channelId, const QString &messageId, const QJsonObject &body, QTcpSocket *socket,
        const QByteArray &headers);
    void startThread(const QString &channelId, const QString &messageId, const QJsonObject &body, QTcpSocket *socket,
        const QByteArray &headers);
    static void reply(QTcpSocket *socket, int status, const QJsonObject &body, const QByteArray &headers);

    // The world
    QString nextSnowflake();
    QJsonObject channelObject(const Channel &channel) const;
    QJsonObject messageObject(const Message &message, bool withGuild) const;
    static QJsonObject userObject(const QString &userId, bool isBot);
    Message *findMessage(const QString &messageId);
    QString guildOf(const QString &channelId) const;

    // Gateway
    void onFrame(QWebSocket *socket, const QByteArray &frame);
    void identify(QWebSocket *socket, const QJsonObject &d);
    void resume(QWebSocket *socket, const QJsonObject &d);
    void dispatch(const QString &event, const QJsonObject &d);
    void dispatchTo(Session &session, const QString &event, const QJsonObject &d);
    void send(QWebSocket *socket, const QJsonObject &payload);
    void closeSocket(QWebSocket *socket, int code, const QString &reason);
    void endSessionOf(QWebSocket *socket);
    QList<QWebSocket *> liveSockets() const;

    QString m_token;
    FakeHttpServer *m_http;
    QWebSocketServer *m_ws;
    QHash<QString, Channel> m_channels;
    QStringList m_channelOrder;
    QStringList m_guilds;
    QList<Message> m_messages;
    QHash<QString, Session> m_sessions;
    QHash<QWebSocket *, Connection> m_connections;
    QList<RateLimit> m_rateLimits;
    QList<Fault> m_faults;
    QHash<QString, Nonce> m_nonces; // by author and nonce
    QList<qint64> m_heartbeatTimes;
    int m_messagesCreated = 0;
    QList<RestCall> m_restCalls;
    QList<QJsonObject> m_received;
    qint64 m_lastSnowflake = 0;
    int m_heartbeatInterval = 41250;
    int m_identifies = 0;
    int m_resumes = 0;
    int m_connectionsAccepted = 0;
    bool m_threadsAllowed = true;
    bool m_messageContentEnabled = true;
    bool m_ackHeartbeats = true;
};
