// SPDX-License-Identifier: GPL-3.0-or-later
#include "faketelegramserver.h"

#include "fakehttpserver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
QJsonObject ok(const QJsonValue &result)
{
    return { { "ok"_L1, true }, { "result"_L1, result } };
}

QJsonObject error(int code, const QString &description)
{
    return { { "ok"_L1, false }, { "error_code"_L1, code }, { "description"_L1, description } };
}

qint64 integer(const QJsonObject &params, const char *key)
{
    const QJsonValue value = params.value(QLatin1StringView(key));
    return value.isString() ? value.toString().toLongLong() : value.toInteger();
}

// Telegram's HTML mode: the tags it knows, balanced, and only its four entities. Returns the
// visible text, or an error description as Telegram words it.
std::pair<QString, QString> parseHtml(const QString &html)
{
    static const QStringList allowed = { u"b"_s, u"strong"_s, u"i"_s, u"em"_s, u"u"_s, u"ins"_s, u"s"_s, u"strike"_s,
        u"del"_s, u"a"_s, u"code"_s, u"pre"_s, u"tg-spoiler"_s, u"span"_s, u"blockquote"_s };
    static const QRegularExpression tag(u"^<(/?)([a-z-]+)[^<>]*>"_s);
    static const QRegularExpression entity(u"^&(lt|gt|amp|quot|#[0-9]+);"_s);
    QString text;
    QStringList open;
    for (qsizetype i = 0; i < html.size();) {
        if (html.at(i) == u'<') {
            // A copy: match(QStringView) is deprecated from Qt 6.5, and its matchView is not in 6.4.
            const auto m = tag.match(html.mid(i));
            if (!m.hasMatch() || !allowed.contains(m.captured(2)))
                return { {}, u"can't parse entities: Unsupported start tag at byte offset %1"_s.arg(i) };
            if (m.captured(1).isEmpty())
                open << m.captured(2);
            else if (open.isEmpty() || open.takeLast() != m.captured(2))
                return { {}, u"can't parse entities: Unmatched end tag at byte offset %1"_s.arg(i) };
            i += m.capturedLength();
        } else if (html.at(i) == u'&') {
            const auto m = entity.match(html.mid(i));
            if (!m.hasMatch())
                return { {}, u"can't parse entities: Unsupported entity at byte offset %1"_s.arg(i) };
            const QString name = m.captured(1);
            text += name == "lt"_L1 ? u"<"_s
                : name == "gt"_L1   ? u">"_s
                : name == "amp"_L1  ? u"&"_s
                : name == "quot"_L1 ? u"\""_s
                                    : QString(QChar(name.mid(1).toInt()));
            i += m.capturedLength();
        } else
            text += html.at(i++);
    }
    if (!open.isEmpty())
        return { {}, u"can't parse entities: Can't find end tag corresponding to start tag \"%1\""_s.arg(open.last()) };
    return { text, {} };
}
} // namespace

FakeTelegramServer::FakeTelegramServer(const QString &token, QObject *parent)
    : QObject(parent)
    , m_token(token)
    , m_http(new FakeHttpServer(
          [this](const FakeHttpRequest &request, QTcpSocket *socket) { handle(request, socket); }, this))
{ }

FakeTelegramServer::~FakeTelegramServer() = default;

bool FakeTelegramServer::listen(quint16 port)
{
    return m_http->listen(port);
}

QString FakeTelegramServer::apiBase() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_http->port());
}

void FakeTelegramServer::addPrivateChat(qint64 userId, const QString &firstName)
{
    m_users.insert(userId, firstName);
    m_chats.insert(userId, Chat { userId, u"private"_s, firstName, false, {} });
}

void FakeTelegramServer::addGroup(qint64 chatId, const QString &title, bool isForum)
{
    m_chats.insert(chatId, Chat { chatId, u"supergroup"_s, title, isForum, {} });
}

QList<FakeTelegramServer::Call> FakeTelegramServer::calls(const QString &method) const
{
    QList<Call> matching;
    for (const Call &call : m_calls) {
        if (call.method == method)
            matching << call;
    }
    return matching;
}

QStringList FakeTelegramServer::messages(qint64 chatId, qint64 threadId) const
{
    QStringList texts;
    for (const Stored &m : m_messages) {
        if (m.chatId == chatId && m.threadId == threadId)
            texts << m.text;
    }
    return texts;
}

QStringList FakeTelegramServer::botMessages(qint64 chatId, qint64 threadId) const
{
    QStringList texts;
    for (const Stored &m : m_messages) {
        if (m.chatId == chatId && m.threadId == threadId && m.fromBot)
            texts << m.text;
    }
    return texts;
}

