// SPDX-License-Identifier: GPL-3.0-or-later
// platforms_bench: Discord and Slack against their fakes. In this process: reconnect-to-resumed
// time and heap per connected adapter. With the real `baton --no-gui` running Telegram, Discord
// and Slack together: handoff latency per platform, request to summary delivered in the thread.
// Prints `name: value unit` lines; --quick shrinks the sizes (for a smoke run).
#include "benchsupport.h"
#include "discord/discordadapter.h"
#include "fakediscordserver.h"
#include "fakellmserver.h"
#include "fakeslackserver.h"
#include "faketelegramserver.h"
#include "handoff/handoffpoke.h"
#include "slack/slackadapter.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"
#include "telegram/telegramadapter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <malloc.h>
#include <memory>

using namespace Qt::StringLiterals;
using BenchSupport::percentile;
using BenchSupport::waitFor;

namespace {
QTextStream out(stdout);
const QString discordGuild = u"700000000000000001"_s;
const QString discordHome = u"700000000000000010"_s;
const QString slackHome = u"C0000000001"_s;
constexpr qint64 telegramHome = -1001234567890;

double heapKb()
{
    return double(mallinfo2().uordblks) / 1024.0;
}

void report(const QString &name, const QList<double> &ms)
{
    out << name << "_p50: " << QString::number(percentile(ms, 0.5), 'f', 1) << " ms" << Qt::endl;
    out << name << "_p95: " << QString::number(percentile(ms, 0.95), 'f', 1) << " ms" << Qt::endl;
}

bool online(const PlatformAdapter &adapter)
{
    return adapter.state() == PlatformAdapter::State::Online;
}

// Drops the adapter's connection @p rounds times; each time, how long until it is online again.
QList<double> reconnects(PlatformAdapter &adapter, const std::function<void()> &drop, int rounds)
{
    int backOnline = 0; // counted from the signal: on loopback the whole round trip fits in one loop pass
    QObject::connect(&adapter, &PlatformAdapter::stateChanged, &adapter, [&](PlatformAdapter::State state) {
        if (state == PlatformAdapter::State::Online)
            ++backOnline;
    });
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        const int before = backOnline;
        QElapsedTimer timer;
        timer.start();
        drop();
        if (!waitFor([&] { return backOnline > before; }, 10'000))
            BenchSupport::die(
                "platforms_bench", u"%1 did not come back after a dropped connection"_s.arg(adapter.name()));
        times << timer.nsecsElapsed() / 1e6;
        waitFor([] { return false; }, 20);
    }
    QObject::disconnect(&adapter, &PlatformAdapter::stateChanged, &adapter, nullptr);
    return times;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);
    const int rounds = quick ? 3 : 30;
    QNetworkAccessManager network;

    FakeDiscordServer discord(u"discord-token"_s);
    FakeSlackServer slack(u"xoxb-slack"_s, u"xapp-slack"_s);
    FakeTelegramServer telegram(u"4242:telegram"_s);
    FakeLlmServer llm;
    if (!discord.listen() || !slack.listen() || !telegram.listen() || !llm.listen())
        BenchSupport::die("platforms_bench", u"cannot listen on 127.0.0.1"_s);
    discord.addGuildChannel(discordGuild, discordHome, u"home"_s);
    slack.addChannel(slackHome, u"home"_s);
    telegram.addGroup(telegramHome, u"Home"_s, true);

    // In this process: heap per connected adapter, and how fast each comes back.
    {
        const double before = heapKb();
        DiscordAdapter::Options options;
        options.apiBase = discord.apiBase();
        options.token = u"discord-token"_s;
        options.gateway.minReconnectMs = 50;
        DiscordAdapter adapter(&network, options);
        adapter.start();
        if (!waitFor([&] { return online(adapter); }, 10'000))
            BenchSupport::die("platforms_bench", u"Discord did not come online"_s);
        out << "discord_adapter_heap: " << QString::number(heapKb() - before, 'f', 0) << " KB" << Qt::endl;
        report(u"discord_reconnect_to_resumed"_s,
            reconnects(
                adapter, [&] { discord.dropConnections(); }, rounds));
        if (discord.identifyCount() != 1)
            BenchSupport::die("platforms_bench",
                u"Discord identified %1 times: a reconnect did not resume"_s.arg(discord.identifyCount()));
    }
    {
        const double before = heapKb();
        SlackAdapter::Options options;
        options.apiBase = slack.apiBase();
        options.botToken = u"xoxb-slack"_s;
        options.appToken = u"xapp-slack"_s;
        options.minReconnectMs = 50;
        SlackAdapter adapter(&network, options);
        adapter.start();
        if (!waitFor([&] { return online(adapter); }, 10'000))
            BenchSupport::die("platforms_bench", u"Slack did not come online"_s);
        out << "slack_adapter_heap: " << QString::number(heapKb() - before, 'f', 0) << " KB" << Qt::endl;
        report(u"slack_reconnect_to_hello"_s,
            reconnects(
                adapter, [&] { slack.dropConnections(); }, rounds));
    }
    {
        const double before = heapKb();
        TelegramAdapter::Options options;
        options.apiBase = telegram.apiBase();
        options.token = u"4242:telegram"_s;
        TelegramAdapter adapter(&network, options);
        adapter.start();
        if (!waitFor([&] { return online(adapter); }, 10'000))
            BenchSupport::die("platforms_bench", u"Telegram did not come online"_s);
        out << "telegram_adapter_heap: " << QString::number(heapKb() - before, 'f', 0) << " KB" << Qt::endl;
        adapter.stop();
    }

    // The real gateway with all three: handoff latency per platform.
    QTemporaryDir dir;
    QFile ini(dir.filePath(u"baton.ini"_s));
    if (!ini.open(QIODevice::WriteOnly))
        BenchSupport::die("platforms_bench", u"cannot write the config"_s);
    ini.write("[llm]\nbase_url=" + llm.baseUrl().toString().toUtf8() + "\nmodel=fake\n[telegram]\nenabled=true\n"
        + "api_base=" + telegram.apiBase().toUtf8() + "\nhome_chat=" + QByteArray::number(telegramHome)
        + "\n[discord]\nenabled=true\napi_base=" + discord.apiBase().toUtf8() + "\nhome_channel=" + discordHome.toUtf8()
        + "\n[slack]\nenabled=true\napi_base=" + slack.apiBase().toUtf8() + "\nhome_channel=" + slackHome.toUtf8()
        + "\n");
    ini.close();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BATON_TELEGRAM_TOKEN"_s, u"4242:telegram"_s);
    env.insert(u"BATON_DISCORD_TOKEN"_s, u"discord-token"_s);
    env.insert(u"BATON_SLACK_BOT_TOKEN"_s, u"xoxb-slack"_s);
    env.insert(u"BATON_SLACK_APP_TOKEN"_s, u"xapp-slack"_s);
    QProcess gateway;
    gateway.setProcessEnvironment(env);
    gateway.setStandardErrorFile(QProcess::nullDevice());
    const int identifies = discord.identifyCount();
    const int slackConnections = slack.liveConnections();
    gateway.start(
        QStringLiteral(BATON_BINARY), { u"--no-gui"_s, u"--data-dir"_s, dir.path(), u"--config"_s, ini.fileName() });
    if (!waitFor(
            [&] {
                return discord.identifyCount() > identifies && slack.liveConnections() > slackConnections
                    && !telegram.calls(u"getUpdates"_s).isEmpty();
            },
            10'000))
        BenchSupport::die("platforms_bench", u"the gateway did not come online on all three platforms"_s);
    waitFor([] { return false; }, 500);

    Database db;
    if (!db.open(dir.filePath(u"state.db"_s)))
        BenchSupport::die("platforms_bench", db.errorString());
    SessionStore sessions(db);
    HandoffStore handoffs(db);
    const int perPlatform = quick ? 3 : 20;
    for (const QString &platform : { u"discord"_s, u"slack"_s, u"telegram"_s }) {
        QList<double> latencies;
        for (int i = 0; i < perPlatform; ++i) {
            const QString id = sessions.createSession(u"Trip %1"_s.arg(i), u"cli"_s);
            Message said;
            said.sessionId = id;
            said.content = u"plan trip %1"_s.arg(i);
            if (!sessions.appendMessage(said))
                BenchSupport::die("platforms_bench", sessions.errorString());
            const int discordThreads = int(discord.threads(discordHome).size());
            const int slackSeeds = int(slack.botMessages(slackHome).size());
            const int topics = int(telegram.topics(telegramHome).size());
            QElapsedTimer timer;
            timer.start();
            if (handoffs.requestHandoff(id, platform) != HandoffStore::RequestResult::Requested)
                BenchSupport::die("platforms_bench", handoffs.errorString());
            HandoffPoke::send(dir.path(), id, &app);
            const auto delivered = [&] {
                if (platform == "discord"_L1) {
                    const QStringList threads = discord.threads(discordHome);
                    return threads.size() > discordThreads && !discord.botMessages(threads.constLast()).isEmpty();
                }
                if (platform == "slack"_L1) {
                    const QStringList seeds = slack.botMessages(slackHome);
                    if (seeds.size() <= slackSeeds)
                        return false;
                    const auto status = handoffs.handoffState(id);
                    return status && status->state == HandoffState::Completed;
                }
                const QList<qint64> created = telegram.topics(telegramHome);
                return created.size() > topics && !telegram.botMessages(telegramHome, created.constLast()).isEmpty();
            };
            if (!waitFor(delivered, 10'000))
                BenchSupport::die("platforms_bench", u"handoff to %1 was not delivered"_s.arg(platform));
            latencies << timer.nsecsElapsed() / 1e6;
            waitFor([&] { return handoffs.handoffState(id)->state == HandoffState::Completed; }, 10'000);
        }
        report(platform + u"_handoff_latency"_s, latencies);
    }
    gateway.terminate();
    if (!gateway.waitForFinished(15'000) || gateway.exitCode() != 0)
        BenchSupport::die("platforms_bench", u"the gateway did not stop cleanly"_s);
    return 0;
}
