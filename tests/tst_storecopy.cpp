// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "postgresserver.h"
#include "store/commandledger.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/homechats.h"
#include "store/outboxstore.h"
#include "store/pairingstore.h"
#include "store/sessionkeystore.h"
#include "store/sessionstore.h"
#include "store/setupcodestore.h"
#include "store/storecopy.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/**
 * `baton store copy --to URL` (the real binary) from a state.db holding every kind of row, written
 * by the store classes, into a throwaway PostgreSQL server; read back through the same classes.
 */
class TestStoreCopy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;
    Database m_sqlite;
    QString m_trip; // a session with variants, a tool call, reply stats, a binding
    QString m_handedOff; // a session with a pending handoff and a system prompt
    qint64 m_maxMessageId = 0;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BATON_DATA_DIR"_s, m_dir.path());
        env.insert(u"BATON_CONFIG"_s, m_dir.filePath(u"baton.ini"_s));
        env.insert(u"BATON_STORE_PASSWORD"_s, QString::fromLatin1(PostgresServer::password));
        env.remove(u"BATON_STORE_URL"_s);
        return env;
    }
    BatonRun copy() { return runBaton({ u"store"_s, u"copy"_s, u"--to"_s, m_url }, environment()); }

    /// The tables of state.db a copy must carry: all but SQLite's own and the search index.
    QStringList sqliteTables()
    {
        QSqlQuery q(m_sqlite.connection());
        QStringList tables;
        if (!q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                    "AND name NOT LIKE 'messages_fts%' ORDER BY name"_s))
            return {};
        while (q.next())
            tables << q.value(0).toString();
        for (const QString &live : StoreCopy::liveStateTables())
            tables.removeAll(live);
        return tables;
    }
    static QStringList columnsOf(Database &db, const QString &table)
    {
        QSqlQuery q(db.connection());
        QStringList columns;
        if (q.exec(u"PRAGMA table_info(%1)"_s.arg(table))) {
            while (q.next())
                columns << q.value(u"name"_s).toString();
        }
        return columns;
    }
    /// Every row of @p table, its columns as state.db has them, in key order, each value as text.
    static QStringList dump(Database &db, const QString &table, const QStringList &columns)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(u"SELECT %1 FROM %2 ORDER BY %1"_s.arg(columns.join(u", "_s), table)))
            return { u"cannot read %1: %2"_s.arg(table, q.lastError().text()) };
        QStringList rows;
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < columns.size(); ++i) {
                const QVariant v = q.value(i);
                values << (v.isNull()                            ? u"NULL"_s
                        : v.metaType().id() == QMetaType::Double ? QString::number(v.toDouble(), 'g', 12)
                                                                 : v.toString());
            }
            rows << values.join(u'|');
        }
        return rows;
    }
    /// The whole PostgreSQL store: every table as dump() has it, and where each id sequence stands.
    QStringList pgState(Database &pg)
    {
        QStringList state;
        for (const QString &table : sqliteTables())
            state << table << dump(pg, table, columnsOf(m_sqlite, table));
        QSqlQuery q(pg.connection());
        if (!q.exec(u"SELECT sequencename, last_value FROM pg_sequences ORDER BY sequencename"_s))
            return { q.lastError().text() };
        while (q.next())
            state << q.value(0).toString() + u'=' + q.value(1).toString();
        return state;
    }

    static OutboxStore::Item outboxItem(const QString &content)
    {
        OutboxStore::Item item;
        item.platform = u"telegram"_s;
        item.chat = u"111"_s;
        item.content = content;
        return item;
    }

    void seed()
    {
        SessionStore sessions(m_sqlite);
        m_trip = sessions.createSession(u"Trip to Lisbon"_s, u"cli"_s, u"fake-model"_s);
        QVERIFY(!m_trip.isEmpty());
        Message question;
        question.sessionId = m_trip;
        question.content = u"plan a trip to Lisbon, it's \"urgent\" \\ really"_s;
        const auto asked = sessions.appendMessage(question);
        QVERIFY(asked);
        Message call;
        call.sessionId = m_trip;
        call.role = MessageRole::Assistant;
        call.toolCalls = R"([{"id":"c1","type":"function","function":{"name":"weather","arguments":"{}"}}])";
        QVERIFY(sessions.appendMessage(call));
        Message tool;
        tool.sessionId = m_trip;
        tool.role = MessageRole::Tool;
        tool.toolCallId = u"c1"_s;
        tool.content = u"sunny"_s;
        QVERIFY(sessions.appendMessage(tool));
        Message first;
        first.sessionId = m_trip;
        first.role = MessageRole::Assistant;
        first.content = u"Lisbon in May is lovely."_s;
        const auto firstReply = sessions.appendMessage(first);
        QVERIFY(firstReply);
        // Regenerate: the first reply becomes an earlier variant (parent_id, chosen, off_branch).
        QVERIFY(sessions.beginVariant(m_trip, firstReply->id));
        Message second = first;
        second.content = u"Lisbon: trams, pastéis, Alfama."_s;
        second.status = MessageStatus::Partial;
        const auto secondReply = sessions.appendMessage(second);
        QVERIFY(secondReply);
        QVERIFY(sessions.setReplyStats(secondReply->id, { u"thinking about trams"_s, 120, 48, true, 12.5 }));
        QCOMPARE(sessions.variants(m_trip).size(), 1);
        Message fromPhone;
        fromPhone.sessionId = m_trip;
        fromPhone.content = u"and the ferry?"_s;
        fromPhone.platform = u"telegram"_s;
        fromPhone.platformChat = u"111"_s;
        fromPhone.platformThread = u"7"_s;
        fromPhone.platformMessageId = u"9001"_s;
        QVERIFY(sessions.appendMessage(fromPhone));
        Message synthetic;
        synthetic.sessionId = m_trip;
        synthetic.internal = true;
        synthetic.content = u"[handed off]"_s;
        const auto last = sessions.appendMessage(synthetic);
        QVERIFY(last);
        m_maxMessageId = last->id;

        m_handedOff = sessions.createSession(u"Groceries"_s);
        QVERIFY(sessions.setSystemPrompt(m_handedOff, u"Be brief."_s));
        HandoffStore handoffs(m_sqlite);
        QCOMPARE(handoffs.requestHandoff(m_handedOff, u"telegram"_s), HandoffStore::RequestResult::Requested);
        const QString ended = sessions.createSession(u"Ended"_s, u"cli"_s);
        QVERIFY(sessions.endSession(ended, u"cli_exit"_s));
        // More rows than the copy writes in one statement.
        QList<Message> many;
        for (int i = 0; i < 450; ++i) {
            Message m;
            m.sessionId = ended;
            m.role = i % 2 ? MessageRole::Assistant : MessageRole::User;
            m.content = u"line %1"_s.arg(i);
            many << m;
        }
        QVERIFY(sessions.appendMessages(many));
        m_maxMessageId = many.constLast().id;

        SessionKeyStore keys(m_sqlite);
        QVERIFY(keys.bind(u"telegram:dm:111"_s, m_trip));

        PairingStore pairing(m_sqlite);
        const auto waiting = pairing.requestCode(u"telegram"_s, u"222"_s, u"Bob"_s, u"222"_s);
        QVERIFY(waiting);
        const auto guest = pairing.requestCode(u"discord"_s, u"333"_s, u"Carol"_s, u"333"_s);
        QVERIFY(guest && pairing.approve(guest->code));

        SetupCodeStore setup(m_sqlite);
        const auto minted = setup.mint(u"telegram"_s, u"setup-1"_s);
        QVERIFY(minted);
        QVERIFY(setup.redeem(u"telegram"_s, minted->code, u"111"_s, u"Ann"_s, u"111"_s));
        QVERIFY(setup.mint(u"slack"_s, u"setup-2"_s));

        OutboxStore outbox(m_sqlite);
        OutboxStore::Item reply = outboxItem(u"Lisbon in May is lovely."_s);
        reply.sessionId = m_trip;
        reply.messageId = firstReply->id;
        const qint64 sent = outbox.enqueue(reply);
        QVERIFY(sent > 0);
        QVERIFY(outbox.markSent(sent, u"555"_s));
        OutboxStore::Item edit = outboxItem(u"still pending"_s);
        edit.kind = OutboxStore::Kind::Edit;
        edit.targetOutboxId = sent;
        QVERIFY(outbox.enqueue(edit) > 0);

        CommandLedger commands(m_sqlite);
        QVERIFY(commands.firstTime(u"telegram"_s, u"111"_s, u"9002"_s));
        HomeChats homes(m_sqlite);
        QVERIFY(homes.rememberGroup(u"telegram"_s, u"-1001"_s, u"Home"_s, true, u"111"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        PostgresServer &server = PostgresServer::shared();
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        qputenv("BATON_STORE_PASSWORD", PostgresServer::password);
        m_url = server.createDatabase();
        QVERIFY2(!m_url.isEmpty(), qPrintable(server.errorString()));
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sqlite.open(m_dir.filePath(u"state.db"_s)), qPrintable(m_sqlite.errorString()));
        seed();
    }

    void everyTableIsSeeded()
    {
        // A table a migration adds must be seeded above, so the copy is proven to carry it.
        const QStringList tables = sqliteTables();
        QVERIFY(tables.size() >= 9);
        for (const QString &table : tables) {
            QSqlQuery q(m_sqlite.connection());
            QVERIFY(q.exec(u"SELECT count(*) FROM %1"_s.arg(table)) && q.next());
            QVERIFY2(q.value(0).toInt() > 0, qPrintable(u"seed() writes no row to %1"_s.arg(table)));
        }
    }

    void copiesEveryRow()
    {
        const BatonRun run = copy();
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"Done: "_s), qPrintable(run.out));
        qInfo().noquote() << run.out;
        for (const QString &table : sqliteTables()) {
            QVERIFY2(run.out.contains(u"  "_s + table + u' '), qPrintable(table + u" missing in\n"_s + run.out));
            const QStringList columns = columnsOf(m_sqlite, table);
            Database pg;
            QVERIFY2(pg.open(m_url), qPrintable(pg.errorString()));
            QCOMPARE(dump(pg, table, columns), dump(m_sqlite, table, columns));
        }

        // And through the store classes, as a gateway on the server reads it.
        Database pg;
        QVERIFY2(pg.open(m_url), qPrintable(pg.errorString()));
        SessionStore local(m_sqlite), remote(pg);
        QCOMPARE(remote.sessions().size(), 3);
        QCOMPARE(remote.sessions().first().id, local.sessions().first().id); // same order, sessions.rowid breaks ties
        QCOMPARE(remote.transcript(m_trip).size(), local.transcript(m_trip).size());
        for (qsizetype i = 0; i < local.transcript(m_trip).size(); ++i) {
            const Message a = local.transcript(m_trip).at(i), b = remote.transcript(m_trip).at(i);
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.content, a.content);
            QCOMPARE(b.toolCalls, a.toolCalls);
            QCOMPARE(b.internal, a.internal);
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.platformThread, a.platformThread);
        }
        QCOMPARE(remote.variants(m_trip), local.variants(m_trip));
        const qint64 reply = local.transcript(m_trip).at(3).id;
        QVERIFY(remote.replyStats(reply));
        QCOMPARE(remote.replyStats(reply)->tokensPerSecond, 12.5);
        QCOMPARE(remote.replyStats(reply)->reasoning, u"thinking about trams"_s);
        QCOMPARE(remote.systemPrompt(m_handedOff), std::optional<QString>(u"Be brief."_s));
        QCOMPARE(HandoffStore(pg).handoffState(m_handedOff)->state, HandoffState::Pending);
        QCOMPARE(SessionKeyStore(pg).binding(u"telegram:dm:111"_s)->sessionId, m_trip);
        PairingStore pairing(pg);
        QCOMPARE(pairing.pendingRequests().size(), 1);
        QCOMPARE(pairing.role(u"discord"_s, u"333"_s), PairingStore(m_sqlite).role(u"discord"_s, u"333"_s));
        QCOMPARE(SetupCodeStore(pg).redeemed(u"telegram"_s).size(), 1);
        const QList<OutboxStore::Item> pending = OutboxStore(pg).pending(u"telegram"_s);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().content, u"still pending"_s);
        QVERIFY(!CommandLedger(pg).firstTime(u"telegram"_s, u"111"_s, u"9002"_s)); // handled before the move
    }

    void copyingAgainChangesNothing()
    {
        Database pg;
        QVERIFY2(pg.open(m_url), qPrintable(pg.errorString()));
        const QStringList before = pgState(pg);
        const BatonRun run = copy();
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"Done: 0 rows copied"_s), qPrintable(run.out));
        QCOMPARE(pgState(pg), before);
    }

    void newRowsOnTheServerGetFreshIds()
    {
        Database pg;
        QVERIFY2(pg.open(m_url), qPrintable(pg.errorString()));
        SessionStore remote(pg);
        const QString id = remote.createSession(u"New on the server"_s); // sessions.rowid continues too
        QVERIFY2(!id.isEmpty(), qPrintable(remote.errorString()));
        Message said;
        said.sessionId = m_trip;
        said.content = u"one more"_s;
        const auto appended = remote.appendMessage(said);
        QVERIFY2(appended, qPrintable(remote.errorString()));
        QVERIFY(appended->id > m_maxMessageId);
        QVERIFY(OutboxStore(pg).enqueue(outboxItem(u"x"_s)) > 0);
    }

    void aRowThatDiffersStopsTheCopyAndWritesNothing()
    {
        Database pg;
        QVERIFY2(pg.open(m_url), qPrintable(pg.errorString()));
        QVERIFY(SessionStore(pg).setTitle(m_trip, u"Renamed on the server"_s));
        const QString later = SessionStore(m_sqlite).createSession(u"Only in state.db"_s);
        const QStringList before = pgState(pg);
        const BatonRun run = copy();
        QCOMPARE(run.exitCode, 1);
        // Two: the renamed session, and the one made only in state.db, whose sessions.rowid the
        // server has meanwhile given to its own new session.
        QVERIFY2(run.err.contains(u"already holds other values for 2 of the rows"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"sessions id="_s + m_trip), qPrintable(run.err));
        QCOMPARE(pgState(pg), before);
        QVERIFY(!SessionStore(pg).session(later));
    }

    void helpNamesIt()
    {
        const BatonRun help = runBaton({ u"--help"_s }, environment());
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(u"store copy [--from FILE] [--to URL]"_s), qPrintable(help.out));
        QVERIFY(help.out.contains(u"running it again"_s));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("no subcommand") << QStringList { u"store"_s } << 2 << u"usage: baton store copy"_s;
        QTest::newRow("no url") << QStringList { u"store"_s, u"copy"_s } << 2
                                << u"name the PostgreSQL store to copy into"_s;
        QTest::newRow("a file") << QStringList { u"store"_s, u"copy"_s, u"--to"_s, u"/tmp/other.db"_s } << 2
                                << u"--to takes a postgresql:// url"_s;
        QTest::newRow("no source") << QStringList { u"store"_s, u"copy"_s, u"--from"_s, u"/nonexistent/state.db"_s,
            u"--to"_s, u"postgresql://baton@127.0.0.1:1/x"_s }
                                   << 1 << u"there is no store at /nonexistent/state.db to copy"_s;
        QTest::newRow("--from elsewhere") << QStringList { u"sessions"_s, u"--from"_s, u"x"_s } << 2
                                          << u"--from only applies to `baton store copy`."_s;
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, sentence);
        const BatonRun run = runBaton(args, environment());
        QCOMPARE(run.exitCode, status);
        QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestStoreCopy)
#include "tst_storecopy.moc"
