// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The PostgreSQL server the benchmarks measure their PostgreSQL column on.
#include "postgresserver.h"

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

} // namespace BenchSupport
