// SPDX-License-Identifier: GPL-3.0-or-later
// baton-fake-discord: the fake Discord REST API and Gateway on their own, for demos and benchmarks.
// People are scripted on stdin, one line each: `say USER_ID CHANNEL_ID text...` (an unknown channel
// becomes a DM with that user). Faults too: `drop`, `close CODE`, `reconnect`, `invalid true|false`.
#include "fakediscordserver.h"
#include "stdincommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A Discord REST API and Gateway for trying Baton without an account."_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"REST port on 127.0.0.1 (0 picks a free one)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption gatewayPort(
        u"gateway-port"_s, u"Gateway port on 127.0.0.1 (0 picks a free one)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption token(u"token"_s, u"The bot token it accepts."_s, u"token"_s, u"fake-discord-token"_s);
    const QCommandLineOption guild(
        u"guild"_s, u"A guild text channel: GUILD_ID:CHANNEL_ID:NAME (repeatable)."_s, u"guild"_s);
    const QCommandLineOption dm(u"dm"_s, u"A DM channel: CHANNEL_ID:USER_ID (repeatable)."_s, u"dm"_s);
    const QCommandLineOption noThreads(u"no-threads"_s, u"Refuse POST /channels/{id}/threads (403 50013)."_s);
    const QCommandLineOption noContent(
        u"no-message-content"_s, u"The MESSAGE_CONTENT intent is not enabled (IDENTIFY closes with 4014)."_s);
    const QCommandLineOption heartbeat(u"heartbeat-ms"_s, u"HELLO's heartbeat_interval."_s, u"ms"_s, u"41250"_s);
    parser.addOptions({ port, gatewayPort, token, guild, dm, noThreads, noContent, heartbeat });
    parser.process(app);

    FakeDiscordServer server(parser.value(token));
    for (const QString &g : parser.values(guild))
        server.addGuildChannel(g.section(u':', 0, 0), g.section(u':', 1, 1), g.section(u':', 2));
    for (const QString &d : parser.values(dm))
        server.addDmChannel(d.section(u':', 0, 0), d.section(u':', 1, 1));
    server.setThreadsAllowed(!parser.isSet(noThreads));
    server.setMessageContentIntentEnabled(!parser.isSet(noContent));
    server.setHeartbeatIntervalMs(parser.value(heartbeat).toInt());
    if (!server.listen(static_cast<quint16>(parser.value(port).toUInt()),
            static_cast<quint16>(parser.value(gatewayPort).toUInt()))) {
        QTextStream(stderr) << "baton-fake-discord: cannot listen on port " << parser.value(port) << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "baton-fake-discord listening on " << server.apiBase() << " gateway " << server.gatewayUrl()
                        << Qt::endl;

    StdinCommands commands([&](const QStringList &words) {
        const QString command = words.value(0);
        if (command == "say"_L1 && words.size() >= 4)
            server.userSends(words.at(1), words.at(2), words.mid(3).join(u' '));
        else if (command == "drop"_L1)
            server.dropConnections();
        else if (command == "close"_L1 && words.size() == 2)
            server.closeConnections(words.at(1).toInt());
        else if (command == "reconnect"_L1)
            server.sendReconnect();
        else if (command == "invalid"_L1 && words.size() == 2)
            server.sendInvalidSession(words.at(1) == "true"_L1);
    });
    return app.exec();
}
