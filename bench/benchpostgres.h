// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The PostgreSQL server the benchmarks measure their PostgreSQL column on.
#include "benchsupport.h"
#include "postgresserver.h"

#include <QStringList>
#include <QTextStream>

namespace BenchSupport {

/**
 * @brief The tests' throwaway server (tests/postgresserver.h), made comparable with SQLite's
 * synchronous=FULL: fsync on.
 *
 * Autovacuum looks every second instead of every minute. A benchmark grows a store by thousands
 * of rows in seconds, which a real store does over days; with the default minute the planner
 * would still see the empty tables of the start and pick plans a real store does not run on.
 * Static: std::exit, like a normal return, stops the server.
 */
inline PostgresServer &postgresServer()
{
    static PostgresServer server(PostgresServer::Durability::Durable, { QStringLiteral("autovacuum_naptime=1") });
    return server;
}

/**
 * @brief What a benchmark with a SQLite and a PostgreSQL column shares: which columns to run
 * (--sqlite-only, --postgres-only), the notes over the table, the failures, and the exit status.
 */
struct TwoStores
{
    explicit TwoStores(const QStringList &arguments)
        : withSqlite(!arguments.contains(QStringLiteral("--postgres-only")))
        , withPostgres(!arguments.contains(QStringLiteral("--sqlite-only")))
    {
        if (!withSqlite)
            notes << QStringLiteral("SQLite skipped: --postgres-only");
    }

    /// The server for the PostgreSQL column, its password set as a real setup passes it (never in
    /// the url); nullptr, with a note saying why, when that column is not measured.
    PostgresServer *postgres()
    {
        if (!withPostgres) {
            notes << QStringLiteral("PostgreSQL skipped: --sqlite-only");
            return nullptr;
        }
        PostgresServer &server = postgresServer();
        if (!server.isRunning()) {
            notes << QStringLiteral("PostgreSQL skipped: %1").arg(server.errorString());
            postgresSkipped = true;
            return nullptr;
        }
        qputenv("BATON_STORE_PASSWORD", PostgresServer::password);
        return &server;
    }

    /// Prints the notes, the table and the failures; the process's exit status.
    int finish(QTextStream &out, const QString &name, bool quick, const Table &table) const
    {
        out << "# " << name << ": Qt " << qVersion() << (quick ? ", --quick" : "") << Qt::endl;
        for (const QString &note : notes)
            out << "# " << note << Qt::endl;
        table.print(out);
        for (const QString &failure : failures)
            QTextStream(stderr) << name << ": " << failure << Qt::endl;
        if (!failures.isEmpty())
            return 1;
        // CTest's SKIP_RETURN_CODE: a PostgreSQL-only run without a server measured nothing.
        return postgresSkipped && !withSqlite ? 77 : 0;
    }

    const bool withSqlite;
    const bool withPostgres;
    QStringList notes;
    QStringList failures;
    bool postgresSkipped = false;
};

} // namespace BenchSupport