QList<qint64> FakeTelegramServer::topics(qint64 chatId) const
{
    return m_chats.value(chatId).topics;
}

QJsonObject FakeTelegramServer::chatObject(qint64 chatId) const
{
    const Chat chat = m_chats.value(chatId);
    QJsonObject object { { "id"_L1, chatId }, { "type"_L1, chat.type } };
    if (chat.type == "private"_L1)
        object.insert("first_name"_L1, chat.title);
    else
        object.insert("title"_L1, chat.title);
    if (chat.isForum)
        object.insert("is_forum"_L1, true);
    return object;
}

QJsonObject FakeTelegramServer::messageObject(const Stored &message) const
{
    QJsonObject from = message.fromBot ? QJsonObject { { "id"_L1, botId }, { "is_bot"_L1, true },
        { "first_name"_L1, "Baton"_L1 }, { "username"_L1, "baton_test_bot"_L1 } }
                                       : QJsonObject { { "id"_L1, message.chatId }, { "is_bot"_L1, false } };
    QJsonObject object { { "message_id"_L1, message.messageId }, { "from"_L1, from },
        { "chat"_L1, chatObject(message.chatId) }, { "date"_L1, QDateTime::currentSecsSinceEpoch() },
        { "text"_L1, message.text } };
    if (message.threadId != 0) {
        object.insert("message_thread_id"_L1, message.threadId);
        object.insert("is_topic_message"_L1, true);
    }
    return object;
}

qint64 FakeTelegramServer::userOpensLink(qint64 userId, const QString &link)
{
    const QUrl url(link);
    const QString start = QUrlQuery(url).queryItemValue(u"start"_s);
    if (url.scheme() != "https"_L1 || url.host() != "t.me"_L1 || url.path() != "/baton_test_bot"_L1 || start.isEmpty())
        return -1;
    if (!m_chats.contains(userId))
        addPrivateChat(userId, m_users.value(userId, u"User %1"_s.arg(userId)));
    return userSends(userId, userId, u"/start "_s + start);
}

void FakeTelegramServer::botAddedToGroup(qint64 chatId, qint64 userId)
{
    const QJsonObject bot { { "id"_L1, botId }, { "is_bot"_L1, true }, { "first_name"_L1, "Baton"_L1 },
        { "username"_L1, "baton_test_bot"_L1 } };
    const QJsonObject change { { "chat"_L1, chatObject(chatId) },
        { "from"_L1,
            QJsonObject { { "id"_L1, userId }, { "is_bot"_L1, false },
                { "first_name"_L1, m_users.value(userId, u"User %1"_s.arg(userId)) } } },
        { "date"_L1, QDateTime::currentSecsSinceEpoch() },
        { "old_chat_member"_L1, QJsonObject { { "user"_L1, bot }, { "status"_L1, "left"_L1 } } },
        { "new_chat_member"_L1, QJsonObject { { "user"_L1, bot }, { "status"_L1, "member"_L1 } } } };
    m_updates << QJsonObject { { "update_id"_L1, m_nextUpdateId++ }, { "my_chat_member"_L1, change } };
    answerPoll();
}

qint64 FakeTelegramServer::userSends(qint64 userId, qint64 chatId, const QString &text, qint64 threadId)
{
    const Stored stored { chatId, threadId, m_nextMessageId++, text, false };
    m_messages << stored;
    QJsonObject message = messageObject(stored);
    message.insert("from"_L1,
        QJsonObject { { "id"_L1, userId }, { "is_bot"_L1, false },
            { "first_name"_L1, m_users.value(userId, u"User %1"_s.arg(userId)) },
            { "username"_L1, u"user%1"_s.arg(userId) } });
    if (text.startsWith(u'/'))
        message.insert("entities"_L1,
            QJsonArray { QJsonObject { { "type"_L1, "bot_command"_L1 }, { "offset"_L1, 0 },
                { "length"_L1, int(text.section(u' ', 0, 0).size()) } } });
    m_updates << QJsonObject { { "update_id"_L1, m_nextUpdateId++ }, { "message"_L1, message } };
    answerPoll();
    return stored.messageId;
}

void FakeTelegramServer::reply(QTcpSocket *socket, const QJsonObject &envelope)
{
    const int status = envelope.value("ok"_L1).toBool() ? 200 : envelope.value("error_code"_L1).toInt();
    FakeHttpServer::respond(socket, status, "application/json", QJsonDocument(envelope).toJson(QJsonDocument::Compact));
}

