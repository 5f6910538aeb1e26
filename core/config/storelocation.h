// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Where the store lives: state.db at a path (SQLite, the default) or a PostgreSQL server
 * named by `[store] url` (docs/several-machines.md).
 *
 * A url is `postgresql://user@host:port/database?sslmode=...`; `host=/dir` in the query names a
 * Unix socket directory instead. The password never comes from the url: baton.ini is not a
 * secret, so it comes from BATON_STORE_PASSWORD, the keychain (store.password) or libpq's own
 * ~/.pgpass.
 */
struct StoreLocation
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString path; // SQLite: the file
    QString host; // PostgreSQL: a name, an address or a socket directory
    int port = 5432;
    QString database;
    QString user;
    QString sslMode; // libpq's sslmode: disable, prefer (its default), require, verify-ca, verify-full
    QString sslRootCert;
    int connectTimeoutSeconds = 5;

    [[nodiscard]] bool isPostgres() const { return kind == Kind::Postgres; }
    /// What messages and `baton doctor` show: the path, or the url without any secret.
    [[nodiscard]] QString display() const;
    /// libpq's connect options as QPSQL takes them ("sslmode=require;connect_timeout=5").
    [[nodiscard]] QString connectOptions() const;

    [[nodiscard]] static bool isUrl(const QString &location);
    /// A path or a url; on failure @p error says what is wrong with it in one sentence.
    [[nodiscard]] static StoreLocation parse(const QString &location, QString *error);
};
