// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sqldialect.h"

#include <QList>
#include <QStringList>

#include <optional>

/**
 * @brief The ordered schema history of the store; migration N takes a database to version N.
 *
 * Never edit a migration that has shipped: append a new one. Each is a list of statements
 * applied in one transaction together with `PRAGMA user_version = N` (SQLite) or the row of
 * baton_schema (PostgreSQL). One history serves both dialects: a migration's statements are
 * written for SQLite and are portable unless it says otherwise in @c postgres; statements()
 * gives PostgreSQL its 64-bit integers (docs/several-machines.md).
 */
namespace Migrations {

struct Migration
{
    int version;
    const char *summary;
    QStringList statements;
    // PostgreSQL's own statements where the dialects differ (an empty list: nothing to do there).
    std::optional<QStringList> postgres = std::nullopt;
    // Run on PostgreSQL after the translated statements, where it needs one more.
    QStringList postgresAlso = {};
};

[[nodiscard]] const QList<Migration> &all();
/// What @p migration runs on @p dialect.
[[nodiscard]] QStringList statements(const Migration &migration, SqlDialect dialect);
[[nodiscard]] int latestVersion();

} // namespace Migrations