void FakeTelegramServer::handle(const FakeHttpRequest &request, QTcpSocket *socket)
{
    const QString path = QString::fromUtf8(request.path);
    const QString prefix = u"/bot"_s + m_token + u'/';
    if (!path.startsWith(prefix)) {
        ++m_unauthorized;
        return reply(socket, error(401, u"Unauthorized"_s));
    }
    const QString method = path.mid(prefix.size());

    QJsonObject params;
    if (request.headers.value("content-type").startsWith("application/json"))
        params = QJsonDocument::fromJson(request.body).object();
    else {
        QUrlQuery form(QString::fromUtf8(request.body));
        for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded))
            params.insert(key, value);
    }
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded))
        params.insert(key, value);
    m_calls << Call { method, params };
    Q_EMIT called(method, params);

    if (!m_faults.value(method).isEmpty()) {
        const Fault fault = m_faults[method].dequeue();
        if (fault.drop)
            return socket->abort();
        if (fault.garbage)
            return FakeHttpServer::respond(
                socket, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>");
        QJsonObject envelope = error(fault.errorCode, fault.description);
        QJsonObject parameters;
        if (!fault.retryAfter.isNull() && !fault.retryAfter.isUndefined())
            parameters.insert("retry_after"_L1, fault.retryAfter);
        if (fault.migrateToChatId != 0)
            parameters.insert("migrate_to_chat_id"_L1, fault.migrateToChatId);
        if (!parameters.isEmpty())
            envelope.insert("parameters"_L1, parameters);
        return reply(socket, envelope);
    }

    bool deferred = false;
    const QJsonObject envelope = dispatch(method, params, socket, &deferred);
    if (!deferred)
        reply(socket, envelope);
}

QJsonObject FakeTelegramServer::dispatch(
    const QString &method, const QJsonObject &params, QTcpSocket *socket, bool *deferred)
{
    if (method == "getUpdates"_L1)
        return getUpdates(params, socket, deferred);
    if (method == "getMe"_L1)
        return ok(QJsonObject { { "id"_L1, botId }, { "is_bot"_L1, true }, { "first_name"_L1, "Baton"_L1 },
            { "username"_L1, "baton_test_bot"_L1 }, { "can_join_groups"_L1, true },
            { "can_read_all_group_messages"_L1, false }, { "has_topics_enabled"_L1, m_privateTopics } });
    if (method == "deleteWebhook"_L1 || method == "setMyCommands"_L1 || method == "sendChatAction"_L1)
        return ok(true);
    if (method == "sendMessage"_L1)
        return sendMessage(params);
    if (method == "editMessageText"_L1)
        return editMessageText(params);
    if (method == "createForumTopic"_L1)
        return createForumTopic(params);
    if (method == "getChat"_L1) {
        const qint64 chatId = integer(params, "chat_id");
        return m_chats.contains(chatId) ? ok(chatObject(chatId)) : error(400, u"Bad Request: chat not found"_s);
    }
    return error(404, u"Not Found"_s);
}

QJsonArray FakeTelegramServer::takeUpdates() const
{
    QJsonArray updates;
    for (const QJsonObject &update : m_updates) {
        // Telegram delivers no update of a kind the bot did not ask for.
        const QStringList kinds = update.keys();
        const bool wanted = m_allowedUpdates.isEmpty()
            || std::any_of(kinds.cbegin(), kinds.cend(),
                [this](const QString &kind) { return kind != "update_id"_L1 && m_allowedUpdates.contains(kind); });
        if (wanted)
            updates.append(update);
    }
    return updates;
}

QJsonObject FakeTelegramServer::getUpdates(const QJsonObject &params, QTcpSocket *socket, bool *deferred)
{
    // An update is confirmed, and forgotten, only by a later call with a higher offset.
    const qint64 offset = integer(params, "offset");
    m_updates.removeIf([offset](const QJsonObject &u) { return u.value("update_id"_L1).toInteger() < offset; });
    if (params.contains("allowed_updates"_L1)) {
        m_allowedUpdates.clear();
        for (const QJsonValue &kind : params.value("allowed_updates"_L1).toArray())
            m_allowedUpdates << kind.toString();
    }

    // A second poller ends the first, as Telegram does.
    for (Poll &poll : m_polls) {
        poll.timer->stop();
        poll.timer->deleteLater();
        if (poll.socket && poll.socket->state() == QAbstractSocket::ConnectedState)
            ++m_conflicts; // a poller that went away (killed) conflicts with nobody
        reply(poll.socket,
            error(409,
                u"Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"_s));
    }
    m_polls.clear();

    const qint64 timeout = integer(params, "timeout");
    if (!m_updates.isEmpty() || timeout <= 0 || !m_longPolling)
        return ok(takeUpdates());

    *deferred = true;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, timer] {
        for (qsizetype i = 0; i < m_polls.size(); ++i) {
            if (m_polls.at(i).timer == timer) {
                reply(m_polls.takeAt(i).socket, ok(QJsonArray {}));
                break;
            }
        }
        timer->deleteLater();
    });
    timer->start(int(timeout * 1000));
    m_polls << Poll { socket, timer };
    return {};
}

