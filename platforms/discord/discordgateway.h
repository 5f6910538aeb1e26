// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <optional>

/**
 * @brief One Discord Gateway v10 session over a WebSocket: HELLO, heartbeats with zombie
 * detection, IDENTIFY, RESUME with the last sequence (so missed events replay), RECONNECT,
 * INVALID_SESSION and every close code as shared/protocols.md lists them.
 *
 * Events reach the adapter through dispatched(); a fatal close ends the session with a sentence.
 */
class DiscordGateway : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int intents = 37377; // GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT
        int minReconnectMs = 1'000;
        int maxReconnectMs = 60'000;
        int sendBudget = 120; // events per budget window and connection
        int sendWindowMs = 60'000;
    };

    DiscordGateway(const QString &token, const Options &options, QObject *parent = nullptr);

    /// Connects to @p url (from GET /gateway/bot) and identifies.
    void open(const QUrl &url);
    void close();
    [[nodiscard]] bool isResumable() const { return !m_sessionId.isEmpty(); }
    [[nodiscard]] bool reconnectScheduled() const { return m_reconnect.isActive(); }
    [[nodiscard]] int identifyCount() const { return m_identifies; }

    /// One gateway frame, read.
    struct Payload
    {
        int op = -1;
        QJsonValue data; // d
        QJsonValue seq; // s; null when the frame has none
        QString type; // t, for dispatches
    };
    /// The frame in @p text; nullopt when it is not a JSON object.
    [[nodiscard]] static std::optional<Payload> readPayload(const QString &text);

Q_SIGNALS:
    /// op 0 events other than READY and RESUMED.
    void dispatched(const QString &type, const QJsonObject &data);
    /// READY: a fresh session; @p user is our own account.
    void ready(const QJsonObject &user);
    void resumed();
    /// Lost, reconnecting: @p reason says why.
    void interrupted(const QString &reason);
    /// Closed for good (bad token, disallowed intents...): @p sentence says what to do.
    void failed(const QString &sentence);

private:
    void connectSocket();
    void onText(const QString &text);
    void onDisconnected();
    void heartbeat();
    void identify();
    void resume();
    void sendPayload(int op, const QJsonValue &data, bool urgent = false);
    void reconnect(bool keepSession, const QString &reason);
    void scheduleReconnect(const QString &reason);
    [[nodiscard]] static QUrl withQuery(const QUrl &url);

    QString m_token;
    Options m_options;
    QWebSocket *m_socket = nullptr;
    QUrl m_url;
    QUrl m_resumeUrl;
    QString m_sessionId;
    QJsonValue m_seq; // the last non-null s
    QTimer m_heartbeat;
    int m_heartbeatIntervalMs = 41'250; // as HELLO said: every beat after the first
    QTimer m_reconnect;
    bool m_acked = true;
    bool m_closing = false;
    bool m_resumeNext = false;
    int m_failures = 0;
    int m_identifies = 0;
    QList<qint64> m_sent; // when this connection's recent events went out
    QList<std::pair<int, QJsonValue>> m_held; // over the send budget: sent when it allows
};
