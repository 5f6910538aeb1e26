// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QList>

class QSqlDatabase;

/**
 * @brief Loads a whole transcript, the store's hottest read (the window opens 10,000-message sessions).
 *
 * When the build proved that Qt's SQLite driver uses the same libsqlite3 as Baton
 * (BATON_SQLITE_DIRECT), rows are read with SQLite's C API on Qt's own connection, about three
 * times faster than QSqlQuery's per-column caching; otherwise through QSqlQuery.
 */
namespace TranscriptReader {

/// nullopt on failure, with SQLite's message in @p error.
[[nodiscard]] std::optional<QList<Message>> read(
    QSqlDatabase &db, const QString &sessionId, bool includeInternal, QString *error);
/// The portable QSqlQuery path on its own; tests hold the direct path to it.
[[nodiscard]] std::optional<QList<Message>> readWithQuery(
    QSqlDatabase &db, const QString &sessionId, bool includeInternal, QString *error);

} // namespace TranscriptReader
