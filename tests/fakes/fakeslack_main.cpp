// SPDX-License-Identifier: GPL-3.0-or-later
// baton-fake-slack: the fake Slack Web API and Socket Mode on their own, for demos and benchmarks.
// People are scripted on stdin, one line each: `say USER_ID CHANNEL_ID [THREAD_TS] text...`.
#include "fakeslackserver.h"
#include "stdincommands.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"A Slack Web API and Socket Mode server for trying Baton without a workspace."_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"HTTP port on 127.0.0.1 (0 picks a free one)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption botToken(u"bot-token"_s, u"The bot token it accepts."_s, u"token"_s, u"xoxb-fake"_s);
    const QCommandLineOption appToken(u"app-token"_s, u"The app-level token it accepts."_s, u"token"_s, u"xapp-fake"_s);
    const QCommandLineOption channel(u"channel"_s, u"A public channel: ID:NAME (repeatable)."_s, u"channel"_s);
    const QCommandLineOption im(u"im"_s, u"A direct message: ID:USER_ID (repeatable)."_s, u"im"_s);
    parser.addOptions({ port, botToken, appToken, channel, im });
    parser.process(app);

    FakeSlackServer server(parser.value(botToken), parser.value(appToken));
    for (const QString &c : parser.values(channel))
        server.addChannel(c.section(u':', 0, 0), c.section(u':', 1));
    for (const QString &i : parser.values(im))
        server.addIm(i.section(u':', 0, 0), i.section(u':', 1));
    if (!server.listen(static_cast<quint16>(parser.value(port).toUInt()))) {
        QTextStream(stderr) << "baton-fake-slack: cannot listen on port " << parser.value(port) << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "baton-fake-slack listening on " << server.apiBase() << Qt::endl;

    // Channels named on a `say` line come into being (D... as a DM with that person).
    static const QRegularExpression tsPattern(u"^[0-9]+\\.[0-9]+$"_s);
    StdinCommands commands([&](const QStringList &words) {
        if (words.size() < 4 || words.first() != "say"_L1)
            return;
        const bool isThread = words.size() > 4 && tsPattern.match(words.at(3)).hasMatch();
        server.userSends(
            words.at(1), words.at(2), words.mid(isThread ? 4 : 3).join(u' '), isThread ? words.at(3) : QString());
    });
    return app.exec();
}