void FakeTelegramServer::answerPoll()
{
    for (Poll &poll : m_polls) {
        poll.timer->stop();
        poll.timer->deleteLater();
        reply(poll.socket, ok(takeUpdates()));
    }
    m_polls.clear();
}

QJsonObject FakeTelegramServer::sendMessage(const QJsonObject &params)
{
    const qint64 chatId = integer(params, "chat_id");
    const qint64 threadId = integer(params, "message_thread_id");
    QString text = params.value("text"_L1).toString();
    if (m_blocked.value(chatId))
        return error(403, u"Forbidden: bot was blocked by the user"_s);
    if (!m_chats.contains(chatId))
        return error(400, u"Bad Request: chat not found"_s);
    if (params.value("parse_mode"_L1).toString() == "HTML"_L1) {
        const auto [visible, problem] = parseHtml(text);
        if (!problem.isEmpty())
            return error(400, u"Bad Request: "_s + problem);
        text = visible;
    }
    if (text.trimmed().isEmpty())
        return error(400, u"Bad Request: message text is empty"_s);
    if (text.size() > 4096) // QString counts UTF-16 units, as Telegram does
        return error(400, u"Bad Request: message is too long"_s);
    // General (1) is addressed by leaving message_thread_id out; naming it fails, as on Telegram.
    if (threadId != 0 && !m_chats.value(chatId).topics.contains(threadId))
        return error(400, u"Bad Request: message thread not found"_s);
    const Stored stored { chatId, threadId, m_nextMessageId++, text, true };
    m_messages << stored;
    return ok(messageObject(stored));
}

QJsonObject FakeTelegramServer::editMessageText(const QJsonObject &params)
{
    const qint64 chatId = integer(params, "chat_id");
    const qint64 messageId = integer(params, "message_id");
    QString text = params.value("text"_L1).toString();
    if (params.value("parse_mode"_L1).toString() == "HTML"_L1) {
        const auto [visible, problem] = parseHtml(text);
        if (!problem.isEmpty())
            return error(400, u"Bad Request: "_s + problem);
        text = visible;
    }
    for (Stored &m : m_messages) {
        if (m.chatId != chatId || m.messageId != messageId || !m.fromBot)
            continue;
        if (m.text == text)
            return error(400,
                u"Bad Request: message is not modified: specified new message content and reply markup are exactly "
                "the same as a current content and reply markup of the message"_s);
        if (text.size() > 4096)
            return error(400, u"Bad Request: MESSAGE_TOO_LONG"_s);
        m.text = text;
        return ok(messageObject(m));
    }
    return error(400, u"Bad Request: message to edit not found"_s);
}

qint64 FakeTelegramServer::addTopic(qint64 chatId)
{
    const qint64 threadId = m_nextTopicId++;
    m_chats[chatId].topics << threadId;
    return threadId;
}

QJsonObject FakeTelegramServer::createForumTopic(const QJsonObject &params)
{
    const qint64 chatId = integer(params, "chat_id");
    const QString name = params.value("name"_L1).toString();
    if (!m_chats.contains(chatId))
        return error(400, u"Bad Request: chat not found"_s);
    Chat &chat = m_chats[chatId];
    if (chat.type == "private"_L1 && !m_privateTopics)
        return error(400, u"Bad Request: BOT_FORUM_CREATE_FORBIDDEN"_s);
    if (chat.type != "private"_L1 && !chat.isForum)
        return error(400, u"Bad Request: the chat is not a forum"_s);
    if (name.isEmpty() || name.size() > 128)
        return error(400, u"Bad Request: TOPIC_NAME_INVALID"_s);
    const qint64 threadId = m_nextTopicId++;
    chat.topics << threadId;
    return ok(QJsonObject { { "message_thread_id"_L1, threadId }, { "name"_L1, name }, { "icon_color"_L1, 7322096 } });
}
