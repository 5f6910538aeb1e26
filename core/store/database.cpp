// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "config/privatefiles.h"
#include "migrations.h"
#include "sqlerror.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

using namespace Qt::StringLiterals;

// Debug output only when asked for (QT_LOGGING_RULES="baton.*.debug=true").
Q_LOGGING_CATEGORY(lcStore, "baton.store", QtInfoMsg)

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Database", text);
}

QString uniqueConnectionName()
{
    static std::atomic<int> counter { 0 };
    return u"baton-store-%1"_s.arg(++counter);
}
} // namespace

Database::Database()
    : m_connectionName(uniqueConnectionName())
{ }

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::fail(const QString &sentence)
{
    m_error = sentence;
    qCWarning(lcStore).noquote() << sentence;
    close();
    return false;
}

QString Database::describeError(const QString &action, const QString &sqliteMessage) const
{
    if (m_location.isPostgres())
        return describePostgresError(action, sqliteMessage);
    const QString message = sqliteMessage.toLower();
    if (message.contains("not a database"_L1) || message.contains("malformed"_L1) || message.contains("corrupt"_L1))
        return tr("state.db at %1 is not a Baton database or is corrupt: %2").arg(m_path, sqliteMessage);
    if (message.contains("locked"_L1) || message.contains("busy"_L1))
        return tr("state.db at %1 is locked by another process (%2). Close the other program or try again.")
            .arg(m_path, sqliteMessage);
    if (message.contains("readonly"_L1) || message.contains("unable to open"_L1) || message.contains("permission"_L1))
        return tr("state.db at %1 cannot be opened for writing: %2. Check the permissions of its folder.")
            .arg(m_path, sqliteMessage);
    if (message.contains("disk is full"_L1) || message.contains("disk i/o"_L1))
        return tr("state.db at %1 cannot be written: %2. Free some disk space and try again.")
            .arg(m_path, sqliteMessage);
    return tr("state.db at %1: %2 failed: %3").arg(m_path, action, sqliteMessage);
}

bool Database::open(const QString &location, const Options &options)
{
    close();
    m_error.clear();
    m_schemaVersion = 0;
    QString invalid;
    m_location = StoreLocation::parse(location, &invalid);
    if (!invalid.isEmpty()) {
        m_path = location.section(u'@', -1);
        return fail(invalid);
    }
    if (m_location.isPostgres()) {
        m_path = m_location.display();
        return openPostgres(options);
    }
    m_path = QFileInfo(location).absoluteFilePath();
    m_location.path = m_path;

    const QFileInfo info(m_path);
    if (!PrivateFiles::makeDirectory(info.absolutePath()))
        return fail(tr("Cannot create the data directory %1. Check its permissions or pass --data-dir.")
                        .arg(info.absolutePath()));
    if (info.exists() && (!info.isFile() || !info.isReadable()))
        return fail(tr("state.db at %1 cannot be read. Check its permissions.").arg(m_path));
    if (!makePrivate())
        return false;

    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeoutMs));
    if (!m_db.open())
        return fail(describeError(tr("opening"), sqlMessage(m_db.lastError())));

    if (!applyPragmas(options.busyTimeoutMs))
        return false;

    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return fail(describeError(tr("reading the schema version"), sqlMessage(query.lastError())));
    const int version = query.value(0).toInt();
    if (!checkIdentity(version))
        return false;

    const int target = options.targetVersion < 0 ? Migrations::latestVersion() : options.targetVersion;
    return migrate(target);
}

bool Database::makePrivate()
{
    // SQLite gives the -wal and -shm files the mode of the database file: a new one starts 0600.
    if (!QFileInfo::exists(m_path)) {
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)
            && !QFileInfo::exists(m_path))
            return fail(describeError(tr("creating"), file.errorString()));
        return true;
    }
    // Older versions left the store readable by every local user.
    QStringList tightened;
    for (const QString &suffix : { QString(), u"-wal"_s, u"-shm"_s }) {
        if (PrivateFiles::tighten(m_path + suffix))
            tightened << QFileInfo(m_path + suffix).fileName();
    }
    if (!tightened.isEmpty())
        qCInfo(lcStore).noquote() << "made" << tightened.join(u", "_s) << "in" << QFileInfo(m_path).absolutePath()
                                  << "readable by its owner only (0600)";
    return true;
}

