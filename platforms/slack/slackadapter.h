// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateway/platformadapter.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class QWebSocket;
class SlackApi;

/**
 * @brief Slack through Socket Mode (events in, acknowledged before any work, deduplicated) and the
 * Web API (messages out, in mrkdwn); a seed message's ts anchors each handoff thread.
 */
class SlackAdapter : public PlatformAdapter
{
    Q_OBJECT

public:
    struct Options
    {
        QString apiBase = QStringLiteral("https://slack.com/api");
        QString botToken; // xoxb-
        QString appToken; // xapp-, for Socket Mode
        int minReconnectMs = 1'000;
        int maxReconnectMs = 60'000;
    };

    SlackAdapter(QNetworkAccessManager *network, const Options &options, QObject *parent = nullptr);
    ~SlackAdapter() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("slack"); }
    [[nodiscard]] QString botUserName() const override { return m_userName; }
    void start() override;
    void stop() override;
    void stopReceiving() override;
    void send(const QString &tag, const QString &chat, const QString &thread, const QString &text) override;
    void edit(const QString &tag, const QString &chat, const QString &thread, const QString &messageId,
        const QString &text) override;
    void typing(const QString &chat, const QString &thread) override;
    void createHandoffThread(const QString &tag, const QString &homeChat, const QString &name) override;
    [[nodiscard]] SessionSource destination(const QString &chat, const QString &thread) const override;
    // Slack takes 40,000 characters but folds long messages; 4,000 reads well.
    [[nodiscard]] int maxMessageLength() const override { return 4'000; }
    void catchUp(const QList<Cursor> &cursors) override;

    [[nodiscard]] QString userId() const { return m_userId; }
    [[nodiscard]] int connectionsOpened() const { return m_connections; }

    /// One Socket Mode frame, read.
    struct Frame
    {
        QString type; // "hello", "disconnect", "events_api"...
        QString reason; // of a disconnect
        QString envelopeId; // to acknowledge; empty when the frame needs no ack
        QString eventId; // of an events_api payload, for dropping redeliveries
        QJsonObject event;
    };
    [[nodiscard]] static Frame readFrame(const QString &text);
    /// The conversation turn in an Events API @p event, if it is one; @p ownUserId marks our own.
    [[nodiscard]] static std::optional<Inbound> readMessage(const QJsonObject &event, const QString &ownUserId);

private:
    void postSeed(const QString &tag, const QJsonObject &params, int failures, qint64 firstFailureMs);
    void openSocket();
    void onFrame(const QString &text);
    void onEvent(const QJsonObject &event);
    void reconnect(const QString &reason);
    void fatal(const QString &sentence);
    void closeSocket();
    /// Pages conversations.history (or .replies in a thread) after @p after, then replays it oldest first.
    void fetchMissed(const Cursor &cursor, const QString &page, QList<QJsonObject> gathered, int pagesLeft);

    Options m_options;
    SlackApi *m_api;
    QWebSocket *m_socket = nullptr;
    QTimer m_reconnect;

public:
    [[nodiscard]] bool retryScheduled() const override { return m_reconnect.isActive(); }
    QString m_userId;
    QString m_botId;
    QString m_userName;
    bool m_running = false;
    bool m_receiving = false;
    int m_failures = 0;
    int m_connections = 0;
    bool m_catchUpDue = false; // the first hello after start()
    QElapsedTimer m_offline; // since the connection was lost; invalid while connected
    QSet<QString> m_seenEvents; // Slack redelivers what it thinks was not acked
    QList<QString> m_seenOrder;
};
