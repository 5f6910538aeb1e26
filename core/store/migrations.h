// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

/**
 * @brief The ordered schema history of state.db; migration N takes a database to version N.
 *
 * Never edit a migration that has shipped: append a new one. Each is a list of statements
 * applied in one transaction together with `PRAGMA user_version = N`.
 */
namespace Migrations {

struct Migration
{
    int version;
    const char *summary;
    QStringList statements;
};

[[nodiscard]] const QList<Migration> &all();
[[nodiscard]] int latestVersion();

} // namespace Migrations
