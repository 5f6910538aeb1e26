// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QStringList>

class FakeHttpServer;
class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;
struct FakeHttpRequest;

/**
 * @brief A Slack server on 127.0.0.1 for tests, the demo and benchmarks: the Web API over HTTP/1.1
 * and Socket Mode over a WebSocket on its own port.
 *
 * Speaks the wire format of shared/protocols.md: `POST {api_base}/<method>` with JSON or form bodies,
 * errors as HTTP 200 `{"ok":false,"error":...}` (only rate limiting is a 429 with Retry-After),
 * single-use Socket Mode tickets, events_api envelopes that must be acked or come again with
 * `retry_attempt` + 1, and string `ts` ids that no double survives. Tests script people writing to
 * the bot and inject the failures real clients must survive.
 */
class FakeSlackServer : public QObject
{
    Q_OBJECT

public:
    struct Call
    {
        QString method;
        QJsonObject params;
        QByteArray authorization; // the raw Authorization header
    };

    FakeSlackServer(const QString &botToken, const QString &appToken, QObject *parent = nullptr);
    ~FakeSlackServer() override;

    /// HTTP on @p httpPort (0: a free one) and the WebSocket on a free port, both on 127.0.0.1.
    bool listen(quint16 httpPort = 0);
    [[nodiscard]] QString apiBase() const; // http://127.0.0.1:<port>/api
    [[nodiscard]] quint16 webSocketPort() const;

    static inline const QString botUserId = QStringLiteral("UBATON0001");
    static inline const QString botId = QStringLiteral("BBATON0001");
    static inline const QString teamId = QStringLiteral("T0000001");
    static inline const QString appId = QStringLiteral("A0001");

    // The world.
    void addChannel(const QString &channelId, const QString &name); // channel_type "channel"
    void addIm(const QString &channelId, const QString &userId); // channel_type "im"
    /// The bot is not a member of @p channelId (conversations.info says is_member false).
    void removeBotFrom(const QString &channelId) { m_outsideOf.insert(channelId); }
    /// A person writes (in thread @p threadTs if set): an events_api envelope over Socket Mode; returns
    /// the message ts. An unknown channel comes into being (an im if its id starts with 'D').
    QString userSends(
        const QString &userId, const QString &channelId, const QString &text, const QString &threadTs = {});

    // Faults.
    /// `{"type":"disconnect","reason":...}` on every live connection, closed (1000) ~100 ms later.
    void sendDisconnect(const QString &reason);
    /// Aborts every WebSocket without a close frame.
    void dropConnections();
    /// The next event is delivered twice: same event_id, different envelope_id.
    void duplicateNextEnvelope() { m_duplicateNext = true; }
    /// An envelope not acked within @p ms is redelivered with retry_attempt + 1 (default 3000).
    void setAckTimeoutMs(int ms) { m_ackTimeoutMs = ms; }
    /// The next call of @p method is HTTP 429 with Retry-After and `{"ok":false,"error":"ratelimited"}`.
    void rateLimitNext(const QString &method, int retryAfterSeconds);
    /// The same with the Retry-After header exactly as given ("0", "-1", "1e9", "soon").
    void rateLimitNextWith(const QString &method, const QByteArray &retryAfter);
    /// The next call of @p method answers HTTP @p status without a Web API body (a 5xx from the
    /// edge, say), or with @p status 0 has its connection aborted unanswered.
    void failNextHttp(const QString &method, int status)
    {
        m_faults[method].enqueue(Fault { 0, {}, {}, status, true });
    }
    /// The next call of @p method is HTTP 200 `{"ok":false,"error":error}`.
    void failNext(const QString &method, const QString &error);
    /// Slack stops retrying events no connection took (after about three attempts in five minutes):
    /// the ones waiting now are never delivered. Returns how many.
    int giveUpOnWaitingEvents();

