// SPDX-License-Identifier: GPL-3.0-or-later
// gateway_bench: the real `baton-headless --no-gui` against the fake Telegram Bot API and an
// instant fake model, both in this process, once on SQLite (state.db) and once on PostgreSQL (a
// throwaway server of Debian's postgresql on 127.0.0.1, started the way the tests start theirs,
// named by `[store] url` in the gateway's baton.ini). Measures startup to online, idle RSS, PSS and
// CPU, handoff latency (request to reply delivered in the new topic) with the requester's poke and
// without one (a requester on another machine: only the store tells the gateway), inbound
// messages/s end to end with zero loss, and the wall time of `sessions list` through `baton`
// (which execs baton-headless) and through baton-headless directly. Prints one table, a column per
// store; the PostgreSQL column is skipped, with the reason, when the server's binaries are missing
// or it does not start. --quick shrinks the sizes (for a smoke run); --idle-seconds N sets the
// idle window (60 s by default); --sqlite-only and --postgres-only measure one store.
#include "benchpostgres.h"
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
#include <QPointer>
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

QString oneDecimal(double value)
{
    return QString::number(value, 'f', 1);
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

// The gateway being measured: killed before the bench exits on a failure, so no gateway outlives it.
QPointer<QProcess> runningGateway;

[[noreturn]] void die(const QString &what)
{
    if (runningGateway)
        runningGateway->kill();
    BenchSupport::die("gateway_bench", what);
}

struct Sizes
{
    int idleSeconds = 60;
    int handoffs = 50;
    int unpokedHandoffs = 20;
    int users = 100;
    int messagesPerUser = 10;
    int listRuns = 21;
};

/**
 * @brief One store's column: a gateway on its own fakes and data directory, and this process as
 * the requester (the CLI or the window) on the same store.
 */
class Run
{
public:
    Run(BenchSupport::Table &table, qsizetype column, QString name, QString storeUrl, const Sizes &sizes)
        : m_table(table)
        , m_column(column)
        , m_name(std::move(name))
        , m_storeUrl(std::move(storeUrl))
        , m_sizes(sizes)
    { }

    [[nodiscard]] QStringList failures() const { return m_failures; }

    void measure()
    {
        if (!startGateway())
            return;
        measureIdle();
        if (!m_db.open(m_storeUrl.isEmpty() ? m_dir.filePath(u"state.db"_s) : m_storeUrl))
            return failed(u"opening the store"_s, m_db.errorString());
        measureHandoffs(u"handoff_latency"_s, m_sizes.handoffs, true);
        measureHandoffs(u"handoff_no_poke"_s, m_sizes.unpokedHandoffs, false);
        measureInbound();
        m_gateway.terminate();
        if (!m_gateway.waitForFinished(15'000) || m_gateway.exitCode() != 0)
            failed(u"stopping the gateway"_s, u"the gateway did not stop cleanly"_s);
        measureSessionsList();
    }

private:
    void set(const QString &figure, const QString &value, const QString &unit)
    {
        m_table.set(figure, m_column, value, unit);
    }
    void failed(const QString &what, const QString &why)
    {
        m_failures << u"%1: %2 failed: %3"_s.arg(m_name, what, why);
    }

    bool startGateway()
    {
        if (!m_llm.listen() || !m_telegram.listen())
            die(u"cannot listen on 127.0.0.1"_s);
        QStringList allowed;
        for (int i = 0; i < m_sizes.users; ++i) {
            m_telegram.addPrivateChat(firstUser + i, u"User %1"_s.arg(i));
            allowed << QString::number(firstUser + i);
        }
        m_telegram.addGroup(home, u"Home"_s, true);

        m_config = m_dir.filePath(u"baton.ini"_s);
        QFile ini(m_config);
        if (!ini.open(QIODevice::WriteOnly))
            die(u"cannot write the config"_s);
        ini.write("[llm]\nbase_url=" + m_llm.baseUrl().toString().toUtf8() + "\nmodel=fake\n[telegram]\nenabled=true\n"
            + "api_base=" + m_telegram.apiBase().toUtf8() + "\nallowed_users=" + allowed.join(u',').toUtf8()
            + "\nhome_chat=" + QByteArray::number(home) + "\n");
        if (!m_storeUrl.isEmpty())
            ini.write("[store]\nurl=" + m_storeUrl.toUtf8() + "\n");
        ini.close();

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
        m_gateway.setProcessEnvironment(env);
        m_gateway.setStandardErrorFile(m_dir.filePath(u"gateway.log"_s)); // one line per message
        QElapsedTimer started;
        started.start();
        m_gateway.start(
            QStringLiteral(HEADLESS_BINARY), { u"--no-gui"_s, u"--data-dir"_s, m_dir.path(), u"--config"_s, m_config });
        runningGateway = &m_gateway;
        if (!waitFor([&] { return !m_telegram.calls(u"getUpdates"_s).isEmpty(); }, 10'000)) {
            QFile log(m_dir.filePath(u"gateway.log"_s));
            failed(u"starting the gateway"_s,
                u"it did not come online: "_s
                    + (log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(600)).trimmed()
                                                     : u"(no log)"_s));
            m_gateway.kill();
            m_gateway.waitForFinished(5'000);
            return false;
        }
        set(u"gateway_online"_s, QString::number(started.elapsed()), u"ms"_s);
        return true;
    }

    // Idle: nothing to do but the long poll and the watchers.
    void measureIdle()
    {
        waitFor([] { return false; }, 1'000);
        const qint64 pid = m_gateway.processId();
        const ProcessSample start = sample(pid);
        const qsizetype pollsBefore = m_telegram.calls(u"getUpdates"_s).size();
        waitFor([] { return false; }, m_sizes.idleSeconds * 1000);
        const ProcessSample end = sample(pid);
        set(u"idle_rss"_s, oneDecimal(start.rssMb), u"MB (target 25 MB or less)"_s);
        set(u"idle_pss"_s, oneDecimal(start.pssMb), u"MB"_s);
        set(u"idle_cpu"_s, QString::number(end.cpuMs - start.cpuMs, 'f', 0),
            u"ms over %1 s"_s.arg(m_sizes.idleSeconds));
        set(u"idle_wakeups"_s,
            QString::number(double(end.contextSwitches - start.contextSwitches) / m_sizes.idleSeconds, 'f', 2),
            u"per s"_s);
        set(u"idle_long_polls"_s, QString::number(m_telegram.calls(u"getUpdates"_s).size() - pollsBefore),
            u"in %1 s"_s.arg(m_sizes.idleSeconds));
    }

    // Request to the reply delivered in the new topic. Poked: the requester shares the gateway's
    // data directory and wakes it through its socket, as the CLI and the window beside it do.
    // Unpoked: a requester on another machine, whose only way to the gateway is the store.
    void measureHandoffs(const QString &figure, int count, bool poke)
    {
        SessionStore sessions(m_db);
        HandoffStore handoffs(m_db);
        QList<double> latencies;
        for (int i = 0; i < count; ++i) {
            const QString id = sessions.createSession(u"Trip %1"_s.arg(i), u"cli"_s);
            Message said;
            said.sessionId = id;
            said.content = u"plan trip %1"_s.arg(i);
            if (id.isEmpty() || !sessions.appendMessage(said))
                return handoffFailed(figure, u"creating a session: "_s + sessions.errorString());
            const qsizetype topicsBefore = m_telegram.topics(home).size();
            QElapsedTimer timer;
            timer.start();
            if (handoffs.requestHandoff(id, u"telegram"_s) != HandoffStore::RequestResult::Requested)
                return handoffFailed(figure, u"handoff %1 refused: %2"_s.arg(i).arg(handoffs.errorString()));
            if (poke)
                HandoffPoke::send(m_dir.path(), id, QCoreApplication::instance());
            const bool delivered = waitFor(
                [&] {
                    const QList<qint64> topics = m_telegram.topics(home);
                    return topics.size() > topicsBefore && !m_telegram.botMessages(home, topics.last()).isEmpty();
                },
                10'000);
            if (!delivered)
                return handoffFailed(figure,
                    u"handoff %1 was not delivered within 10 s (state %2)"_s.arg(i).arg(
                        handoffStateName(handoffs, id)));
            latencies << timer.nsecsElapsed() / 1e6;
            waitFor(
                [&] {
                    const auto state = handoffs.handoffState(id);
                    return state && state->state == HandoffState::Completed;
                },
                10'000);
        }
        const QString unit = poke ? u"ms (%1 handoffs, the requester pokes)"_s.arg(count)
                                  : u"ms (%1 handoffs, no poke: a requester on another machine)"_s.arg(count);
        set(figure + u"_p50"_s, oneDecimal(percentile(latencies, 0.5)), unit);
        set(figure + u"_p95"_s, oneDecimal(percentile(latencies, 0.95)), unit);
    }
    static QString handoffStateName(HandoffStore &handoffs, const QString &id)
    {
        const auto state = handoffs.handoffState(id);
        return state ? QString::number(int(state->state)) : handoffs.errorString();
    }
    void handoffFailed(const QString &figure, const QString &why)
    {
        set(figure + u"_p50"_s, u"failed"_s, {});
        set(figure + u"_p95"_s, u"failed"_s, {});
        failed(figure, why);
    }

    // Many people writing at once; every message stored once and every chat answered.
    void measureInbound()
    {
        const int total = m_sizes.users * m_sizes.messagesPerUser;
        const QString userMessages = u"SELECT COUNT(*) FROM messages WHERE role = 'user' AND platform = 'telegram'"_s;
        const qint64 storedBefore = scalar(m_db, userMessages);
        QElapsedTimer inbound;
        inbound.start();
        for (int m = 0; m < m_sizes.messagesPerUser; ++m) {
            for (int u = 0; u < m_sizes.users; ++u)
                m_telegram.userSends(firstUser + u, firstUser + u, u"message %1 from %2"_s.arg(m).arg(u));
        }
        const auto stored = [&] { return scalar(m_db, userMessages) - storedBefore; };
        const bool allAnswered = waitFor(
            [&] {
                if (stored() < total)
                    return false;
                // Every conversation ends with a delivered reply and nothing is left to send.
                return scalar(m_db,
                           u"SELECT COUNT(*) FROM sessions s WHERE s.origin = 'telegram' AND (s.turn_state IS NOT "
                           "NULL OR (SELECT role FROM messages m WHERE m.session_id = s.id AND m.internal = 0 "
                           "ORDER BY m.id DESC LIMIT 1) <> 'assistant')"_s)
                    == 0
                    && scalar(m_db, u"SELECT COUNT(*) FROM outbox WHERE state = 'pending'"_s) == 0;
            },
            120'000);
        const double seconds = inbound.nsecsElapsed() / 1e9;
        if (!allAnswered) {
            set(u"inbound_rate"_s, u"failed"_s, {});
            return failed(u"inbound"_s, u"%1 of %2 stored, not all answered in time"_s.arg(stored()).arg(total));
        }
        set(u"inbound_lost"_s, QString::number(total - stored()), u"of %1 sent"_s.arg(total));
        set(u"inbound_rate"_s, QString::number(total / seconds, 'f', 0), u"messages/s (stored and answered)"_s);
        const ProcessSample loaded = sample(m_gateway.processId());
        set(u"loaded_rss"_s, oneDecimal(loaded.rssMb), u"MB"_s);
        set(u"loaded_pss"_s, oneDecimal(loaded.pssMb), u"MB"_s);
    }

    // What every CLI command pays: `baton` adds its own start and an exec to baton-headless's.
    void measureSessionsList()
    {
        const qint64 sessionCount = scalar(m_db, u"SELECT COUNT(*) FROM sessions"_s);
        const auto run = [&](const QString &figure, const QString &binary, const QString &unit) {
            QList<double> times;
            for (int i = 0; i < m_sizes.listRuns; ++i) {
                QProcess list;
                list.setStandardOutputFile(QProcess::nullDevice());
                QElapsedTimer timer;
                timer.start();
                list.start(
                    binary, { u"sessions"_s, u"list"_s, u"--data-dir"_s, m_dir.path(), u"--config"_s, m_config });
                if (!list.waitForFinished(30'000) || list.exitStatus() != QProcess::NormalExit
                    || list.exitCode() != 0) {
                    set(figure, u"failed"_s, {});
                    return failed(figure, QString::fromUtf8(list.readAllStandardError()).trimmed());
                }
                times << timer.nsecsElapsed() / 1e6;
            }
            set(figure, oneDecimal(percentile(times, 0.5)), unit);
        };
        run(u"sessions_list_headless"_s, QStringLiteral(HEADLESS_BINARY),
            u"ms (median of %1, %2 sessions)"_s.arg(m_sizes.listRuns).arg(sessionCount));
        run(u"sessions_list_baton"_s, QStringLiteral(BATON_BINARY),
            u"ms (median of %1, through the window binary)"_s.arg(m_sizes.listRuns));
    }

    BenchSupport::Table &m_table;
    qsizetype m_column;
    QString m_name;
    QString m_storeUrl; // empty: state.db in m_dir
    Sizes m_sizes;
    FakeLlmServer m_llm; // echoes at once: the gateway's own cost is what is measured
    FakeTelegramServer m_telegram { token };
    QTemporaryDir m_dir;
    QString m_config;
    QProcess m_gateway;
    Database m_db;
    QStringList m_failures;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);
    Sizes sizes;
    if (quick)
        sizes = Sizes { 2, 5, 2, 10, 10, 3 };
    const qsizetype idleArg = app.arguments().indexOf(u"--idle-seconds"_s);
    if (idleArg > 0)
        sizes.idleSeconds = app.arguments().value(idleArg + 1).toInt();

    BenchSupport::Table table({ u"SQLite"_s, u"PostgreSQL"_s });
    BenchSupport::TwoStores run(app.arguments());
    if (run.withSqlite) {
        Run sqlite(table, 0, u"SQLite"_s, {}, sizes);
        sqlite.measure();
        run.failures << sqlite.failures();
        run.notes << u"SQLite: state.db in %1"_s.arg(QDir::tempPath());
    }
    if (PostgresServer *server = run.postgres()) {
        if (const QString url = server->createDatabase(); url.isEmpty()) {
            run.failures << u"PostgreSQL: creating a database failed: %1"_s.arg(server->errorString());
        } else {
            run.notes
                << u"PostgreSQL: a throwaway server in %1 on 127.0.0.1 over TCP (fsync on, autovacuum_naptime=1s), [store] url in baton.ini"_s
                       .arg(QDir::tempPath());
            Run postgres(table, 1, u"PostgreSQL"_s, url, sizes);
            postgres.measure();
            run.failures << postgres.failures();
        }
    }
    return run.finish(out, u"gateway_bench"_s, quick, table);
}
