// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/storelocation.h"
#include "sqldialect.h"

#include <QSqlDatabase>
#include <QString>

/**
 * @brief One thread's connection to the store: opens it, applies the pragmas and the migrations.
 *
 * The store is state.db (SQLite) or a PostgreSQL database named by `[store] url`
 * (docs/several-machines.md). Connections must stay on the thread that made them, so every
 * thread that touches the store constructs its own Database for the same location. On SQLite,
 * WAL mode lets them, and other processes, read while one writes; busy_timeout makes writers
 * queue instead of failing. On PostgreSQL writers queue on one advisory lock (WriteTransaction).
 */
class Database
{
public:
    struct Options
    {
        int busyTimeoutMs = 5000;
        // Tests use this to write a database as an older Baton would have.
        int targetVersion = -1;
    };

    /// PostgreSQL's password for every connection this process opens, read once from the keychain
    /// (store.password) before the first; unset, BATON_STORE_PASSWORD, then libpq's ~/.pgpass.
    static void setPostgresPassword(const QString &password);

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating if needed) and migrates @p location, a path or a postgresql:// url; on
    /// failure errorString() holds one sentence.
    [[nodiscard]] bool open(const QString &location, const Options &options);
    [[nodiscard]] bool open(const QString &location) { return open(location, Options {}); }
    void close();

    [[nodiscard]] bool isOpen() const { return m_db.isOpen(); }
    /// The path, or the url without secrets: what sentences name.
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] const StoreLocation &location() const { return m_location; }
    [[nodiscard]] SqlDialect dialect() const
    {
        return m_location.isPostgres() ? SqlDialect::Postgres : SqlDialect::Sqlite;
    }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QSqlDatabase &connection() { return m_db; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

    /// Turns a database's failure into the sentence users see, naming this store's location.
    [[nodiscard]] QString describeError(const QString &action, const QString &sqliteMessage) const;

    static constexpr qint32 applicationId = 0x4261746e; // "Batn"

private:
    bool fail(const QString &sentence);
    bool makePrivate();
    bool applyPragmas(int busyTimeoutMs);
    bool checkIdentity(int version);
    bool migrate(int targetVersion);
    // databasepostgres.cpp
    bool openPostgres(const Options &options);
    bool checkPostgresIdentity(int *version);
    bool migratePostgres(int targetVersion);
    [[nodiscard]] QString describePostgresError(const QString &action, const QString &message) const;

    QSqlDatabase m_db;
    QString m_connectionName;
    StoreLocation m_location;
    QString m_path;
    QString m_error;
    int m_schemaVersion = 0;
};
