// SPDX-License-Identifier: GPL-3.0-or-later
// baton-fake-llm: the fake model server on its own, for demos and benchmarks.
#include "fakellmserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
int s_signalPipe[2];
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_signalPipe[1], &byte, 1);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"An OpenAI-compatible chat completions server that echoes or answers fixed text."_s);
    parser.addHelpOption();
    const QCommandLineOption port(u"port"_s, u"Port on 127.0.0.1 (0 picks a free one)."_s, u"port"_s, u"0"_s);
    const QCommandLineOption delay(u"delay-ms"_s, u"Delay between streamed words."_s, u"ms"_s, u"0"_s);
    const QCommandLineOption reply(u"reply"_s, u"Answer this text instead of echoing."_s, u"text"_s);
    const QCommandLineOption words(u"words"_s, u"Answer N numbered words (for throughput benchmarks)."_s, u"n"_s);
    const QCommandLineOption thinking(
        u"thinking"_s, u"Answer as a reasoning model: reasoning_content, a <think> block and a usage chunk."_s);
    const QCommandLineOption rejectStreamOptions(
        u"reject-stream-options"_s, u"Answer 400 to requests with stream_options."_s);
    parser.addOptions({ port, delay, reply, words, thinking, rejectStreamOptions });
    parser.process(app);

    FakeLlmServer server;
    server.setEchoDelayMs(parser.value(delay).toInt());
    server.setFixedReply(parser.value(reply));
    server.setThinking(parser.isSet(thinking));
    server.setRejectStreamOptions(parser.isSet(rejectStreamOptions));
    if (const int n = parser.value(words).toInt(); n > 0) {
        QStringList text;
        for (int i = 0; i < n; ++i)
            text << u"w%1"_s.arg(i);
        server.setFixedReply(text.join(u' '));
    }
    QTextStream out(stdout);
    if (!server.listen(static_cast<quint16>(parser.value(port).toUInt()))) {
        QTextStream(stderr) << "baton-fake-llm: cannot listen on port " << parser.value(port) << Qt::endl;
        return 1;
    }
    out << "baton-fake-llm listening on " << server.baseUrl().toString() << Qt::endl;

    if (::pipe(s_signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto *notifier = new QSocketNotifier(s_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    }
    return app.exec();
}
