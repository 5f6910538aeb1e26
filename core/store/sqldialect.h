// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>

/// The two SQL dialects the store speaks; per-dialect SQL only where they differ (docs/several-machines.md).
enum class SqlDialect { Sqlite, Postgres };

[[nodiscard]] inline SqlDialect dialectOf(const QSqlDatabase &db)
{
    return db.driver() && db.driver()->dbmsType() == QSqlDriver::PostgreSQL ? SqlDialect::Postgres : SqlDialect::Sqlite;
}
