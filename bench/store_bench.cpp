// SPDX-License-Identifier: GPL-3.0-or-later
// store_bench: how fast the store appends, loads transcripts and turns the handoff state machine,
// on SQLite (state.db) and on PostgreSQL (a throwaway server of Debian's postgresql on 127.0.0.1,
// started the way the tests start theirs). Prints one table, a column per store; the PostgreSQL
// column is skipped, with the reason, when the server's binaries are missing or it does not start.
// --quick shrinks every size tenfold (for a smoke run); --sqlite-only and --postgres-only measure
// one store.
#include "benchpostgres.h"
#include "benchsupport.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using BenchSupport::percentile;

namespace {
QTextStream out(stdout);
using Figure = std::optional<QString>; // a figure, or nothing after Run::fail() noted why

// A few hundred characters of plausible chat text, different for every index.
Message chatMessage(const QString &session, int i)
{
    static const QString body = u"Here is what I found about the ferry schedule between Patras and Brindisi. "
                                "Boats leave twice a day in summer; the evening crossing takes about nine hours "
                                "and cabins sell out early, so book a week ahead if you can. "_s;
    Message m;
    m.sessionId = session;
    m.role = i % 2 ? MessageRole::Assistant : MessageRole::User;
    m.content = u"#%1 "_s.arg(i) + body + (i % 3 ? body : QString());
    return m;
}

// Empty, or what went wrong.
QString appendBatched(SessionStore &store, const QString &session, int count, int batchSize)
{
    for (int done = 0; done < count;) {
        QList<Message> batch;
        for (int i = 0; i < batchSize && done < count; ++i, ++done)
            batch << chatMessage(session, done);
        if (!store.appendMessages(batch))
            return store.errorString();
    }
    return {};
}

QString rate(int count, const QElapsedTimer &timer)
{
    return QString::number(qRound(count / (timer.nsecsElapsed() / 1e9)));
}

/// One store's column: every figure, measured on fresh stores from newStore().
class Run
{
public:
    // Returns a new empty store's location (a path or a url), or empty with *error set.
    using NewStore = std::function<QString(QString *error)>;

    Run(BenchSupport::Table &table, qsizetype column, QString name, NewStore newStore, int scale)
        : m_table(table)
        , m_column(column)
        , m_name(std::move(name))
        , m_newStore(std::move(newStore))
        , m_scale(scale)
    { }

    [[nodiscard]] QStringList failures() const { return m_failures; }

    /// Opens the store every figure but the last one uses; false when even that fails.
    bool open(QString *version)
    {
        QString error;
        const QString location = m_newStore(&error);
        if (location.isEmpty() || !m_db.open(location)) {
            m_failures << u"%1: opening a store failed: %2"_s.arg(
                m_name, location.isEmpty() ? error : m_db.errorString());
            return false;
        }
        QSqlQuery q(m_db.connection());
        const bool postgres = m_db.dialect() == SqlDialect::Postgres;
        if (q.exec(postgres ? u"SHOW server_version"_s : u"SELECT sqlite_version()"_s) && q.next())
            *version = q.value(0).toString().section(u' ', 0, 0);
        return true;
    }

