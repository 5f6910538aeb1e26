// SPDX-License-Identifier: GPL-3.0-or-later
// gateway_bench: the real `baton-headless --no-gui` against the fake Telegram Bot API and an
// instant fake model, both in this process. Measures startup to online, idle RSS, PSS and CPU,
// handoff latency (request to reply delivered in the new topic), inbound messages/s end to end with
// zero loss, and the wall time of `sessions list` through `baton` (which execs baton-headless) and
// through baton-headless directly. Prints `name: value unit` lines; --quick shrinks the sizes (for a
// smoke run); --idle-seconds N sets the idle window (60 s by default).
#include "benchsupport.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "handoff/handoffpoke.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using BenchSupport::percentile;
using BenchSupport::waitFor;

namespace {
QTextStream out(stdout);
const QString token = u"4242:bench"_s;
constexpr qint64 home = -100999;
constexpr qint64 firstUser = 1000;

// Summed over every thread of @p pid.
struct ProcessSample
{
    double cpuMs = 0;
    qint64 contextSwitches = 0;
    double rssMb = 0;
    double pssMb = 0; // RSS with every shared page divided among the processes that map it
};

ProcessSample sample(qint64 pid)
{
    ProcessSample s;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = stat.readAll().split(')').value(1).trimmed().split(' ');
        // After the command: state is field 3, utime 14 and stime 15 (1-based, whole line).
        s.cpuMs = (fields.value(11).toDouble() + fields.value(12).toDouble()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
    }
    const QStringList tasks = QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile status(u"/proc/%1/task/%2/status"_s.arg(pid).arg(task));
        if (!status.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.contains("ctxt_switches:"))
                s.contextSwitches += line.split(':').value(1).trimmed().toLongLong();
        }
    }
    QFile rollup(u"/proc/%1/smaps_rollup"_s.arg(pid));
    if (rollup.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : rollup.readAll().split('\n')) {
            const double mb = line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
            if (line.startsWith("Rss:"))
                s.rssMb = mb;
            else if (line.startsWith("Pss:"))
                s.pssMb = mb;
        }
    }
    return s;
}

QString megabytes(double mb)
{
    return QString::number(mb, 'f', 1) + u" MB"_s;
}

