// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class Database;
class QSqlRecord;

/**
 * @brief Copies a SQLite store (state.db) into a PostgreSQL store, row for row with the same keys
 * (docs/several-machines.md).
 *
 * The tables are read from the source's schema, not from a list written here, so a table a later
 * migration adds is copied without anyone remembering to: they go in foreign-key order, with every
 * column, and message ids, parents and variants kept as they are. The target is migrated first
 * (Database::open does that) and written in one transaction: a row whose key is already there
 * with the same values is left alone, so copying again changes nothing; a row whose key is there
 * with other values, or that clashes with another row's unique value, is a conflict, and then
 * nothing is written at all. Identity sequences continue after the highest copied id.
 * Search indexes (SQLite's FTS5 tables) are not copied: PostgreSQL keeps its own.
 */
class StoreCopy
{
    Q_DECLARE_TR_FUNCTIONS(StoreCopy)

public:
    /// Tables that hold what running gateways are doing, not data: never copied.
    [[nodiscard]] static QStringList liveStateTables();
    struct Table
    {
        QString name;
        qint64 rows = 0; // in the source
        qint64 copied = 0; // new in the target
        qint64 present = 0; // already there with the same values
        qint64 conflicts = 0; // already there with other values
    };
    struct Result
    {
        bool ok = false;
        QList<Table> tables;
        /// The first few conflicting rows, as "messages id=42".
        QStringList conflicts;
        /// Empty when ok; one sentence otherwise.
        QString error;
    };
    /// Called after each table is read and written (before the commit).
    using Progress = std::function<void(const Table &)>;

    /// @p source is open on SQLite, @p target on PostgreSQL.
    StoreCopy(Database &source, Database &target);

    /// The source's tables in the order they are copied (parents before the rows that reference
    /// them); empty with @p error set on failure.
    [[nodiscard]] QStringList tables(QString *error);

    [[nodiscard]] Result run(const Progress &progress = {});

private:
    struct Columns;
    static constexpr int batchRows = 200;
    bool readColumns(const QString &table, Columns *columns, QString *error);
    bool copyTable(const QString &table, Result *result);
    bool writeBatch(
        const QString &table, const Columns &columns, const QList<QSqlRecord> &rows, Table *counts, Result *result);
    bool continueSequences(QString *error);

    Database &m_source;
    Database &m_target;
};
