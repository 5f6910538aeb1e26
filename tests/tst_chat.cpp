// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "cli/chatcommand.h"
#include "fakellmserver.h"
#include "store/handoffstore.h"
#include "store/processidentity.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

/**
 * The real `baton chat`, fed on a pipe, against the fake model server: streaming, persistence,
 * /resume, /handoff, slash commands, Ctrl-C and the API key's secrecy.
 */
class TestChat : public QObject
{
    Q_OBJECT

private:
    const QByteArray m_token = "sk-planted-4e1d9b7a";
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<HandoffStore> m_handoffs;

    void writeConfig(const QByteArray &extra = {})
    {
        QFile ini(m_store->dir.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\nhome_chat=-1001\n" + extra);
    }

    QProcessEnvironment environment(const QList<std::pair<QString, QString>> &extra = {}) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, m_store->dir.path());
        e.insert(u"BATON_CONFIG"_s, m_store->dir.filePath(u"baton.ini"_s));
        e.insert(u"BATON_LLM_API_KEY"_s, QString::fromUtf8(m_token));
        for (const auto &[name, value] : extra)
            e.insert(name, value);
        return e;
    }

    BatonRun chat(
        const QByteArray &input, const QStringList &args = {}, const QList<std::pair<QString, QString>> &env = {})
    {
        return runBaton(QStringList { u"chat"_s } + args, environment(env), input);
    }

