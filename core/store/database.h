// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

/**
 * @brief One thread's connection to state.db: opens it, applies the pragmas and the migrations.
 *
 * SQLite connections must stay on the thread that made them, so every thread that touches the
 * store constructs its own Database for the same path. WAL mode lets them, and other processes,
 * read while one writes; busy_timeout makes writers queue instead of failing.
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

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating if needed) and migrates; on failure errorString() holds one sentence.
    [[nodiscard]] bool open(const QString &path, const Options &options);
    [[nodiscard]] bool open(const QString &path) { return open(path, Options {}); }
    void close();

    [[nodiscard]] bool isOpen() const { return m_db.isOpen(); }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QSqlDatabase &connection() { return m_db; }
    [[nodiscard]] int schemaVersion() const { return m_schemaVersion; }

    /// Turns an SQLite failure into the sentence users see, naming this database's path.
    [[nodiscard]] QString describeError(const QString &action, const QString &sqliteMessage) const;

    static constexpr qint32 applicationId = 0x4261746e; // "Batn"

private:
    bool fail(const QString &sentence);
    bool makePrivate();
    bool applyPragmas(int busyTimeoutMs);
    bool checkIdentity(int version);
    bool migrate(int targetVersion);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QString m_error;
    int m_schemaVersion = 0;
};
