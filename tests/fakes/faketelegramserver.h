// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>

class FakeHttpServer;
class QTcpSocket;
class QTimer;
struct FakeHttpRequest;

/**
 * @brief A Telegram Bot API server on 127.0.0.1 for tests, the demo and benchmarks.
 *
 * Speaks the wire format of shared/protocols.md: `{api_base}/bot<token>/<method>`, the ok/result
 * envelope, getUpdates long polling that really waits and confirms by offset, forum and private
 * topics. Tests script people writing to the bot and inject the failures real clients must survive.
 */
class FakeTelegramServer : public QObject
{
    Q_OBJECT

public:
    struct Call
    {
        QString method;
        QJsonObject params;
    };
    struct Fault
    {
        int errorCode = 0; // 0 with garbage/drop below
        QString description;
        QJsonValue retryAfter; // parameters.retry_after exactly as given (any number, or text); null: none
        qint64 migrateToChatId = 0;
        bool garbage = false; // a proxy's non-JSON 502
        bool drop = false; // close the connection without answering
    };

    explicit FakeTelegramServer(const QString &token, QObject *parent = nullptr);
    ~FakeTelegramServer() override;

    bool listen(quint16 port = 0);
    [[nodiscard]] QString apiBase() const; // http://127.0.0.1:<port>
    static constexpr qint64 botId = 7000000001;

    // Scripting the world.
    void addPrivateChat(qint64 userId, const QString &firstName);
    void addGroup(qint64 chatId, const QString &title, bool isForum);
    void setTopicsInPrivateChats(bool enabled) { m_privateTopics = enabled; }
    /// A topic someone opened in forum @p chatId before the test; returns its thread id.
    qint64 addTopic(qint64 chatId);
    /// false: getUpdates answers at once whatever its timeout, like a misbehaving proxy.
    void setLongPolling(bool enabled) { m_longPolling = enabled; }
    void blockBot(qint64 chatId) { m_blocked.insert(chatId, true); }
    /// Person @p userId adds the bot to group @p chatId (addGroup() first): a my_chat_member update.
    void botAddedToGroup(qint64 chatId, qint64 userId);
    /// Person @p userId writes @p text in @p chatId (in topic @p threadId if not 0); returns the message id.
    qint64 userSends(qint64 userId, qint64 chatId, const QString &text, qint64 threadId = 0);
    /// Person @p userId opens @p link (https://t.me/<bot>?start=<code>) on their phone: Telegram opens
    /// their private chat with the bot and sends `/start <code>` there. -1 when the link is not this
    /// bot's or has no start parameter, as the app then would not open the chat.
    qint64 userOpensLink(qint64 userId, const QString &link);
    /// The next call of @p method fails as described (once per call to failNext).
    void failNext(const QString &method, const Fault &fault) { m_faults[method].enqueue(fault); }

    // Observing the bot.
    [[nodiscard]] QList<Call> calls() const { return m_calls; }
    [[nodiscard]] QList<Call> calls(const QString &method) const;
    /// Requests made with another bot token, answered 401 (not in calls()).
    [[nodiscard]] int unauthorizedCalls() const { return m_unauthorized; }
    /// Text of every message now in @p chatId / @p threadId, after edits, in order.
    [[nodiscard]] QStringList messages(qint64 chatId, qint64 threadId = 0) const;
    /// Only what the bot wrote there, after edits, in order.
    [[nodiscard]] QStringList botMessages(qint64 chatId, qint64 threadId = 0) const;
    [[nodiscard]] QList<qint64> topics(qint64 chatId) const;
    [[nodiscard]] int pendingPolls() const { return int(m_polls.size()); }
    /// Polls ended by another poller's getUpdates (answered 409): two bot instances polled at once.
    [[nodiscard]] int conflicts() const { return m_conflicts; }

Q_SIGNALS:
    void called(const QString &method, const QJsonObject &params);

private:
    struct Chat
    {
        qint64 id = 0;
        QString type; // private | supergroup
        QString title;
        bool isForum = false;
        QList<qint64> topics;
    };
    struct Stored
    {
        qint64 chatId = 0;
        qint64 threadId = 0;
        qint64 messageId = 0;
        QString text;
        bool fromBot = false;
    };
    struct Poll
    {
        QPointer<QTcpSocket> socket;
        QTimer *timer = nullptr;
    };

    void handle(const FakeHttpRequest &request, QTcpSocket *socket);
    QJsonObject dispatch(const QString &method, const QJsonObject &params, QTcpSocket *socket, bool *deferred);
    QJsonObject getUpdates(const QJsonObject &params, QTcpSocket *socket, bool *deferred);
    QJsonObject sendMessage(const QJsonObject &params);
    QJsonObject editMessageText(const QJsonObject &params);
    QJsonObject createForumTopic(const QJsonObject &params);
    QJsonObject messageObject(const Stored &message) const;
    QJsonObject chatObject(qint64 chatId) const;
    QJsonArray takeUpdates() const;
    void answerPoll();
    static void reply(QTcpSocket *socket, const QJsonObject &envelope);

    QString m_token;
    FakeHttpServer *m_http;
    QHash<qint64, Chat> m_chats;
    QStringList m_allowedUpdates; // as the last getUpdates named them; empty: Telegram's default
    QHash<qint64, QString> m_users;
    QHash<qint64, bool> m_blocked;
    QList<Stored> m_messages;
    QList<QJsonObject> m_updates;
    qint64 m_nextUpdateId = 1000;
    qint64 m_nextMessageId = 1;
    qint64 m_nextTopicId = 100;
    bool m_privateTopics = false;
    bool m_longPolling = true;
    int m_unauthorized = 0;
    int m_conflicts = 0;
    QHash<QString, QQueue<Fault>> m_faults;
    QList<Call> m_calls;
    QList<Poll> m_polls;
};