// Median wall time of `<binary> sessions list` on @p dataDir, from start to exit.
double sessionsListMs(const QString &binary, const QString &dataDir, int runs)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess list;
        list.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        list.start(binary, { u"sessions"_s, u"list"_s, u"--data-dir"_s, dataDir });
        if (!list.waitForFinished(30'000) || list.exitStatus() != QProcess::NormalExit || list.exitCode() != 0)
            BenchSupport::die("gateway_bench",
                u"%1 sessions list failed: %2"_s.arg(binary, QString::fromUtf8(list.readAllStandardError())));
        times << timer.nsecsElapsed() / 1e6;
    }
    return percentile(times, 0.5);
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);
    const qsizetype idleArg = app.arguments().indexOf(u"--idle-seconds"_s);
    const int idleSeconds = idleArg > 0 ? app.arguments().value(idleArg + 1).toInt() : quick ? 2 : 60;
    const int handoffs = quick ? 5 : 50;
    const int users = quick ? 10 : 100;
    const int messagesPerUser = 10;

    FakeLlmServer llm; // echoes at once: the gateway's own cost is what is measured
    FakeTelegramServer telegram(token);
    if (!llm.listen() || !telegram.listen())
        BenchSupport::die("gateway_bench", u"cannot listen on 127.0.0.1"_s);
    QStringList allowed;
    for (int i = 0; i < users; ++i) {
        telegram.addPrivateChat(firstUser + i, u"User %1"_s.arg(i));
        allowed << QString::number(firstUser + i);
    }
    telegram.addGroup(home, u"Home"_s, true);

    QTemporaryDir dir;
    QFile ini(dir.filePath(u"baton.ini"_s));
    if (!ini.open(QIODevice::WriteOnly))
        BenchSupport::die("gateway_bench", u"cannot write the config"_s);
    ini.write("[llm]\nbase_url=" + llm.baseUrl().toString().toUtf8() + "\nmodel=fake\n[telegram]\nenabled=true\n"
        + "api_base=" + telegram.apiBase().toUtf8() + "\nallowed_users=" + allowed.join(u',').toUtf8()
        + "\nhome_chat=" + QByteArray::number(home) + "\n");
    ini.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
    QProcess gateway;
    gateway.setProcessEnvironment(env);
    gateway.setStandardErrorFile(QProcess::nullDevice()); // its log: one line per message
    QElapsedTimer started;
    started.start();
    gateway.start(
        QStringLiteral(HEADLESS_BINARY), { u"--no-gui"_s, u"--data-dir"_s, dir.path(), u"--config"_s, ini.fileName() });
    if (!waitFor([&] { return !telegram.calls(u"getUpdates"_s).isEmpty(); }, 10'000))
        BenchSupport::die("gateway_bench", u"the gateway did not come online"_s);
    out << "gateway_online: " << started.elapsed() << " ms" << Qt::endl;

    // Idle: nothing to do but the long poll and the watcher's timer.
    waitFor([] { return false; }, 1'000);
    const qint64 pid = gateway.processId();
    const ProcessSample idleStart = sample(pid);
    const qsizetype pollsBefore = telegram.calls(u"getUpdates"_s).size();
    waitFor([] { return false; }, idleSeconds * 1000);
    const ProcessSample idleEnd = sample(pid);
    out << "idle_rss: " << megabytes(idleStart.rssMb) << " (target 25 MB or less)" << Qt::endl;
    out << "idle_pss: " << megabytes(idleStart.pssMb) << Qt::endl;
    out << "idle_cpu: " << QString::number(idleEnd.cpuMs - idleStart.cpuMs, 'f', 0) << " ms over " << idleSeconds
        << " s" << Qt::endl;
    out << "idle_wakeups: "
        << QString::number(double(idleEnd.contextSwitches - idleStart.contextSwitches) / idleSeconds, 'f', 2)
        << " per s" << Qt::endl;
    out << "idle_long_polls: " << telegram.calls(u"getUpdates"_s).size() - pollsBefore << " in " << idleSeconds << " s"
        << Qt::endl;

    // Handoff latency: request (and the requester's poke) to the reply delivered in the new topic.
    Database db;
    if (!db.open(dir.filePath(u"state.db"_s)))
        BenchSupport::die("gateway_bench", db.errorString());
    SessionStore sessions(db);
    HandoffStore handoffStore(db);
    QList<double> latencies;
    for (int i = 0; i < handoffs; ++i) {
        const QString id = sessions.createSession(u"Trip %1"_s.arg(i), u"cli"_s);
        Message said;
        said.sessionId = id;
        said.content = u"plan trip %1"_s.arg(i);
        if (!sessions.appendMessage(said))
            BenchSupport::die("gateway_bench", sessions.errorString());
        const qsizetype topicsBefore = telegram.topics(home).size();
        QElapsedTimer timer;
        timer.start();
        if (handoffStore.requestHandoff(id, u"telegram"_s) != HandoffStore::RequestResult::Requested)
            BenchSupport::die("gateway_bench", u"handoff %1 refused: %2"_s.arg(i).arg(handoffStore.errorString()));
        HandoffPoke::send(dir.path(), id, &app);
        const bool delivered = waitFor(
            [&] {
                const QList<qint64> topics = telegram.topics(home);
                return topics.size() > topicsBefore && !telegram.botMessages(home, topics.last()).isEmpty();
            },
            10'000);
        if (!delivered)
            BenchSupport::die("gateway_bench", u"handoff %1 was not delivered"_s.arg(i));
        latencies << timer.nsecsElapsed() / 1e6;
        waitFor([&] { return handoffStore.handoffState(id)->state == HandoffState::Completed; }, 10'000);
    }
    out << "handoff_latency_p50: " << QString::number(percentile(latencies, 0.5), 'f', 1) << " ms" << Qt::endl;
    out << "handoff_latency_p95: " << QString::number(percentile(latencies, 0.95), 'f', 1) << " ms" << Qt::endl;

    // Inbound: many people writing at once; every message stored once and every chat answered.
    const int total = users * messagesPerUser;
    const qint64 storedBefore
        = scalar(db, u"SELECT COUNT(*) FROM messages WHERE role = 'user' AND platform = 'telegram'"_s);
    QElapsedTimer inbound;
    inbound.start();
    for (int m = 0; m < messagesPerUser; ++m) {
        for (int u = 0; u < users; ++u)
            telegram.userSends(firstUser + u, firstUser + u, u"message %1 from %2"_s.arg(m).arg(u));
    }
    const auto stored = [&] {
        return scalar(db, u"SELECT COUNT(*) FROM messages WHERE role = 'user' AND platform = 'telegram'"_s)
            - storedBefore;
    };
    const bool allAnswered = waitFor(
        [&] {
            if (stored() < total)
                return false;
            // Every conversation ends with a delivered reply and nothing is left to send.
            return scalar(db,
                       u"SELECT COUNT(*) FROM sessions s WHERE s.origin = 'telegram' AND (s.turn_state IS NOT NULL "
                       "OR (SELECT role FROM messages m WHERE m.session_id = s.id AND m.internal = 0 "
                       "ORDER BY m.id DESC LIMIT 1) <> 'assistant')"_s)
                == 0
                && scalar(db, u"SELECT COUNT(*) FROM outbox WHERE state = 'pending'"_s) == 0;
        },
        120'000);
    const double seconds = inbound.nsecsElapsed() / 1e9;
    if (!allAnswered)
        BenchSupport::die(
            "gateway_bench", u"inbound: %1 of %2 stored, not all answered in time"_s.arg(stored()).arg(total));
    out << "inbound_messages: " << total << " sent, " << stored() << " stored, " << total - stored() << " lost"
        << Qt::endl;
    out << "inbound_rate: " << QString::number(total / seconds, 'f', 0) << " messages/s (stored and answered)"
        << Qt::endl;
    const ProcessSample loaded = sample(pid);
    out << "loaded_rss: " << megabytes(loaded.rssMb) << Qt::endl;
    out << "loaded_pss: " << megabytes(loaded.pssMb) << Qt::endl;

    gateway.terminate();
    if (!gateway.waitForFinished(15'000) || gateway.exitCode() != 0)
        BenchSupport::die("gateway_bench", u"the gateway did not stop cleanly"_s);

    // What every CLI command pays: `baton` adds its own start and an exec to baton-headless's.
    const int listRuns = quick ? 3 : 21;
    const qint64 sessionCount = scalar(db, u"SELECT COUNT(*) FROM sessions"_s);
    out << "sessions_list_headless: "
        << QString::number(sessionsListMs(QStringLiteral(HEADLESS_BINARY), dir.path(), listRuns), 'f', 1)
        << " ms (median of " << listRuns << ", " << sessionCount << " sessions)" << Qt::endl;
    out << "sessions_list_baton: "
        << QString::number(sessionsListMs(QStringLiteral(BATON_BINARY), dir.path(), listRuns), 'f', 1)
        << " ms (median of " << listRuns << ", through the window binary)" << Qt::endl;
    return 0;
}