    // Observing.
    [[nodiscard]] QList<Call> calls(const QString &method = {}) const;
    /// Texts the bot posted in @p channelId: top-level messages when @p threadTs is empty, else the
    /// replies in that thread; after chat.update, in order.
    [[nodiscard]] QStringList botMessages(const QString &channelId, const QString &threadTs = {}) const;
    [[nodiscard]] int connectionsOpened() const { return m_connectionsOpened; } // apps.connections.open ok
    [[nodiscard]] int acksReceived() const { return m_acks; }
    [[nodiscard]] int liveConnections() const { return int(m_live.size()); }
    /// Envelopes sent and not acked yet, plus those waiting for a connection.
    [[nodiscard]] int unackedEnvelopes() const { return int(m_inFlight.size() + m_waiting.size()); }

Q_SIGNALS:
    void called(const QString &method, const QJsonObject &params);
    void acked(const QString &envelopeId);

private:
    QSet<QString> m_outsideOf;
    struct Channel
    {
        QString name;
        QString type; // channel | im
        QString userId; // the person of an im
    };
    struct Stored
    {
        QString channel;
        QString ts;
        QString threadTs;
        QString text;
        QString user;
        bool fromBot = false;
    };
    struct Delivery
    {
        qint64 sequence = 0; // keeps redeliveries in order
        QJsonObject payload; // the event_callback
        int retryAttempt = 0;
        QString retryReason;
        QWebSocket *socket = nullptr; // where it is in flight
        QTimer *timer = nullptr; // its ack timeout
    };
    struct Fault
    {
        int retryAfter = 0; // > 0: a 429
        QString error;
        QByteArray retryAfterHeader; // set: a 429 with exactly this header
        int status = 0;
        bool http = false; // status (or a drop) instead of a Web API answer
    };

    void handle(const FakeHttpRequest &request, QTcpSocket *socket);
    QJsonObject dispatch(const QString &method, const QJsonObject &params, const QByteArray &authorization);
    QJsonObject postMessage(const QJsonObject &params);
    /// conversations.history (top-level messages, newest first) and conversations.replies (the
    /// parent, then the thread, oldest first), both after `oldest` and paged by cursor.
    QJsonObject history(const QJsonObject &params) const;
    QJsonObject replies(const QJsonObject &params) const;
    [[nodiscard]] QJsonObject messageObject(const Stored &m) const;
    QJsonObject update(const QJsonObject &params);
    QString nextTs();
    QString channelType(const QString &channelId) const;

    void onNewConnection();
    void onFrame(QWebSocket *socket, const QString &frame);
    void retire(QWebSocket *socket);
    void publish(const QJsonObject &event);
    void deliverFresh(Delivery delivery);
    void redeliver(Delivery delivery);
    void send(Delivery delivery, QWebSocket *socket);
    void onAckTimeout(const QString &envelopeId);
    [[nodiscard]] QWebSocket *pickConnection() const;

    QString m_botToken;
    QString m_appToken;
    FakeHttpServer *m_http;
    QWebSocketServer *m_ws;
    QHash<QString, Channel> m_channels;
    QList<Stored> m_messages;
    QList<Call> m_calls;
    QHash<QString, QQueue<Fault>> m_faults;
    QSet<QString> m_tickets; // minted, not used yet
    QSet<QWebSocket *> m_sockets; // every accepted socket, until disconnected
    QList<QWebSocket *> m_live; // said hello, not closed, oldest first
    QSet<QWebSocket *> m_closing; // told to disconnect: nothing more is sent there
    QHash<QString, Delivery> m_inFlight; // by envelope_id
    QList<Delivery> m_waiting; // for the next connection
    QSet<QString> m_issuedEnvelopes;
    qint64 m_lastTsMicros = 0;
    qint64 m_nextEventId = 1;
    qint64 m_nextSequence = 1;
    int m_ackTimeoutMs = 3000;
    int m_connectionsOpened = 0;
    int m_acks = 0;
    bool m_duplicateNext = false;
};