private Q_SLOTS:
    void init()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
        m_handoffs = std::make_unique<HandoffStore>(m_store->db);
        writeConfig();
    }
    void cleanup()
    {
        m_handoffs.reset();
        m_sessions.reset();
        m_store.reset();
        m_llm.reset();
    }

    void handoffIsACliCommand() // docs/architecture.md scenario 8, CLI half
    {
        QVERIFY(ChatCommand::commandNames().contains(u"handoff"_s));
        QVERIFY(ChatCommand::commandNames().contains(u"resume"_s));
    }

    void streamsAReplyAndStoresBothMessages()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"Hel"_s, u"lo "_s, u"there"_s }));
        const BatonRun run = chat("hi baton\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Hello there"_s), qPrintable(run.out + run.err));

        const QList<Session> sessions = m_sessions->sessions();
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().title, u"hi baton"_s);
        QCOMPARE(sessions.first().origin, u"cli"_s);
        // Scenario 11: leaving the chat ends its session.
        QVERIFY(sessions.first().endedAt > 0);
        QCOMPARE(sessions.first().endedReason, u"cli_exit"_s);
        const QList<Message> transcript = m_sessions->transcript(sessions.first().id);
        QCOMPARE(transcript.size(), 2);
        QCOMPARE(transcript.at(0).role, MessageRole::User);
        QCOMPARE(transcript.at(0).content, u"hi baton"_s);
        QCOMPARE(transcript.at(1).role, MessageRole::Assistant);
        QCOMPARE(transcript.at(1).content, u"Hello there"_s);
        QCOMPARE(transcript.at(1).status, MessageStatus::Complete);

        QCOMPARE(m_llm->requests().size(), 1);
        const QJsonObject request = m_llm->requests().first();
        QCOMPARE(request.value("model"_L1).toString(), u"fake-model"_s);
        QCOMPARE(request.value("stream"_L1).toBool(), true);
        QCOMPARE(m_llm->authorizations().first(), QByteArray("Bearer " + m_token));
    }

    void theThinkingStaysOutOfThePrintedAnswer()
    {
        m_llm->setThinking(true);
        const BatonRun run = chat("hi baton\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"You said: hi baton"_s), qPrintable(run.out + run.err));
        QVERIFY2(
            !run.out.contains(u"person wrote"_s) && !run.out.contains(u"echo it"_s) && !run.out.contains(u"thinking"_s),
            qPrintable(run.out));
        const Message reply = m_sessions->transcript(m_sessions->sessions().first().id).constLast();
        QCOMPARE(reply.content, u"You said: hi baton"_s);
        QCOMPARE(m_sessions->replyStats(reply.id)->reasoning, u"The person wrote something; I will echo it."_s);
    }

    void controlSequencesNeverReachTheTerminal()
    {
        // OSC 52 (clipboard), OSC 8 (a link) and clear-screen, split across deltas where it hurts.
        m_llm->enqueue(FakeLlmReply::withContent({ u"Safe \x1b]52;c;ZWNobyBo"_s,
            u"aQ==\x07text \x1b]8;;http://x/\x1b"_s, u"\\link\x1b]8;;\x1b\\ end\x1b[2"_s, u"J\x1b[H\r\x7f."_s }));
        const BatonRun run = chat("show me\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Safe text link end."_s), qPrintable(run.out));
        for (const QChar c : run.out)
            QVERIFY2(c == u'\n' || c == u'\t' || (c.unicode() >= 0x20 && c.unicode() != 0x7f),
                qPrintable(u"control 0x%1 printed"_s.arg(c.unicode(), 0, 16)));
        // The store keeps what the model sent: only the terminal is spared it.
        const QList<Message> transcript = m_sessions->transcript(m_sessions->sessions().first().id);
        QVERIFY(transcript.last().content.contains(u"\x1b]52;c;"_s));
    }

    void linesAreMessagesInOrder()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"one"_s }));
        m_llm->enqueue(FakeLlmReply::withContent({ u"two"_s }));
        const BatonRun run = chat("first\nsecond\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.indexOf(u"one"_s) < run.out.indexOf(u"two"_s));
        QCOMPARE(m_llm->requests().size(), 2);
        // The second request carries the whole transcript so far, in role order.
        const QJsonArray messages = m_llm->requests().at(1).value("messages"_L1).toArray();
        QStringList roles;
        for (const QJsonValue &m : messages)
            roles << m.toObject().value("role"_L1).toString();
        QCOMPARE(roles, (QStringList { u"user"_s, u"assistant"_s, u"user"_s }));
    }

    void resumeContinuesAStoredSession()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"Athens is lovely."_s }));
        QCOMPARE(chat("trip to greece\n").exitCode, 0);
        m_llm->enqueue(FakeLlmReply::withContent({ u"Take the ferry."_s }));
        const BatonRun run = chat("/new\n/resume trip to greece\nand then?\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Resumed 'trip to greece' (2 messages)."_s), qPrintable(run.out + run.err));
        QCOMPARE(m_sessions->sessions().size(), 1);
        QCOMPARE(m_llm->requests().last().value("messages"_L1).toArray().size(), 3);

        m_llm->enqueue(FakeLlmReply::withContent({ u"Sure."_s }));
        const QString id = m_sessions->sessions().first().id;
        QCOMPARE(chat("/resume "_ba + id.left(8).toUtf8() + "\n/resume " + id.toUtf8() + "\n").exitCode, 0);
        QCOMPARE(chat("more\n", { u"--continue"_s }).exitCode, 0);
        QCOMPARE(m_sessions->transcript(id).size(), 6);
        QCOMPARE(chat("", { u"--session"_s, u"nope"_s }).exitCode, 2);
    }

    void resumeSaysWhenAlreadyThere()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"ok"_s }));
        const BatonRun run = chat("hello\n/resume hello\n");
        QVERIFY2(run.out.contains(u"Already on that session."_s), qPrintable(run.out));
    }

    void handoffWithoutAGatewayFailsAndTheSessionGoesOn()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"noted"_s }));
        m_llm->enqueue(FakeLlmReply::withContent({ u"still here"_s }));
        const BatonRun run = chat(
            "remember this\n/handoff telegram\nare you there?\n", {}, { { u"BATON_HANDOFF_CLAIM_MS"_s, u"800"_s } });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Queued handoff of 'remember this' -> telegram. Waiting for the gateway..."_s),
            qPrintable(run.out));
        QVERIFY2(run.err.contains(u"No gateway picked it up within 1 s"_s), qPrintable(run.err));
        QVERIFY(run.out.contains(u"still here"_s));
        const QString id = m_sessions->sessions().first().id;
        QCOMPARE(m_handoffs->handoffState(id)->state, HandoffState::Failed);
        QCOMPARE(m_sessions->transcript(id).size(), 4);
    }

    void handoffChecksComeFirst()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"ok"_s }));
        const BatonRun run = chat("/handoff telegram\nhello\n/handoff\n/handoff slack\n");
        QVERIFY2(run.err.contains(u"Nothing to hand off yet"_s), qPrintable(run.err));
        QVERIFY(run.err.contains(u"Name the platform to hand off to"_s));
        QVERIFY(run.err.contains(u"Slack is not enabled"_s));
    }

    void completedHandoffLeavesLikeQuit()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"ok"_s }));
        QProcess gateway;
        gateway.start(QStringLiteral(GATEWAY_STANDIN), { m_store->path(), u"complete"_s, u"0"_s, u"100"_s });
        QVERIFY(gateway.waitForReadyRead(10'000));
        const BatonRun run = chat("plan the trip\n/handoff telegram\nthis line is never sent\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Handoff complete. The session is now active on Telegram. Resume it here later "
                                  "with /resume plan the trip."_s),
            qPrintable(run.out + run.err));
        QCOMPARE(m_llm->requests().size(), 1);
        QVERIFY(waitForExit(gateway, 5'000));
        const QString id = m_sessions->sessions().first().id;
        QCOMPARE(m_handoffs->handoffState(id)->state, HandoffState::Completed);
        QCOMPARE(m_sessions->transcript(id).size(), 2);
        // Scenario 11: a session that left by handoff lives on; the CLI did not end it.
        QCOMPARE(m_sessions->session(id)->endedAt, 0);
    }

    void cutReplyIsKeptAsPartial()
    {
        FakeLlmReply cut = FakeLlmReply::withContent({ u"The answer is"_s });
        cut.truncate = true;
        m_llm->enqueue(cut);
        const BatonRun run = chat("question\n");
        QCOMPARE(run.exitCode, 1); // a pipe's last answer is incomplete: scripts must see it
        QVERIFY2(run.out.contains(u"The answer is"_s) && run.out.contains(u"cut off"_s), qPrintable(run.out));
        const QList<Message> transcript = m_sessions->transcript(m_sessions->sessions().first().id);
        QCOMPARE(transcript.last().content, u"The answer is"_s);
        QCOMPARE(transcript.last().status, MessageStatus::Partial);
        QCOMPARE(m_llm->requests().size(), 1); // never retried after text arrived
    }

    void rejectedKeyIsOneSentenceAndStored()
    {
        FakeLlmReply denied;
        denied.httpStatus = 401;
        denied.errorBody = R"({"error":{"message":"Incorrect API key provided","type":"auth","code":401}})";
        m_llm->enqueue(denied);
        const BatonRun run = chat("hello\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"rejected the API key (401)"_s), qPrintable(run.err));
        QVERIFY(!run.err.contains(QString::fromUtf8(m_token)));
        const QList<Message> transcript = m_sessions->transcript(m_sessions->sessions().first().id);
        QCOMPARE(transcript.last().status, MessageStatus::Error);
    }

    void pipeExitStatusFollowsTheLastTurn_data()
    {
        QTest::addColumn<bool>("lastFails");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("ok then failed, end of input") << true << QByteArray("one\ntwo\n") << 1;
        QTest::newRow("ok then failed, /quit") << true << QByteArray("one\ntwo\n/quit\n") << 1;
        QTest::newRow("failed then ok") << false << QByteArray("one\ntwo\n") << 0;
    }
    void pipeExitStatusFollowsTheLastTurn()
    {
        QFETCH(bool, lastFails);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        FakeLlmReply failed;
        failed.httpStatus = 400; // not retried
        failed.errorBody = R"({"error":{"message":"context too long","type":"invalid_request","code":400}})";
        if (lastFails) {
            m_llm->enqueue(FakeLlmReply::withContent({ u"fine"_s }));
            m_llm->enqueue(failed);
        } else {
            m_llm->enqueue(failed);
            m_llm->enqueue(FakeLlmReply::withContent({ u"fine"_s }));
        }
        const BatonRun run = chat(input);
        QCOMPARE(m_llm->requests().size(), 2);
        QCOMPARE(run.exitCode, exitCode);
    }

    void aStaleOwnerDoesNotBlockAndUnlockEndsTheRest()
    {
        const QString id = m_sessions->createSession(u"Stuck"_s, u"cli"_s);
        const auto hold = [&](const QString &owner, const QString &lease) {
            return m_store->exec(u"UPDATE sessions SET turn_state = 'running', turn_owner = '%1', "
                                 "turn_lease_until = %2 WHERE id = '%3'"_s.arg(owner, lease, id));
        };
        // Our own pid with another start time: the pid was reused; the holder is gone.
        const QString reused = ProcessIdentity::current().section(u'/', 0, 2) + u"/1"_s;
        QVERIFY(hold(reused, QString::number(QDateTime::currentMSecsSinceEpoch() + 3'600'000)));
        QCOMPARE(chat("first\n", { u"--session"_s, id }).exitCode, 0);
        QCOMPARE(m_llm->requests().size(), 1);

        // An owner from before leases, on a machine we cannot see: nothing can tell, so it blocks...
        QVERIFY(hold(u"elsewhere/4242/0badc0de"_s, u"NULL"_s));
        const BatonRun blocked = chat("second\n", { u"--session"_s, id });
        QCOMPARE(blocked.exitCode, 1);
        QVERIFY2(blocked.err.contains(u"already being written"_s), qPrintable(blocked.err));
        // ...until the person unlocks it.
        const BatonRun unlock = runBaton({ u"sessions"_s, u"unlock"_s, id.left(8) }, environment());
        QCOMPARE(unlock.exitCode, 0);
        QVERIFY2(unlock.out.contains(
                     u"Unlocked session %1 (its reply was held by elsewhere/4242/0badc0de)."_s.arg(id.left(8))),
            qPrintable(unlock.out));
        QCOMPARE(runBaton({ u"sessions"_s, u"unlock"_s, id.left(8) }, environment()).exitCode, 1);
        QCOMPARE(chat("second\n", { u"--session"_s, id }).exitCode, 0);
        QCOMPARE(m_llm->requests().size(), 2);
    }

    void slashCommands()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"a"_s }));
        m_llm->enqueue(FakeLlmReply::withContent({ u"b"_s }));
        const BatonRun run
            = chat("first\n/model other-model\n/title Renamed chat\nsecond\n/sessions\n/model\n/frobnicate\n"
                   "/help\n/quit\nnot sent\n");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(m_llm->requests().size(), 2);
        QCOMPARE(m_llm->requests().at(1).value("model"_L1).toString(), u"other-model"_s);
        const Session s = m_sessions->sessions().first();
        QCOMPARE(s.title, u"Renamed chat"_s);
        QCOMPARE(s.model, u"other-model"_s);
        QVERIFY2(run.out.contains(u"* 1. Renamed chat"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"Model: other-model"_s));
        QVERIFY(run.err.contains(u"Unknown command /frobnicate. Type /help for the list."_s));
        QVERIFY(run.out.contains(u"/handoff <platform>"_s));
    }

    void ctrlCStopsTheReplyAndKeepsWhatCame()
    {
        FakeLlmReply slow = FakeLlmReply::withContent({ u"partial "_s, u"words "_s, u"never"_s, u"arrive"_s });
        slow.chunkDelayMs = 1'500;
        m_llm->enqueue(slow);
        auto p = startBaton({ u"chat"_s }, environment());
        p->write("tell me a long story\n");
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] { return (out += p->readAllStandardOutput()).contains("partial"); }, 10'000));
        ::kill(static_cast<pid_t>(p->processId()), SIGINT);
        QVERIFY(QTest::qWaitFor([&] { return (out += p->readAllStandardOutput()).contains("[Stopped.]"); }, 10'000));
        p->closeWriteChannel();
        QVERIFY(QTest::qWaitFor([&] { return p->state() == QProcess::NotRunning; }, 10'000));
        QCOMPARE(p->exitCode(), 0);
        const QList<Message> transcript = m_sessions->transcript(m_sessions->sessions().first().id);
        QCOMPARE(transcript.last().status, MessageStatus::Partial);
        QVERIFY(transcript.last().content.startsWith(u"partial"_s));
        QVERIFY(!transcript.last().content.contains(u"arrive"_s));
    }

    void theApiKeyNeverReachesLogsOrTheStore()
    {
        m_llm->enqueue(FakeLlmReply::withContent({ u"fine"_s }));
        FakeLlmReply denied;
        denied.httpStatus = 403;
        denied.errorBody = R"({"error":{"message":"forbidden"}})";
        m_llm->enqueue(denied);
        const BatonRun run = chat("one\ntwo\n", {}, { { u"QT_LOGGING_RULES"_s, u"*.debug=true"_s } });
        QCOMPARE(run.exitCode, 1); // the last message was refused
        QCOMPARE(m_llm->authorizations().first(), QByteArray("Bearer " + m_token)); // it was really used
        QVERIFY(!run.out.toUtf8().contains(m_token));
        QVERIFY(!run.err.toUtf8().contains(m_token));
        m_store->db.close();
        for (const QString &file : QDir(m_store->dir.path()).entryList(QDir::Files)) {
            QFile f(m_store->dir.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(m_token), qPrintable(file));
        }
    }
};

QTEST_GUILESS_MAIN(TestChat)
#include "tst_chat.moc"
