// SPDX-License-Identifier: GPL-3.0-or-later
// baton-fake-telegram: the fake Bot API on its own, for demos and benchmarks. People are scripted
// on stdin, one line each: `say USER_ID CHAT_ID [THREAD_ID] text...`; what the bot sends, edits and
// opens is printed on stdout, a line each, with the chat and the topic.
#include "faketelegramserver.h"
#include "stdincommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A Telegram Bot API server for trying Baton without an account."_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"Port on 127.0.0.1 (0 picks a free one)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption token(u"token"_s, u"The bot token it accepts."_s, u"token"_s, u"123:fake"_s);
    const QCommandLineOption user(u"user"_s, u"A person with a private chat: ID:NAME (repeatable)."_s, u"user"_s);
    const QCommandLineOption forum(u"forum"_s, u"A forum supergroup: ID:TITLE (repeatable)."_s, u"forum"_s);
    const QCommandLineOption topics(u"private-topics"_s, u"Allow topics in private chats (Bot API 9.3)."_s);
    parser.addOptions({ port, token, user, forum, topics });
    parser.process(app);

    FakeTelegramServer server(parser.value(token));
    for (const QString &u : parser.values(user))
        server.addPrivateChat(u.section(u':', 0, 0).toLongLong(), u.section(u':', 1));
    for (const QString &f : parser.values(forum))
        server.addGroup(f.section(u':', 0, 0).toLongLong(), f.section(u':', 1), true);
    server.setTopicsInPrivateChats(parser.isSet(topics));
    if (!server.listen(static_cast<quint16>(parser.value(port).toUInt()))) {
        QTextStream(stderr) << "baton-fake-telegram: cannot listen on port " << parser.value(port) << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "baton-fake-telegram listening on " << server.apiBase() << Qt::endl;
    QObject::connect(&server, &FakeTelegramServer::called, [](const QString &method, const QJsonObject &params) {
        const auto where = [&params] {
            const QString chat = params.value("chat_id"_L1).toVariant().toString();
            const QString topic = params.value("message_thread_id"_L1).toVariant().toString();
            return topic.isEmpty() ? chat : chat + u" topic "_s + topic;
        };
        QTextStream out(stdout);
        if (method == "sendMessage"_L1)
            out << "bot -> " << where() << ": " << params.value("text"_L1).toString() << Qt::endl;
        else if (method == "editMessageText"_L1)
            out << "bot edits " << params.value("message_id"_L1).toVariant().toString() << " in " << where() << ": "
                << params.value("text"_L1).toString() << Qt::endl;
        else if (method == "createForumTopic"_L1)
            out << "bot opens a topic in " << where() << ": " << params.value("name"_L1).toString() << Qt::endl;
    });

    StdinCommands commands([&](const QStringList &words) {
        if (words.size() < 4 || words.first() != "say"_L1)
            return;
        bool isThread = false;
        const qint64 thread = words.at(3).toLongLong(&isThread);
        server.userSends(words.at(1).toLongLong(), words.at(2).toLongLong(),
            words.mid(isThread && words.size() > 4 ? 4 : 3).join(u' '), isThread && words.size() > 4 ? thread : 0);
    });
    return app.exec();
}
