// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/processidentity.h"
#include "store/sessionstore.h"
#include "store/transcriptreader.h"
#include "teststore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Message makeMessage(const QString &session, MessageRole role, const QString &content)
{
    Message m;
    m.sessionId = session;
    m.role = role;
    m.content = content;
    return m;
}

Message inbound(const QString &session, const QString &chat, const QString &platformId, const QString &text)
{
    Message m = makeMessage(session, MessageRole::User, text);
    m.platform = u"telegram"_s;
    m.platformChat = chat;
    m.platformMessageId = platformId;
    return m;
}
} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createAndRead()
    {
        TestStore t;
        SessionStore store(t.db);
        QSignalSpy created(&store, &SessionStore::sessionCreated);
        const QString id = store.createSession(u"Ferry times"_s, u"cli"_s, u"llama3"_s);
        QVERIFY2(!id.isEmpty(), qPrintable(store.errorString()));
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().first().toString(), id);

        const auto s = store.session(id);
        QVERIFY(s);
        QCOMPARE(s->title, u"Ferry times"_s);
        QCOMPARE(s->origin, u"cli"_s);
        QCOMPARE(s->model, u"llama3"_s);
        QVERIFY(s->createdAt > 0);
        QCOMPARE(s->handoff.state, HandoffState::None);
        QCOMPARE(s->messageCount, 0);
        QVERIFY(!store.session(u"nope"_s));
        QVERIFY(!store.errorString().isEmpty());
    }

    void transcriptKeepsRolesAndToolCalls()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QSignalSpy appended(&store, &SessionStore::messageAppended);
        QSignalSpy updated(&store, &SessionStore::sessionUpdated);

        Message call = makeMessage(id, MessageRole::Assistant, {});
        call.toolCalls = R"([{"id":"call_9","type":"function","function":{"name":"weather","arguments":"{}"}}])";
        Message result = makeMessage(id, MessageRole::Tool, u"sunny"_s);
        result.toolCallId = u"call_9"_s;
        Message synthetic = makeMessage(id, MessageRole::User, u"[handed off]"_s);
        synthetic.internal = true;
        Message cut = makeMessage(id, MessageRole::Assistant, u"It will be sun"_s);
        cut.status = MessageStatus::Partial;

        for (const Message &m : { makeMessage(id, MessageRole::System, u"be brief"_s),
                 makeMessage(id, MessageRole::User, u"weather?"_s), call, result, synthetic, cut })
            QVERIFY2(store.appendMessage(m), qPrintable(store.errorString()));
        QCOMPARE(appended.size(), 6);
        QCOMPARE(updated.size(), 6);

        const QList<Message> all = store.transcript(id);
        QCOMPARE(all.size(), 6);
        const QList<MessageRole> roles = { MessageRole::System, MessageRole::User, MessageRole::Assistant,
            MessageRole::Tool, MessageRole::User, MessageRole::Assistant };
        for (int i = 0; i < all.size(); ++i) {
            QCOMPARE(all.at(i).role, roles.at(i));
            QCOMPARE(all.at(i).id, appended.at(i).at(1).toLongLong());
            if (i > 0)
                QVERIFY(all.at(i).id > all.at(i - 1).id);
        }
        QCOMPARE(all.at(2).toolCalls, call.toolCalls);
        QCOMPARE(all.at(3).toolCallId, u"call_9"_s);
        QVERIFY(all.at(4).internal);
        QCOMPARE(all.at(5).status, MessageStatus::Partial);
        QCOMPARE(store.transcript(id, false).size(), 5);
        QCOMPARE(store.session(id)->messageCount, 6);
    }

    void bothTranscriptPathsAgree()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        Message call = makeMessage(id, MessageRole::Assistant, {});
        call.toolCalls = "[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]";
        Message result = makeMessage(id, MessageRole::Tool, u"ünïcödé ✓ 🚢"_s);
        result.toolCallId = u"c"_s;
        Message hidden = makeMessage(id, MessageRole::User, u"internal"_s);
        hidden.internal = true;
        Message failed = makeMessage(id, MessageRole::Assistant, u"model down"_s);
        failed.status = MessageStatus::Error;
        for (const Message &m : { makeMessage(id, MessageRole::System, u"sys"_s),
                 inbound(id, u"-100"_s, u"9"_s, u"hi"_s), call, result, hidden, failed })
            QVERIFY(store.appendMessage(m));

        for (bool includeInternal : { true, false }) {
            QString error;
            const auto direct = TranscriptReader::read(t.db.connection(), id, includeInternal, &error);
            const auto portable = TranscriptReader::readWithQuery(t.db.connection(), id, includeInternal, &error);
            QVERIFY2(direct && portable, qPrintable(error));
            QCOMPARE(direct->size(), includeInternal ? 6 : 5);
            QCOMPARE(direct->size(), portable->size());
            for (qsizetype i = 0; i < direct->size(); ++i) {
                const Message &a = direct->at(i), &b = portable->at(i);
                QCOMPARE(a.id, b.id);
                QCOMPARE(a.sessionId, b.sessionId);
                QCOMPARE(a.role, b.role);
                QCOMPARE(a.content, b.content);
                QCOMPARE(a.toolCalls, b.toolCalls);
                QCOMPARE(a.toolCallId, b.toolCallId);
                QCOMPARE(a.platform, b.platform);
                QCOMPARE(a.platformMessageId, b.platformMessageId);
                QCOMPARE(a.platformChat, b.platformChat);
                QCOMPARE(a.internal, b.internal);
                QCOMPARE(a.status, b.status);
                QCOMPARE(a.createdAt, b.createdAt);
            }
        }
        QCOMPARE(store.transcript(id).at(3).content, u"ünïcödé ✓ 🚢"_s);
    }

    void invalidRowsAreRefusedWithASentence()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        Message badJson = makeMessage(id, MessageRole::Assistant, {});
        badJson.toolCalls = "[{not json";
        QVERIFY(!store.appendMessage(badJson));
        QVERIFY2(store.errorString().contains(t.db.path()), qPrintable(store.errorString()));

        QVERIFY(!store.appendMessage(makeMessage(u"no-such-session"_s, MessageRole::User, u"x"_s)));
        QVERIFY(!store.errorString().isEmpty());

        Message noChat = inbound(id, {}, u"5"_s, u"hi"_s);
        QVERIFY(!store.appendMessage(noChat));
        QVERIFY(store.errorString().contains(u"chat"_s));
        QCOMPARE(store.transcript(id).size(), 0);
    }

    void inboundDeliveryIsIdempotent()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QSignalSpy appended(&store, &SessionStore::messageAppended);

        const auto first = store.appendMessage(inbound(id, u"111"_s, u"42"_s, u"hello"_s));
        QVERIFY(first && first->inserted);
        const auto replay = store.appendMessage(inbound(id, u"111"_s, u"42"_s, u"hello"_s));
        QVERIFY(replay);
        QVERIFY(!replay->inserted);
        QCOMPARE(replay->id, first->id);
        QCOMPARE(appended.size(), 1);

        // The same platform message id in another chat is another message.
        const auto other = store.appendMessage(inbound(id, u"222"_s, u"42"_s, u"hello"_s));
        QVERIFY(other && other->inserted);
        QCOMPARE(store.transcript(id).size(), 2);

        // Desktop messages carry no platform id and never collide.
        QVERIFY(store.appendMessage(makeMessage(id, MessageRole::User, u"a"_s))->inserted);
        QVERIFY(store.appendMessage(makeMessage(id, MessageRole::User, u"a"_s))->inserted);
        QCOMPARE(store.transcript(id).size(), 4);
    }

    void batchAppendIsOneTransaction()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QList<Message> batch;
        for (int i = 0; i < 100; ++i)
            batch << makeMessage(id, i % 2 ? MessageRole::Assistant : MessageRole::User, u"line %1"_s.arg(i));
        batch << inbound(id, u"1"_s, u"7"_s, u"dup"_s) << inbound(id, u"1"_s, u"7"_s, u"dup"_s);
        QSignalSpy appended(&store, &SessionStore::messageAppended);
        QVERIFY(store.appendMessages(batch));
        QCOMPARE(appended.size(), 101);
        QCOMPARE(batch.at(100).id, batch.at(101).id);
        QCOMPARE(store.transcript(id).size(), 101);

        // A bad row rolls the whole batch back.
        QList<Message> broken { makeMessage(id, MessageRole::User, u"kept?"_s),
            makeMessage(u"missing"_s, MessageRole::User, u"x"_s) };
        QVERIFY(!store.appendMessages(broken));
        QCOMPARE(store.transcript(id).size(), 101);
    }

    void updateMessageForStreaming()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        Message reply = makeMessage(id, MessageRole::Assistant, u"Hel"_s);
        reply.status = MessageStatus::Partial;
        const auto added = store.appendMessage(reply);
        QVERIFY(added);
        QSignalSpy changed(&store, &SessionStore::messageUpdated);
        QVERIFY(store.updateMessage(added->id, u"Hello there"_s, MessageStatus::Complete));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toString(), id);
        const auto m = store.message(added->id);
        QCOMPARE(m->content, u"Hello there"_s);
        QCOMPARE(m->status, MessageStatus::Complete);
        QVERIFY(!store.updateMessage(999999, u"x"_s, MessageStatus::Complete));
        QCOMPARE(store.search(u"there"_s).size(), 1);
        QCOMPARE(store.search(u"hel"_s).size(), 1);
    }

    void sessionsAreListedMostRecentFirst()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString a = store.createSession(u"A"_s);
        const QString b = store.createSession(u"B"_s);
        QVERIFY(t.exec(u"UPDATE sessions SET updated_at = 100 WHERE id = '%1'"_s.arg(b)));
        QCOMPARE(store.sessions().first().id, a);
        QVERIFY(store.appendMessage(makeMessage(b, MessageRole::User, u"bump"_s)));
        QCOMPARE(store.sessions().first().id, b);
        QCOMPARE(store.sessions(1).size(), 1);
    }

    void idPrefixLookupIsLiteral()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QCOMPARE(store.idsWithPrefix(id.left(6)), QStringList { id });
        QCOMPARE(store.idsWithPrefix(id.left(6).toUpper()), QStringList { id });
        QVERIFY(store.idsWithPrefix(u"%"_s).isEmpty());
        QVERIFY(store.idsWithPrefix(u"____"_s).isEmpty());
    }

    void searchIsSafeAgainstFtsSyntax()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession(u"Code"_s);
        QVERIFY(store.appendMessage(makeMessage(id, MessageRole::User, u"How do I write c++ templates?"_s)));
        Message hidden = makeMessage(id, MessageRole::User, u"secret synthetic templates"_s);
        hidden.internal = true;
        QVERIFY(store.appendMessage(hidden));

        const QList<SearchHit> hits = store.search(u"templ"_s);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().snippet, u"How do I write c++ templates?"_s);
        using Match = std::pair<qsizetype, qsizetype>;
        QCOMPARE(hits.first().matches, QList<Match> { Match(19, 9) });
        QCOMPARE(hits.first().sessionTitle, u"Code"_s);
        for (const QString &hostile : { u"\"unbalanced"_s, u"AND OR NOT"_s, u"c++ (x"_s, u"content:foo"_s, u"*"_s }) {
            const QList<SearchHit> ignored = store.search(hostile);
            Q_UNUSED(ignored);
            QVERIFY2(store.errorString().isEmpty(), qPrintable(hostile + u": "_s + store.errorString()));
        }
        QVERIFY(store.search(u"   "_s).isEmpty());
    }

    void oneTurnAtATime()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QVERIFY(store.beginTurn(id));
        QVERIFY(store.session(id)->turnRunning);
        QVERIFY(!store.beginTurn(id));
        QVERIFY(store.endTurn(id));
        QVERIFY(!store.session(id)->turnRunning);
        QVERIFY(store.beginTurn(id));
    }

    // What the gateway records while a turn ends (its final text) commits with the reply and the
    // turn's end: another connection sees all of it or none, so no stop can land in between.
    void finishingATurnIsOneTransactionWithWhatGoesAlong()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QVERIFY(store.beginTurn(id));
        Message reply = makeMessage(id, MessageRole::Assistant, u"Hel"_s);
        reply.status = MessageStatus::Partial;
        const auto added = store.appendMessage(reply);
        QVERIFY(added);
        Database other;
        QVERIFY(other.open(t.path()));
        SessionStore seen(other);
        QString insideView;
        int recordedInside = 0;
        QVERIFY(store.finishTurn(id, added->id, u"Hello there"_s, MessageStatus::Complete, {}, [&] {
            QSqlQuery q(t.db.connection());
            recordedInside = q.exec(u"INSERT INTO handled_commands VALUES ('telegram', '1', 'm1', 0)"_s) ? 1 : 0;
            insideView
                = seen.message(added->id)->content + (seen.session(id)->turnRunning ? u" running"_s : u" idle"_s);
        }));
        QCOMPARE(recordedInside, 1);
        QCOMPARE(insideView, u"Hel running"_s); // nothing of it visible before the commit
        QCOMPARE(seen.message(added->id)->content, u"Hello there"_s);
        QVERIFY(!seen.session(id)->turnRunning);
        QSqlQuery count(other.connection());
        QVERIFY(count.exec(u"SELECT COUNT(*) FROM handled_commands"_s) && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
    }

    void processIdentitySurvivesPidReuse()
    {
        const QString mine = ProcessIdentity::current();
        QCOMPARE(mine.split(u'/').size(), 4);
        QCOMPARE(ProcessIdentity::of(QCoreApplication::applicationPid()), mine);
        QVERIFY(!ProcessIdentity::isDead(mine));
        const QString bootAndHost = mine.section(u'/', 0, 1);
        const QString pid = QString::number(QCoreApplication::applicationPid());
        QVERIFY(ProcessIdentity::isDead(bootAndHost + u'/' + pid + u"/1")); // our pid, an older process
        QVERIFY(ProcessIdentity::isDead(
            mine.section(u'/', 0, 0) + u"/another-boot/" + pid + u'/' + mine.section(u'/', 3, 3))); // rebooted since
        QVERIFY(!ProcessIdentity::isDead(u"elsewhere/boot/1/1"_s)); // another machine: only its lease tells
        QVERIFY(!ProcessIdentity::of(1).isEmpty());
        QVERIFY(!ProcessIdentity::isDead(ProcessIdentity::of(1))); // alive, whoever owns it
    }

    void aDeadOrLapsedOwnerIsTakenOverAndItsReplyMarked()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QVERIFY(store.beginTurn(id));
        Message reply = makeMessage(id, MessageRole::Assistant, u"half an ans"_s);
        reply.status = MessageStatus::Partial;
        const auto reserved = store.appendMessage(reply);
        QVERIFY(reserved);
        QVERIFY(store.setTurnReply(id, reserved->id));
        QVERIFY(store.refreshTurnLease(id));
        QVERIFY(!store.beginTurn(id)); // our own live turn

        // The owner's pid now belongs to a later process: released at once, lease or not.
        const QString reused = ProcessIdentity::current().section(u'/', 0, 2) + u"/1"_s;
        QVERIFY(t.exec(u"UPDATE sessions SET turn_owner = '%1', turn_lease_until = %2"_s.arg(reused).arg(
            QDateTime::currentMSecsSinceEpoch() + 3'600'000)));
        QVERIFY(!store.refreshTurnLease(id)); // no longer ours
        QCOMPARE(store.releaseAbandonedTurns(), QStringList { id });
        QVERIFY(!store.session(id)->turnRunning);
        const QList<Message> cut = store.interruptedReplies();
        QCOMPARE(cut.size(), 1);
        QCOMPARE(cut.first().id, reserved->id);
        QCOMPARE(cut.first().content, u"half an ans"_s);
        QVERIFY(store.transcript(id).constLast().interrupted);
        QVERIFY(store.setInterruptedAnswered(id));
        QVERIFY(store.interruptedReplies().isEmpty());
        QVERIFY(store.transcript(id).constLast().interrupted); // still kept out of the model's view

        // A live owner whose lease lapsed: beginTurn takes over.
        QVERIFY(store.beginTurn(id));
        QVERIFY(t.exec(u"UPDATE sessions SET turn_owner = 'elsewhere/boot/1/1', turn_lease_until = 1"_s));
        QVERIFY(store.beginTurn(id));
        // A live owner within its lease on another machine: only unlock ends it.
        QVERIFY(t.exec(u"UPDATE sessions SET turn_owner = 'elsewhere/boot/1/1', turn_lease_until = %1"_s.arg(
            QDateTime::currentMSecsSinceEpoch() + 3'600'000)));
        QVERIFY(!store.beginTurn(id));
        QVERIFY(store.releaseAbandonedTurns().isEmpty());
        QString owner;
        QVERIFY(store.unlockTurn(id, &owner));
        QCOMPARE(owner, u"elsewhere/boot/1/1"_s);
        QVERIFY(!store.unlockTurn(id));
        QVERIFY(store.beginTurn(id));
    }

    void endedSessionsReopenOnActivity()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QVERIFY(store.endSession(id, u"cli_exit"_s));
        QVERIFY(store.session(id)->endedAt > 0);
        QCOMPARE(store.session(id)->endedReason, u"cli_exit"_s);
        QVERIFY(store.appendMessage(makeMessage(id, MessageRole::User, u"back again"_s)));
        QCOMPARE(store.session(id)->endedAt, 0);
        QVERIFY(store.session(id)->endedReason.isEmpty());
    }

    void deleteCascades()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QVERIFY(store.appendMessage(makeMessage(id, MessageRole::User, u"ephemeral words"_s)));
        QSignalSpy deleted(&store, &SessionStore::sessionDeleted);
        QVERIFY(store.deleteSession(id));
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(t.scalar(u"SELECT count(*) FROM messages"_s).toInt(), 0);
        QVERIFY(store.search(u"ephemeral"_s).isEmpty());
        QVERIFY(!store.deleteSession(id));
    }

    void titleAndModelUpdates()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession();
        QSignalSpy updated(&store, &SessionStore::sessionUpdated);
        QVERIFY(store.setTitle(id, u"Renamed"_s));
        QVERIFY(store.setModel(id, u"qwen"_s));
        QCOMPARE(updated.size(), 2);
        QCOMPARE(store.session(id)->title, u"Renamed"_s);
        QCOMPARE(store.session(id)->model, u"qwen"_s);
        QVERIFY(!store.setTitle(u"missing"_s, u"x"_s));
    }

    void deleteIsRefusedWhileAReplyOrAHandoffRuns()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession(u"Busy"_s);
        QVERIFY(store.appendMessage(makeMessage(id, MessageRole::User, u"still needed"_s)));
        QVERIFY(store.beginTurn(id));
        QVERIFY(!store.deleteSession(id));
        QVERIFY2(store.errorString().contains(u"reply is being written"_s), qPrintable(store.errorString()));
        QVERIFY(store.endTurn(id));

        for (const char *state : { "pending", "running" }) {
            QVERIFY(t.exec(u"UPDATE sessions SET handoff_state = '%1', handoff_platform = 'telegram'"_s.arg(
                QLatin1StringView(state))));
            QVERIFY(!store.deleteSession(id));
            QVERIFY2(store.errorString().contains(u"handed off"_s), qPrintable(store.errorString()));
        }
        QCOMPARE(t.scalar(u"SELECT count(*) FROM messages"_s).toInt(), 1);
        // A finished handoff (completed or failed) no longer holds the chat.
        QVERIFY(t.exec(u"UPDATE sessions SET handoff_state = 'completed'"_s));
        QVERIFY2(store.deleteSession(id), qPrintable(store.errorString()));
        QVERIFY(!store.session(id));
    }

    void systemPromptPerChat()
    {
        TestStore t;
        SessionStore store(t.db);
        const QString id = store.createSession(u"Italian"_s);
        const QString other = store.createSession(u"Other"_s);
        const qint64 updatedAt = store.session(id)->updatedAt;
        QCOMPARE(store.systemPrompt(id), std::nullopt); // a new chat uses the default
        QVERIFY(store.errorString().isEmpty());

        QSignalSpy updated(&store, &SessionStore::sessionUpdated);
        QVERIFY(store.setSystemPrompt(id, u"Answer in Italian.\nBe brief."_s));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(store.systemPrompt(id), std::optional<QString>(u"Answer in Italian.\nBe brief."_s));
        QCOMPARE(store.systemPrompt(other), std::nullopt);
        QCOMPARE(store.session(id)->updatedAt, updatedAt); // settings do not reorder the sidebar

        // Empty is the chat's own choice (no prompt at all), not the default.
        QVERIFY(store.setSystemPrompt(id, QString()));
        QCOMPARE(store.systemPrompt(id), std::optional<QString>(QString()));
        QVERIFY(store.setSystemPrompt(id, std::nullopt));
        QCOMPARE(store.systemPrompt(id), std::nullopt);

        QVERIFY(!store.setSystemPrompt(u"missing"_s, u"x"_s));
        QCOMPARE(store.systemPrompt(u"missing"_s), std::nullopt);
        QVERIFY(!store.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
