// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlError>
#include <QString>

/// SQLite's own sentence for a failure, without Qt's generic "Unable to execute statement" suffix.
[[nodiscard]] inline QString sqlMessage(const QSqlError &error)
{
    const QString database = error.databaseText();
    return database.isEmpty() ? error.text() : database;
}
