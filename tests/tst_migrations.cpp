// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/migrations.h"
#include "store/pairingstore.h"
#include "store/sessionmarks.h"
#include "store/sessionowners.h"
#include "store/sessionstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/**
 * Writes a state.db as each older Baton would have, with the rows that version could hold, then
 * opens it with this build: every row must survive and the schema must equal a fresh database's.
 */
class TestMigrations : public QObject
{
    Q_OBJECT

private:
    static bool run(Database &db, const QStringList &statements)
    {
        QSqlQuery q(db.connection());
        for (const QString &sql : statements) {
            if (!q.exec(sql)) {
                qWarning() << sql << q.lastError().text();
                return false;
            }
        }
        return true;
    }

    // The rows a database at @p version can hold, written with that version's SQL.
    static QStringList seedFor(int version)
    {
        QStringList sql;
        if (version >= 1)
            sql << u"INSERT INTO sessions (id, title, origin, model, created_at, updated_at) "
                   "VALUES ('old-session', 'Trip planning', 'cli', 'm1', 1000, 2000)"_s
                << u"INSERT INTO messages (session_id, role, content, created_at) "
                   "VALUES ('old-session', 'user', 'which ferry leaves for Brindisi', 1001)"_s
                << u"INSERT INTO messages (session_id, role, content, tool_calls, created_at) VALUES ('old-session', "
                   "'assistant', '', '[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                   "\"arguments\":\"{}\"}}]', 1002)"_s
                << u"INSERT INTO messages (session_id, role, content, tool_call_id, created_at) "
                   "VALUES ('old-session', 'tool', 'timetable', 'c1', 1003)"_s
                << u"INSERT INTO messages (session_id, role, content, platform, platform_message_id, "
                   "platform_chat, created_at) VALUES ('old-session', 'user', 'thanks', 'telegram', '42', '111', 1004)"_s;
        if (version >= 2)
            sql << u"UPDATE sessions SET handoff_state = 'failed', handoff_platform = 'telegram', "
                   "handoff_error = 'no home channel' WHERE id = 'old-session'"_s;
        if (version >= 3)
            sql << u"INSERT INTO session_keys (key, session_id, updated_at) "
                   "VALUES ('telegram:private:111', 'old-session', 2000)"_s
                << u"INSERT INTO outbox (session_id, platform, chat, content, created_at) "
                   "VALUES ('old-session', 'telegram', '111', 'unsent reply', 2001)"_s
                << u"INSERT INTO pairing (platform, user_id, code, requested_at) VALUES ('telegram', '222', 'K7Q2', 5)"_s
                << u"INSERT INTO pairing (platform, user_id, code, requested_at, approved_at) "
                   "VALUES ('telegram', '333', 'APPR', 6, 7)"_s;
        if (version >= 5) // from 5 on, Baton itself indexes what it inserts
            sql << u"INSERT INTO messages_fts (rowid, content) SELECT id, content FROM messages"_s;
        if (version >= 6)
            sql << u"UPDATE sessions SET ended_at = 3000, ended_reason = 'cli_exit'"_s;
        if (version >= 7) // a turn held by a process on another machine, from before leases
            sql << u"UPDATE sessions SET turn_state = 'running', turn_owner = 'elsewhere/4242/0badc0de'"_s;
        if (version >= 15) // from 15 on, Baton links each message to the one it follows as it inserts it
            sql << uR"(UPDATE messages SET parent_id = (SELECT max(p.id) FROM messages p
                       WHERE p.session_id = messages.session_id AND p.id < messages.id))"_s;
        return sql;
    }

    static QStringList schemaOf(Database &db)
    {
        QStringList schema;
        QSqlQuery q(db.connection());
        q.exec(u"SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"_s);
        while (q.next())
            schema << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(3).toString();
        return schema;
    }

