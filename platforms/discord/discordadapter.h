// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discordgateway.h"
#include "gateway/platformadapter.h"

#include <optional>

#include <QHash>
#include <QList>
#include <QTimer>

class DiscordRest;
class QNetworkAccessManager;
struct DiscordResult;

/**
 * @brief Discord through Gateway v10 (events in) and REST v10 (messages out); threads for
 * handoffs, keyed on the thread itself. Follows shared/protocols.md.
 */
class DiscordAdapter : public PlatformAdapter
{
    Q_OBJECT

public:
    struct Options
    {
        QString apiBase = QStringLiteral("https://discord.com/api/v10");
        QString gatewayUrl; // empty: ask GET /gateway/bot
        QString token;
        DiscordGateway::Options gateway;
    };

    DiscordAdapter(QNetworkAccessManager *network, const Options &options, QObject *parent = nullptr);

    [[nodiscard]] QString name() const override { return QStringLiteral("discord"); }
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
    [[nodiscard]] int maxMessageLength() const override { return 2000; }
    void catchUp(const QList<Cursor> &cursors) override;

    [[nodiscard]] QString userId() const { return m_userId; }
    [[nodiscard]] const DiscordGateway &gateway() const { return *m_gateway; }
    [[nodiscard]] bool retryScheduled() const override
    {
        return m_restart.isActive() || m_gateway->reconnectScheduled();
    }

    /// The conversation turn in @p message (MESSAGE_CREATE's data, or a fetched message), if it is
    /// one, posted in a channel of @p channelType under @p parentId; @p ownUserId marks our own.
    [[nodiscard]] static std::optional<Inbound> readMessage(
        const QJsonObject &message, int channelType, const QString &parentId, const QString &ownUserId);

private:
    struct Channel
    {
        int type = 0; // 0 text, 1 DM, 5 announcement, 11/12 threads, 15 forum
        QString parentId;
        QString guildId;
    };
    struct Waiting
    {
        QString type;
        QJsonObject data;
    };

    void onDispatch(const QString &type, const QJsonObject &data);
    void learnChannel(const QJsonObject &channel, const QString &guildId = {});
    void onMessage(const QJsonObject &message);
    void whenChannelKnown(const QString &channelId, std::function<void()> then);
    void startThread(
        const QString &tag, const QString &homeChat, const QString &name, int failures, qint64 firstFailureMs);
    void threadFromSeedMessage(const QString &tag, const QString &homeChat, const QString &name);
    void threadFailed(const QString &tag, const DiscordResult &result);
    /// One page of GET /channels/{id}/messages after @p after; follows with the next page.
    void fetchMissed(const QString &channelId, const QString &after, int pagesLeft, int failures = 0);
    [[nodiscard]] QString refused(const QString &what, const DiscordResult &result) const;

    Options m_options;
    DiscordRest *m_rest;
    DiscordGateway *m_gateway;
    QTimer m_restart; // another GET /gateway/bot after a failure that may pass
    QString m_userId;
    QString m_userName;
    bool m_receiving = false;
    QHash<QString, Channel> m_channels;
    QHash<QString, QList<std::function<void()>>> m_lookups; // channels being fetched, and who waits
};