bool Database::applyPragmas(int busyTimeoutMs)
{
    // busy_timeout first, so that switching to WAL waits for other writers instead of failing.
    const QStringList pragmas = {
        u"PRAGMA busy_timeout = %1"_s.arg(busyTimeoutMs),
        u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA foreign_keys = ON"_s,
        // FULL: a message we acknowledged to a platform must survive a power cut.
        u"PRAGMA synchronous = FULL"_s,
        // Full-text indexing and long transcripts want more than SQLite's 2 MB default cache.
        u"PRAGMA cache_size = -16000"_s,
        u"PRAGMA temp_store = MEMORY"_s,
        u"PRAGMA mmap_size = 268435456"_s,
    };
    QSqlQuery query(m_db);
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma))
            return fail(describeError(tr("configuring the connection"), sqlMessage(query.lastError())));
    }
    return true;
}

bool Database::checkIdentity(int version)
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
        return fail(describeError(tr("reading the application id"), sqlMessage(query.lastError())));
    const qint32 appId = query.value(0).toInt();

    if (version > Migrations::latestVersion())
        return fail(tr("state.db at %1 was written by a newer Baton (schema %2; this build knows up to %3). "
                       "Update Baton or use another --data-dir.")
                        .arg(m_path)
                        .arg(version)
                        .arg(Migrations::latestVersion()));
    if (appId != 0 && appId != applicationId)
        return fail(
            tr("state.db at %1 is not a Baton database or is corrupt: it belongs to another application.").arg(m_path));
    if (version == 0) {
        // A fresh file has no tables; one with tables but no version was made by something else.
        if (!query.exec(u"SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"_s) || !query.next())
            return fail(describeError(tr("reading the schema"), sqlMessage(query.lastError())));
        if (query.value(0).toInt() > 0)
            return fail(tr("state.db at %1 is not a Baton database or is corrupt: it holds tables Baton did not make.")
                            .arg(m_path));
    }
    m_schemaVersion = version;
    return true;
}

bool Database::migrate(int targetVersion)
{
    if (m_schemaVersion >= targetVersion)
        return true;

    QSqlQuery query(m_db);
    // IMMEDIATE takes the write lock now, so two processes opening a new store migrate it once.
    if (!query.exec(u"BEGIN IMMEDIATE"_s))
        return fail(describeError(tr("starting the upgrade"), sqlMessage(query.lastError())));
    auto rollback = [this](const QString &sentence) {
        QSqlQuery(m_db).exec(u"ROLLBACK"_s);
        return fail(sentence);
    };

    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return rollback(describeError(tr("reading the schema version"), sqlMessage(query.lastError())));
    int version = query.value(0).toInt();

    for (const Migrations::Migration &migration : Migrations::all()) {
        if (migration.version <= version || migration.version > targetVersion)
            continue;
        for (const QString &statement : Migrations::statements(migration, SqlDialect::Sqlite)) {
            if (!query.exec(statement))
                return rollback(tr("state.db at %1 could not be upgraded to schema %2 (%3): %4")
                                    .arg(m_path)
                                    .arg(migration.version)
                                    .arg(QString::fromUtf8(migration.summary), sqlMessage(query.lastError())));
        }
        version = migration.version;
    }
    // PRAGMA values cannot be bound; both are integers this code controls.
    if (!query.exec(u"PRAGMA user_version = %1"_s.arg(version))
        || !query.exec(u"PRAGMA application_id = %1"_s.arg(applicationId)) || !query.exec(u"COMMIT"_s))
        return rollback(describeError(tr("finishing the upgrade"), sqlMessage(query.lastError())));

    qCDebug(lcStore) << "migrated" << m_path << "from schema" << m_schemaVersion << "to" << version;
    m_schemaVersion = version;
    return true;
}