    void measure()
    {
        SessionStore store(m_db);
        HandoffStore handoffs(m_db);
        step(u"store_append_batched"_s, u"messages/s"_s, [&]() -> Figure {
            const int count = 100'000 / m_scale;
            const QString session = store.createSession(u"append"_s);
            if (session.isEmpty())
                return fail(store.errorString());
            QElapsedTimer timer;
            timer.start();
            if (const QString error = appendBatched(store, session, count, 500); !error.isEmpty())
                return fail(error);
            return rate(count, timer);
        });
        step(u"store_append_single"_s, u"messages/s"_s, [&]() -> Figure {
            const int count = 2'000 / m_scale;
            const QString session = store.createSession(u"single"_s);
            if (session.isEmpty())
                return fail(store.errorString());
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < count; ++i) {
                if (!store.appendMessage(chatMessage(session, i)))
                    return fail(store.errorString());
            }
            return rate(count, timer);
        });
        const int transcriptSize = 10'000 / m_scale;
        step(u"transcript_load_%1k"_s.arg(transcriptSize / 1000), u"ms (median of 20)"_s, [&]() -> Figure {
            const QString session = store.createSession(u"transcript"_s);
            if (session.isEmpty())
                return fail(store.errorString());
            if (const QString error = appendBatched(store, session, transcriptSize, 1'000); !error.isEmpty())
                return fail(error);
            QList<double> ms;
            for (int run = 0; run < 20; ++run) {
                QElapsedTimer timer;
                timer.start();
                const QList<Message> transcript = store.transcript(session);
                ms << timer.nsecsElapsed() / 1e6;
                if (transcript.size() != transcriptSize)
                    return fail(u"the transcript has %1 messages, expected %2 %3"_s.arg(transcript.size())
                                    .arg(transcriptSize)
                                    .arg(store.errorString()));
            }
            return QString::number(percentile(ms, 0.5), 'f', 2);
        });
        // Request, claim and complete: what one handoff costs the store; the claim alone is the
        // compare-and-swap every gateway makes.
        QList<double> cycle, claimOnly;
        step(u"claim_roundtrip"_s, u"us (median)"_s, [&]() -> Figure {
            const int count = 1'000 / m_scale;
            for (int i = 0; i < count; ++i) {
                const QString session = store.createSession();
                if (session.isEmpty())
                    return fail(store.errorString());
                QElapsedTimer timer;
                timer.start();
                if (handoffs.requestHandoff(session, u"telegram"_s) != HandoffStore::RequestResult::Requested)
                    return fail(u"request refused: "_s + handoffs.errorString());
                QElapsedTimer claim;
                claim.start();
                if (!handoffs.claimHandoff(session, u"bench"_s, 60'000))
                    return fail(u"claim refused: "_s + handoffs.errorString());
                claimOnly << claim.nsecsElapsed() / 1e3;
                if (!handoffs.completeHandoff(session, u"bench"_s, u"telegram:private:1"_s))
                    return fail(u"complete refused: "_s + handoffs.errorString());
                cycle << timer.nsecsElapsed() / 1e3;
            }
            return QString::number(qRound(percentile(cycle, 0.5)));
        });
        step(u"claim_only"_s, u"us (median)"_s, [&]() -> Figure {
            if (claimOnly.isEmpty())
                return fail(u"no claim was made"_s);
            return QString::number(qRound(percentile(claimOnly, 0.5)));
        });
        step(u"store_open_migrate"_s, u"ms (median of 5, a new store)"_s, [&]() -> Figure {
            QList<double> ms;
            for (int run = 0; run < 5; ++run) {
                QString error;
                const QString location = m_newStore(&error);
                if (location.isEmpty())
                    return fail(error);
                Database fresh;
                QElapsedTimer timer;
                timer.start();
                if (!fresh.open(location))
                    return fail(fresh.errorString());
                ms << timer.nsecsElapsed() / 1e6;
            }
            return QString::number(percentile(ms, 0.5), 'f', 2);
        });
    }

private:
    Figure fail(const QString &why)
    {
        m_why = why;
        return std::nullopt;
    }
    void step(const QString &figure, const QString &unit, const std::function<Figure()> &body)
    {
        m_why.clear();
        const Figure value = body();
        m_table.set(figure, m_column, value.value_or(u"failed"_s), unit);
        if (!value)
            m_failures << u"%1 %2 failed: %3"_s.arg(m_name, figure, m_why);
    }

    BenchSupport::Table &m_table;
    qsizetype m_column;
    QString m_name;
    NewStore m_newStore;
    int m_scale;
    Database m_db;
    QString m_why;
    QStringList m_failures;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int scale = app.arguments().contains(u"--quick"_s) ? 10 : 1;
    BenchSupport::Table table({ u"SQLite"_s, u"PostgreSQL"_s });
    BenchSupport::TwoStores run(app.arguments());

    QTemporaryDir dir;
    int files = 0;
    if (run.withSqlite) {
        Run sqlite(
            table, 0, u"SQLite"_s, [&](QString *) { return dir.filePath(u"state%1.db"_s.arg(++files)); }, scale);
        QString version;
        if (sqlite.open(&version)) {
            run.notes << u"SQLite %1 (WAL, synchronous=FULL) in %2"_s.arg(version, QDir::tempPath());
            sqlite.measure();
        }
        run.failures << sqlite.failures();
    }

    if (PostgresServer *server = run.postgres()) {
        Run postgres(
            table, 1, u"PostgreSQL"_s,
            [&](QString *error) {
                const QString url = server->createDatabase();
                *error = server->errorString();
                return url;
            },
            scale);
        QString version;
        if (postgres.open(&version)) {
            run.notes
                << u"PostgreSQL %1 in %2 (a throwaway server on 127.0.0.1 over TCP, fsync and synchronous_commit on, autovacuum_naptime=1s)"_s
                       .arg(version, QDir::tempPath());
            postgres.measure();
        }
        run.failures << postgres.failures();
    }
    return run.finish(out, u"store_bench"_s, scale > 1, table);
}
