// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateway/platformadapter.h"

#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class TelegramApi;
struct TelegramResult;

/**
 * @brief Telegram through the Bot API: long polling in, HTML messages out, forum and private topics
 * for handoffs. Follows shared/protocols.md, including every failure it lists.
 */
class TelegramAdapter : public PlatformAdapter
{
    Q_OBJECT

public:
    struct Options
    {
        QString apiBase = QStringLiteral("https://api.telegram.org");
        QString token;
        int pollTimeoutS = 25;
        int idleRepollMs = 1'000; // after an instant empty answer: never a busy loop
        int maxBackoffMs = 60'000;
    };

    TelegramAdapter(QNetworkAccessManager *network, const Options &options, QObject *parent = nullptr);

    [[nodiscard]] QString name() const override { return QStringLiteral("telegram"); }
    [[nodiscard]] QString botUserName() const override { return m_botUserName; }
    void start() override;
    void stop() override;
    void stopReceiving() override;
    void reconnectNow() override;
    void send(const QString &tag, const QString &chat, const QString &thread, const QString &text) override;
    void edit(const QString &tag, const QString &chat, const QString &thread, const QString &messageId,
        const QString &text) override;
    void typing(const QString &chat, const QString &thread) override;
    void createHandoffThread(const QString &tag, const QString &homeChat, const QString &name) override;
    [[nodiscard]] SessionSource destination(const QString &chat, const QString &thread) const override;
    [[nodiscard]] int maxMessageLength() const override { return 4096; }

    [[nodiscard]] qint64 botId() const { return m_botId; }
    [[nodiscard]] bool topicsInPrivateChats() const { return m_privateTopics; }
    [[nodiscard]] bool retryScheduled() const override { return m_pollTimer.isActive(); }

    /// One entry of getUpdates' result, read.
    struct Update
    {
        qint64 nextOffset = 0; // what the next getUpdates asks from, given this update
        std::optional<Inbound> message; // a conversation turn with text, if the update is one
        struct Joined
        {
            QString chat, title, by;
            bool forum = false;
        };
        std::optional<Joined> joined; // the bot was added to a group
    };
    /// Reads @p update for a bot whose id is @p botId.
    [[nodiscard]] static Update readUpdate(const QJsonObject &update, qint64 botId);
    /// Where a message in @p chat (and @p thread) comes from: inbound and handoffs share it.
    [[nodiscard]] static SessionSource sourceFor(const QString &chat, const QString &thread);

Q_SIGNALS:
    /// Telegram moved a group to a supergroup: messages for @p oldChat now go to @p newChat.
    void chatMigrated(const QString &oldChat, const QString &newChat);

private:
    void connectToTelegram();
    void poll();
    void onUpdates(const TelegramResult &result, qint64 startedMs);
    void retryLater(const QString &reason, int hintMs = 0);
    void fatal(const QString &sentence);
    void sendMessage(const QString &tag, const QJsonObject &target, const QString &markdown, bool html);
    void editMessage(const QString &tag, const QJsonObject &target, const QString &markdown, bool html);
    /// @p target with the text: Telegram HTML from @p markdown, or the Markdown as plain text.
    [[nodiscard]] static QJsonObject withText(const QJsonObject &target, const QString &markdown, bool html);
    bool retryIfPassing(const QString &tag, const TelegramResult &result);
    void createTopic(const QString &tag, const QJsonObject &params, int failures, qint64 firstFailureMs);

    Options m_options;
    TelegramApi *m_api;
    QTimer m_pollTimer;
    qint64 m_offset = 0;
    qint64 m_botId = 0;
    QString m_botUserName;
    bool m_privateTopics = false;
    bool m_running = false;
    quint64 m_generation = 0; // a reconnect drops the answers to requests made before it
    bool m_receiving = false;
    int m_failures = 0;
};