private Q_SLOTS:
    void migratesFromEveryOlderVersion_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("empty file (0)") << 0;
        for (const Migrations::Migration &m : Migrations::all()) {
            if (m.version < Migrations::latestVersion())
                QTest::newRow(qPrintable(u"schema %1"_s.arg(m.version))) << m.version;
        }
    }
    void migratesFromEveryOlderVersion()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        {
            Database old;
            QVERIFY2(
                old.open(path, { .busyTimeoutMs = 5000, .targetVersion = version }), qPrintable(old.errorString()));
            QCOMPARE(old.schemaVersion(), version);
            QVERIFY(run(old, seedFor(version)));
        }

        Database db;
        QVERIFY2(db.open(path), qPrintable(db.errorString()));
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());

        QTemporaryDir freshDir;
        Database fresh;
        QVERIFY(fresh.open(freshDir.filePath(u"state.db"_s)));
        QCOMPARE(schemaOf(db), schemaOf(fresh));

        SessionStore sessions(db);
        HandoffStore handoffs(db);
        if (version == 0) {
            QVERIFY(sessions.sessions().isEmpty());
            return;
        }
        const auto session = sessions.session(u"old-session"_s);
        QVERIFY(session);
        QCOMPARE(session->title, u"Trip planning"_s);
        QCOMPARE(session->endedAt, version >= 6 ? 3000 : 0);
        const QList<Message> transcript = sessions.transcript(u"old-session"_s);
        QCOMPARE(transcript.size(), 4);
        QCOMPARE(transcript.at(1).role, MessageRole::Assistant);
        QVERIFY(transcript.at(1).toolCalls.contains("\"c1\""));
        QCOMPARE(transcript.at(2).toolCallId, u"c1"_s);
        QCOMPARE(transcript.at(3).platformMessageId, u"42"_s);

        // Rows stored before variants existed are one line (each follows the one before), so a
        // reply regenerated in an old session keeps the old one as its variant.
        QSqlQuery line(db.connection());
        QVERIFY(line.exec(u"SELECT count(*) FROM messages m WHERE session_id = 'old-session' AND parent_id IS "
                          "(SELECT max(p.id) FROM messages p WHERE p.session_id = m.session_id AND p.id < m.id)"_s)
            && line.next());
        QCOMPARE(line.value(0).toInt(), 4);
        line.finish();
        QVERIFY(sessions.variants(u"old-session"_s).isEmpty());

        // Rows stored before full-text search existed are found by it.
        const QList<SearchHit> hits = sessions.search(u"brindisi"_s);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().sessionId, u"old-session"_s);

        // The idempotency index holds for rows from any version.
        Message replay = transcript.at(3);
        const auto again = sessions.appendMessage(replay);
        QVERIFY(again);
        QVERIFY(!again->inserted);

        // No lease and no way to see that owner: only `baton sessions unlock` ends that turn.
        QCOMPARE(sessions.releaseAbandonedTurns(), QStringList {});
        QCOMPARE(sessions.session(u"old-session"_s)->turnRunning, version >= 7);
        QCOMPARE(sessions.unlockTurn(u"old-session"_s), version >= 7);
        QVERIFY(!sessions.session(u"old-session"_s)->turnRunning);
        QVERIFY(sessions.interruptedReplies().isEmpty());

        QVERIFY2(sessions.beginVariant(u"old-session"_s, transcript.at(3).id), qPrintable(sessions.errorString()));
        Message edited;
        edited.sessionId = u"old-session"_s;
        edited.content = u"many thanks"_s;
        const auto appended = sessions.appendMessage(edited);
        QVERIFY(appended);
        QCOMPARE(sessions.transcript(u"old-session"_s).size(), 4);
        QCOMPARE(sessions.variants(u"old-session"_s).value(appended->id).previous, transcript.at(3).id);
        QVERIFY(sessions.chooseVariant(transcript.at(3).id));
        QCOMPARE(sessions.transcript(u"old-session"_s).constLast().content, u"thanks"_s);

        const auto handoff = handoffs.handoffState(u"old-session"_s);
        QVERIFY(handoff);
        QCOMPARE(handoff->state, version >= 2 ? HandoffState::Failed : HandoffState::None);
        // A session from any version can be handed off now (the pending index is there: docs/architecture.md, scenario
        // 1).
        QCOMPARE(handoffs.requestHandoff(u"old-session"_s, u"discord"_s), HandoffStore::RequestResult::Requested);
        QSqlQuery plan(db.connection());
        QVERIFY(plan.exec(u"EXPLAIN QUERY PLAN SELECT id FROM sessions WHERE handoff_state = 'pending' "
                          "ORDER BY handoff_requested_at"_s));
        QString planText;
        while (plan.next())
            planText += plan.value(3).toString();
        QVERIFY2(planText.contains(u"sessions_handoff_pending"_s), qPrintable(planText));

        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM outbox"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), version >= 3 ? 1 : 0);

        // People approved before roles existed are guests; codes from back then have expired, and
        // sessions from back then were begun by no guest.
        PairingStore pairing(db);
        QCOMPARE(pairing.role(u"telegram"_s, u"333"_s), version >= 3 ? u"guest"_s : QString());
        QVERIFY(pairing.pendingRequests().isEmpty());
        QVERIFY(!pairing.approve(u"K7Q2"_s));
        SessionOwners owners(db);
        QCOMPARE(owners.startedBy(u"old-session"_s), QString());

        // What came before the upgrade is not unread in the window; nobody took anything back then.
        // From 14 on, a phone message the window has not shown stays unread through later upgrades.
        SessionMarks marks(db);
        QCOMPARE(marks.marks(u"old-session"_s).unread, version >= 14 ? 1 : 0);
        QCOMPARE(marks.marks(u"old-session"_s).lastPhoneAt, 1004);
        QCOMPARE(marks.marks(u"old-session"_s).takenBackAt, 0);
        QCOMPARE(handoffs.requestedFrom(u"old-session"_s), QString());
        // Chats from before per-chat system prompts use the default; each can have its own now.
        QCOMPARE(sessions.systemPrompt(u"old-session"_s), std::nullopt);
        QVERIFY(sessions.setSystemPrompt(u"old-session"_s, u"Answer in Italian."_s));
        QCOMPARE(sessions.systemPrompt(u"old-session"_s), std::optional<QString>(u"Answer in Italian."_s));
        // Replies from before token counts have none, and a stored one can be given them now.
        QVERIFY(!sessions.replyStats(transcript.at(1).id));
        QVERIFY(sessions.replyStatsOf(u"old-session"_s).isEmpty());
        ReplyStats stats;
        stats.reasoning = u"plan"_s;
        stats.completionTokens = 7;
        stats.estimated = true;
        QVERIFY2(sessions.setReplyStats(transcript.at(1).id, stats), qPrintable(sessions.errorString()));
        QCOMPARE(sessions.replyStats(transcript.at(1).id)->reasoning, u"plan"_s);
        QCOMPARE(sessions.replyStatsOf(u"old-session"_s).value(transcript.at(1).id).completionTokens, 7);
    }

    void failedMigrationRollsBackWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"state.db"_s);
        const int before = 3; // migration 4 creates messages_fts; later ones must roll back with it
        {
            Database old;
            QVERIFY(old.open(path, { .busyTimeoutMs = 5000, .targetVersion = before }));
            QVERIFY(run(old, seedFor(before)));
            // Something in the way of migration 4's first statement.
            QVERIFY(run(old, { u"CREATE TABLE messages_fts (x)"_s }));
        }
        Database db;
        QVERIFY(!db.open(path));
        QVERIFY2(db.errorString().contains(u"could not be upgraded to schema 4"_s), qPrintable(db.errorString()));

        Database peek;
        QVERIFY(peek.open(path, { .busyTimeoutMs = 5000, .targetVersion = before }));
        QCOMPARE(peek.schemaVersion(), before);
        QSqlQuery q(peek.connection());
        QVERIFY(q.exec(u"SELECT count(*) FROM sessions"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void versionsAreConsecutive()
    {
        int expected = 1;
        for (const Migrations::Migration &m : Migrations::all()) {
            QCOMPARE(m.version, expected++);
            // Each does something on at least one of the two dialects.
            QVERIFY(!Migrations::statements(m, SqlDialect::Sqlite).isEmpty()
                || !Migrations::statements(m, SqlDialect::Postgres).isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
