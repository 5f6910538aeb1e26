// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"
#include "store/migrations.h"
#include "store/sessionstore.h"
#include "store/storewatcher.h"
#include "teststore.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <atomic>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

// About state.db's file, its pragmas and SQLite's own errors: the -pg run has nothing to add there.
#define SQLITE_ONLY()                                                                                                  \
    if (TestStore::onPostgres())                                                                                       \
    QSKIP("about state.db (SQLite); the run without -pg covers it")
#define POSTGRES_ONLY()                                                                                                \
    if (!TestStore::onPostgres())                                                                                      \
    QSKIP("about the PostgreSQL store; the -pg run covers it")

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    static int modeOf(const QString &path)
    {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    }

    static QStringList columns(Database &db, const QString &table)
    {
        QStringList names;
        const QSqlRecord record = db.connection().record(table);
        for (int i = 0; i < record.count(); ++i)
            names << record.fieldName(i);
        return names;
    }

    // A plain SQLite connection, outside Database, for setting up hostile files.
    static void withRawConnection(const QString &path, const std::function<void(QSqlQuery &)> &work)
    {
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            work(q);
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
    }

private Q_SLOTS:
    void freshDatabaseHasPragmas()
    {
        SQLITE_ONLY();
        TestStore store;
        QCOMPARE(store.scalar(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(store.scalar(u"PRAGMA foreign_keys"_s).toInt(), 1);
        QCOMPARE(store.scalar(u"PRAGMA busy_timeout"_s).toInt(), 5000);
        QCOMPARE(store.scalar(u"PRAGMA synchronous"_s).toInt(), 2); // FULL
        QCOMPARE(store.scalar(u"PRAGMA user_version"_s).toInt(), Migrations::latestVersion());
        QCOMPARE(store.scalar(u"PRAGMA application_id"_s).toInt(), Database::applicationId);
        QCOMPARE(store.db.schemaVersion(), Migrations::latestVersion());
    }

    void tablesHaveTheContractColumns_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QStringList>("required");
        QTest::newRow("sessions") << u"sessions"_s
                                  << QStringList { u"id"_s, u"title"_s, u"origin"_s, u"model"_s, u"created_at"_s,
                                         u"updated_at"_s, u"turn_state"_s, u"handoff_state"_s, u"handoff_platform"_s,
                                         u"handoff_error"_s, u"handoff_requested_at"_s, u"handoff_claimed_by"_s,
                                         u"handoff_claimed_at"_s, u"handoff_finished_at"_s, u"handoff_destination"_s };
        QTest::newRow("messages") << u"messages"_s
                                  << QStringList { u"id"_s, u"session_id"_s, u"role"_s, u"content"_s, u"tool_calls"_s,
                                         u"tool_call_id"_s, u"platform"_s, u"platform_message_id"_s, u"internal"_s,
                                         u"status"_s, u"platform_chat"_s, u"created_at"_s };
        QTest::newRow("session_keys") << u"session_keys"_s
                                      << QStringList { u"key"_s, u"session_id"_s, u"updated_at"_s };
        QTest::newRow("outbox") << u"outbox"_s
                                << QStringList { u"id"_s, u"platform"_s, u"chat"_s, u"content"_s, u"state"_s,
                                       u"platform_message_id"_s };
        QTest::newRow("pairing") << u"pairing"_s
                                 << QStringList { u"platform"_s, u"user_id"_s, u"code"_s, u"requested_at"_s,
                                        u"approved_at"_s };
        if (!TestStore::onPostgres()) // PostgreSQL indexes messages.content itself (migration 4)
            QTest::newRow("messages_fts") << u"messages_fts"_s << QStringList { u"content"_s };
    }
    void tablesHaveTheContractColumns()
    {
        QFETCH(QString, table);
        QFETCH(QStringList, required);
        TestStore store;
        const QStringList actual = columns(store.db, table);
        for (const QString &column : required)
            QVERIFY2(actual.contains(column), qPrintable(table + u'.' + column));
    }

    void inboundIdentityIndexIsUnique()
    {
        SQLITE_ONLY();
        TestStore store;
        QCOMPARE(store
                     .scalar(u"SELECT \"unique\" FROM pragma_index_list('messages') "
                             "WHERE name = 'messages_platform_identity'"_s)
                     .toInt(),
            1);
    }

    void createsMissingDataDirectory()
    {
        SQLITE_ONLY();
        QTemporaryDir dir;
        Database db;
        const QString path = dir.filePath(u"a/b/c/state.db"_s);
        QVERIFY2(db.open(path), qPrintable(db.errorString()));
        QVERIFY(QFile::exists(path));
    }

    void twoConnectionsShareOneFile()
    {
        TestStore store;
        Database second;
        QVERIFY(second.open(store.path()));
        QVERIFY(store.exec(u"INSERT INTO sessions (id, created_at, updated_at) VALUES ('s1', 1, 1)"_s));
        QSqlQuery q(second.connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM sessions"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void garbageFileIsReportedNotCrashed()
    {
        SQLITE_ONLY();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, '\x5a'));
        file.close();

        Database db;
        QVERIFY(!db.open(path));
        QVERIFY(!db.isOpen());
        QVERIFY2(db.errorString().contains(u"state.db at %1 is not a Baton database or is corrupt"_s.arg(path)),
            qPrintable(db.errorString()));
    }

    void foreignDatabaseIsRefused()
    {
        SQLITE_ONLY();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        withRawConnection(path, [](QSqlQuery &q) { QVERIFY(q.exec(u"CREATE TABLE photos (id INTEGER)"_s)); });
        Database db;
        QVERIFY(!db.open(path));
        QVERIFY2(db.errorString().contains(u"is not a Baton database"_s), qPrintable(db.errorString()));
        // Refusing must not have touched the other program's file.
        withRawConnection(path, [](QSqlQuery &q) {
            QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        });
    }

    void otherApplicationIdIsRefused()
    {
        SQLITE_ONLY();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        withRawConnection(path, [](QSqlQuery &q) { QVERIFY(q.exec(u"PRAGMA application_id = 1234"_s)); });
        Database db;
        QVERIFY(!db.open(path));
        QVERIFY2(db.errorString().contains(u"belongs to another application"_s), qPrintable(db.errorString()));
    }

    void newerSchemaIsRefused()
    {
        SQLITE_ONLY();
        TestStore store;
        QVERIFY(store.exec(u"PRAGMA user_version = 999"_s));
        store.db.close();
        Database db;
        QVERIFY(!db.open(store.path()));
        QVERIFY2(db.errorString().contains(u"written by a newer Baton (schema 999"_s), qPrintable(db.errorString()));
    }

    void directoryInPlaceOfFileIsReported()
    {
        SQLITE_ONLY();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        QVERIFY(QDir().mkpath(path));
        Database db;
        QVERIFY(!db.open(path));
        QVERIFY2(db.errorString().contains(u"state.db at %1 cannot be read"_s.arg(path)), qPrintable(db.errorString()));
    }

    void lockedDatabaseIsReportedAfterTheBusyTimeout()
    {
        SQLITE_ONLY();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        {
            Database old;
            QVERIFY(old.open(path, { .busyTimeoutMs = 5000, .targetVersion = 1 }));
        }
        Database holder;
        QVERIFY(holder.open(path, { .busyTimeoutMs = 5000, .targetVersion = 1 }));
        QSqlQuery lock(holder.connection());
        QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));

        Database db;
        QVERIFY(!db.open(path, { .busyTimeoutMs = 100, .targetVersion = -1 }));
        QVERIFY2(db.errorString().contains(u"is locked by another process"_s), qPrintable(db.errorString()));

        QVERIFY(lock.exec(u"ROLLBACK"_s));
        QVERIFY2(db.open(path), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
    }

    void eachThreadWritesThroughItsOwnConnection()
    {
        TestStore t;
        SessionStore reader(t.db);
        const QString id = reader.createSession();
        std::atomic<bool> written { false };
        QString error;
        QThread *writer = QThread::create([&] {
            Database db; // connections never cross threads: this one is born and dies here
            if (!db.open(t.path())) {
                error = db.errorString();
                return;
            }
            SessionStore store(db);
            for (int batch = 0; batch < 20; ++batch) {
                QList<Message> messages;
                for (int i = 0; i < 50; ++i) {
                    Message m;
                    m.sessionId = id;
                    m.content = u"from the worker %1"_s.arg(i);
                    messages << m;
                }
                if (!store.appendMessages(messages)) {
                    error = store.errorString();
                    return;
                }
            }
            written = true;
        });
        writer->start();
        int reads = 0;
        while (!writer->isFinished() && reads < 10'000) {
            const QList<Message> seen = reader.transcript(id);
            QVERIFY2(reader.errorString().isEmpty(), qPrintable(reader.errorString()));
            QCOMPARE(seen.size() % 50, 0); // a batch is visible whole or not at all
            ++reads;
        }
        QVERIFY(writer->wait(30'000));
        delete writer;
        QVERIFY2(written, qPrintable(error));
        QCOMPARE(reader.transcript(id).size(), 1000);
    }

    void reopeningKeepsData()
    {
        SQLITE_ONLY();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        {
            Database db;
            QVERIFY(db.open(path));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(u"INSERT INTO sessions (id, created_at, updated_at) VALUES ('kept', 1, 1)"_s));
        }
        Database db;
        QVERIFY(db.open(path));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"SELECT id FROM sessions"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"kept"_s);
    }

    void newStoreIsPrivateWhateverTheUmask()
    {
        SQLITE_ONLY();
        const mode_t previous = ::umask(022); // what a shell usually has; Baton's own 077 is not relied on
        QTemporaryDir parent;
        const QString dataDir = parent.filePath(u"data"_s);
        Database db;
        QVERIFY2(db.open(dataDir + u"/state.db"_s), qPrintable(db.errorString()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"INSERT INTO sessions (id, created_at, updated_at) VALUES ('s', 1, 1)"_s));
        ::umask(previous);
        QCOMPARE(modeOf(dataDir), 0700);
        for (const char *suffix : { "", "-wal", "-shm" })
            QCOMPARE(modeOf(dataDir + u"/state.db"_s + QLatin1StringView(suffix)), 0600);
    }

    void looseStoreIsTightenedAndSaidOnce()
    {
        SQLITE_ONLY();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        Database first; // keeps the -wal and -shm files in place
        QVERIFY(first.open(path));
        QSqlQuery(first.connection()).exec(u"INSERT INTO sessions (id, created_at, updated_at) VALUES ('s', 1, 1)"_s);
        for (const char *suffix : { "", "-wal", "-shm" })
            QVERIFY(::chmod(QFile::encodeName(path + QLatin1StringView(suffix)).constData(), 0644) == 0);

        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &text) { logged << text; });
        {
            Database second;
            QVERIFY(second.open(path));
        }
        Database third;
        QVERIFY(third.open(path));
        qInstallMessageHandler(previous);

        for (const char *suffix : { "", "-wal", "-shm" })
            QCOMPARE(modeOf(path + QLatin1StringView(suffix)), 0600);
        const QStringList said = logged.filter(u"readable by its owner only"_s);
        QCOMPARE(said.size(), 1);
        QVERIFY2(said.first().contains(u"state.db, state.db-wal, state.db-shm"_s), qPrintable(said.first()));
    }
    void aPasswordInTheUrlIsRefused()
    {
        Database db;
        QVERIFY(!db.open(u"postgresql://baton:hunter2@127.0.0.1:1/baton"_s));
        QVERIFY2(db.errorString().contains(u"store.password"_s), qPrintable(db.errorString()));
        QVERIFY2(!db.errorString().contains(u"hunter2"_s), qPrintable(db.errorString()));
        QVERIFY(!db.open(u"postgresql://baton@127.0.0.1:1/baton?sslmode=sometimes"_s));
        QVERIFY2(db.errorString().contains(u"sslmode=sometimes"_s), qPrintable(db.errorString()));
    }

    void aFreshPostgresStoreIsVersionedAndAnnouncesChanges()
    {
        POSTGRES_ONLY();
        TestStore store;
        QCOMPARE(store.scalar(u"SELECT version FROM baton_schema"_s).toInt(), Migrations::latestVersion());
        QCOMPARE(store.scalar(u"SELECT application_id FROM baton_schema"_s).toLongLong(), Database::applicationId);
        QCOMPARE(store.db.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(store.db.dialect(), SqlDialect::Postgres);
        QCOMPARE(store.scalar(u"SELECT count(*) FROM pg_trigger WHERE tgname LIKE '%_announce'"_s).toInt(), 6);
        // Message ids are 64-bit, as SQLite's are.
        QCOMPARE(store
                     .scalar(u"SELECT data_type FROM information_schema.columns WHERE table_name = 'messages' "
                             "AND column_name = 'created_at'"_s)
                     .toString(),
            u"bigint"_s);
    }

    void aPostgresDatabaseOfAnotherProgramIsRefused()
    {
        POSTGRES_ONLY();
        TestStore store; // starts the server and sets the password
        const QString url = PostgresServer::shared().createDatabase();
        {
            Database raw; // schema 0: connected, nothing made
            QVERIFY(raw.open(url, { .busyTimeoutMs = 5000, .targetVersion = 0 }));
            QVERIFY(QSqlQuery(raw.connection()).exec(u"CREATE TABLE photos (id INTEGER)"_s));
        }
        Database db;
        QVERIFY(!db.open(url));
        QVERIFY2(db.errorString().contains(u"is not a Baton database"_s), qPrintable(db.errorString()));
        QVERIFY2(db.errorString().contains(url.section(u'@', 1)), qPrintable(db.errorString()));
    }

    void aNewerPostgresSchemaIsRefused()
    {
        POSTGRES_ONLY();
        TestStore store;
        QVERIFY(store.exec(u"UPDATE baton_schema SET version = 999"_s));
        Database db;
        QVERIFY(!db.open(store.path()));
        QVERIFY2(db.errorString().contains(u"written by a newer Baton (schema 999"_s), qPrintable(db.errorString()));
    }

    void aWrongPasswordOrNoServerIsASentence()
    {
        POSTGRES_ONLY();
        TestStore store;
        qputenv("BATON_STORE_PASSWORD", "not-the-password");
        Database db;
        const bool opened = db.open(store.path());
        qputenv("BATON_STORE_PASSWORD", PostgresServer::password);
        QVERIFY(!opened);
        QVERIFY2(db.errorString().contains(u"refused user baton"_s), qPrintable(db.errorString()));
        QVERIFY2(db.errorString().contains(u"store.password"_s), qPrintable(db.errorString()));
        QVERIFY2(!db.errorString().contains(u"not-the-password"_s), qPrintable(db.errorString()));

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QVERIFY(!db.open(u"postgresql://baton@127.0.0.1:%1/baton?connect_timeout=2"_s.arg(port)));
        QVERIFY2(db.errorString().contains(u"cannot be reached"_s), qPrintable(db.errorString()));
    }

    void anotherConnectionsCommitIsAnnouncedAndOurOwnIsNot()
    {
        POSTGRES_ONLY();
        TestStore store;
        StoreWatcher watcher(store.db);
        QVERIFY(watcher.isListening());
        QSignalSpy changed(&watcher, &StoreWatcher::changedElsewhere);
        Database other;
        QVERIFY2(other.open(store.path()), qPrintable(other.errorString()));
        // Ours first: its notice reaches us before the other's, so one signal in all proves it was ignored.
        QVERIFY(store.exec(u"INSERT INTO sessions (id, created_at, updated_at) VALUES ('ours', 1, 1)"_s));
        QVERIFY(QSqlQuery(other.connection())
                    .exec(u"INSERT INTO sessions (id, created_at, updated_at) VALUES ('theirs', 1, 1)"_s));
        QVERIFY(changed.wait(5000));
        QCOMPARE(changed.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
