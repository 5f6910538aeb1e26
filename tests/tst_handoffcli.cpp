// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;

/**
 * `baton handoff` (the shared HandoffWaiter) against a stand-in gateway process on the same
 * state.db: acceptance scenario 10 of docs/architecture.md and the requester's checks and sentences.
 */
class TestHandoffCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<HandoffStore> m_handoffs;
    QString m_session;

    QProcessEnvironment environment(const QList<std::pair<QString, QString>> &extra) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"BATON_DATA_DIR"_s, m_store->dir.path());
        env.insert(u"BATON_CONFIG"_s, m_store->dir.filePath(u"baton.ini"_s));
        for (const auto &[name, value] : extra)
            env.insert(name, value);
        return env;
    }

    std::unique_ptr<QProcess> start(const QStringList &args, const QList<std::pair<QString, QString>> &env = {})
    {
        return startBaton(args, environment(env));
    }

    BatonRun baton(const QStringList &args, const QList<std::pair<QString, QString>> &env = {})
    {
        return runBaton(args, environment(env));
    }

    std::unique_ptr<QProcess> standin(const QString &mode, int claimDelayMs, int finishDelayMs)
    {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(GATEWAY_STANDIN),
            { m_store->path(), mode, QString::number(claimDelayMs), QString::number(finishDelayMs) });
        if (!p->waitForReadyRead(10'000) || !p->readLine().startsWith("ready"))
            return nullptr;
        return p;
    }

    HandoffStatus rowState() { return m_handoffs->handoffState(m_session).value_or(HandoffStatus {}); }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
        m_handoffs = std::make_unique<HandoffStore>(m_store->db);
        m_session = m_sessions->createSession(u"Trip planning"_s);
        QFile ini(m_store->dir.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[telegram]\nenabled=true\nhome_chat=-1001\n[discord]\nenabled=true\n");
    }
    void cleanup()
    {
        m_handoffs.reset();
        m_sessions.reset();
        m_store.reset();
    }

    void completesAndReportsTheDestination()
    {
        auto gateway = standin(u"complete"_s, 0, 50);
        QVERIFY(gateway);
        const BatonRun run = baton({ u"handoff"_s, m_session.left(8), u"--to"_s, u"telegram"_s, u"--json"_s });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = run.json();
        QCOMPARE(result.value("state"_L1).toString(), u"completed"_s);
        QCOMPARE(result.value("platform"_L1).toString(), u"telegram"_s);
        QCOMPARE(result.value("destination"_L1).toString(), u"telegram:group:-1001:77"_s);
        QVERIFY(result.value("error"_L1).isNull());
        QVERIFY2(run.err.contains(u"Queued handoff of 'Trip planning' -> telegram. Waiting for the gateway..."_s),
            qPrintable(run.err));
        QVERIFY(run.err.contains(u"Gateway picked it up; transferring..."_s));
        QVERIFY(waitForExit(*gateway, 5'000));
        QCOMPARE(rowState().state, HandoffState::Completed);
    }

    void humanOutputNamesResume()
    {
        auto gateway = standin(u"complete"_s, 0, 0);
        QVERIFY(gateway);
        const BatonRun run = baton({ u"handoff"_s, m_session, u"--to"_s, u"telegram"_s });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Handoff complete. The session is now active on Telegram. Resume it here later "
                                  "with /resume Trip planning."_s),
            qPrintable(run.out));
    }

    void gatewayFailureIsReported()
    {
        auto gateway = standin(u"fail"_s, 0, 50);
        QVERIFY(gateway);
        const BatonRun run = baton({ u"handoff"_s, m_session, u"--to"_s, u"telegram"_s, u"--json"_s });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value("state"_L1).toString(), u"failed"_s);
        const QString error = run.json().value("error"_L1).toString();
        QVERIFY2(error.contains(u"Telegram rejected the bot token (401)"_s), qPrintable(error));
        QVERIFY(error.contains(u"Your session is intact."_s));
    }

    void noGatewayFailsThePendingRowAndKeepsTheSession() // docs/architecture.md scenario 10
    {
        const BatonRun run = baton(
            { u"handoff"_s, m_session, u"--to"_s, u"telegram"_s }, { { u"BATON_HANDOFF_CLAIM_MS"_s, u"1000"_s } });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"No gateway picked it up within 1 s. Is `baton` or `baton --no-gui` running for"_s),
            qPrintable(run.err));
        const HandoffStatus row = rowState();
        QCOMPARE(row.state, HandoffState::Failed);
        QCOMPARE(row.error, u"no gateway is running for %1"_s.arg(m_store->dir.path()));
        QCOMPARE(m_handoffs->requestHandoff(m_session, u"telegram"_s), HandoffStore::RequestResult::Requested);
    }

    void dispatchSlowerThanTheClaimTimeoutStillSucceeds() // docs/architecture.md scenario 10
    {
        auto gateway = standin(u"complete"_s, 100, 1'500);
        QVERIFY(gateway);
        const BatonRun run = baton({ u"handoff"_s, m_session, u"--to"_s, u"telegram"_s, u"--json"_s },
            { { u"BATON_HANDOFF_CLAIM_MS"_s, u"1000"_s } });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.json().value("state"_L1).toString(), u"completed"_s);
    }

    void requesterNeverFailsARunningRow() // docs/architecture.md scenario 10
    {
        auto gateway = standin(u"complete"_s, 0, 3'000);
        QVERIFY(gateway);
        const BatonRun run = baton({ u"handoff"_s, m_session, u"--to"_s, u"telegram"_s },
            { { u"BATON_HANDOFF_TRANSFER_MS"_s, u"500"_s }, { u"BATON_HANDOFF_HEARTBEAT_MS"_s, u"100"_s } });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"The transfer is taking unusually long; check Telegram."_s), qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Still transferring to Telegram"_s), qPrintable(run.out));
        QCOMPARE(rowState().state, HandoffState::Running);
        QVERIFY(waitForExit(*gateway, 10'000));
        QCOMPARE(gateway->exitCode(), 0);
        QCOMPARE(rowState().state, HandoffState::Completed);
    }

    void checksComeInTheReferenceOrder_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("no platform") << QStringList { u"handoff"_s, u"SESSION"_s }
                                     << u"Name the platform to hand off to: telegram, discord, slack."_s;
        QTest::newRow("unknown platform") << QStringList { u"handoff"_s, u"SESSION"_s, u"--to"_s, u"matrix"_s }
                                          << u"Unknown platform 'matrix'; choose one of telegram, discord, slack."_s;
        QTest::newRow("not enabled") << QStringList { u"handoff"_s, u"SESSION"_s, u"--to"_s, u"slack"_s }
                                     << u"Slack is not enabled. Set enabled=true under [slack]"_s;
        QTest::newRow("no home") << QStringList { u"handoff"_s, u"SESSION"_s, u"--to"_s, u"discord"_s }
                                 << u"Discord has no home channel. Set one with /sethome in the destination chat"_s;
        QTest::newRow("unknown session") << QStringList { u"handoff"_s, u"ffffffff"_s, u"--to"_s, u"telegram"_s }
                                         << u"no session with id 'ffffffff'"_s;
        QTest::newRow("no session") << QStringList { u"handoff"_s, u"--to"_s, u"telegram"_s }
                                    << u"usage: baton handoff SESSION --to PLATFORM"_s;
    }
    void checksComeInTheReferenceOrder()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, sentence);
        args.replaceInStrings(u"SESSION"_s, m_session);
        const BatonRun run = baton(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(sentence), qPrintable(run.err));
        QCOMPARE(rowState().state, HandoffState::None);
    }

    void refusedMidTurnAndWhileInFlight()
    {
        QVERIFY(m_sessions->beginTurn(m_session));
        BatonRun run = baton({ u"handoff"_s, m_session, u"--to"_s, u"telegram"_s });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"A reply is still being written"_s), qPrintable(run.err));
        QVERIFY(m_sessions->endTurn(m_session));

        QCOMPARE(m_handoffs->requestHandoff(m_session, u"telegram"_s), HandoffStore::RequestResult::Requested);
        run = baton({ u"handoff"_s, m_session, u"--to"_s, u"telegram"_s });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"already pending"_s), qPrintable(run.err));
        QCOMPARE(rowState().state, HandoffState::Pending);
    }

    void ctrlCWhilePendingReleasesTheRow_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGHUP (terminal closed)") << int(SIGHUP);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void ctrlCWhilePendingReleasesTheRow()
    {
        QFETCH(int, signalNumber);
        auto p = start({ u"handoff"_s, m_session, u"--to"_s, u"telegram"_s });
        QTRY_VERIFY_WITH_TIMEOUT(rowState().state == HandoffState::Pending, 10'000);
        QByteArray out; // QTRY_ evaluates its expression again at the end: keep what was read
        QTRY_VERIFY_WITH_TIMEOUT((out += p->readAllStandardOutput()).contains("Waiting for the gateway"), 10'000);
        ::kill(static_cast<pid_t>(p->processId()), signalNumber);
        QVERIFY(waitForExit(*p, 10'000));
        QCOMPARE(p->exitStatus(), QProcess::NormalExit);
        QCOMPARE(p->exitCode(), 1);
        QVERIFY(p->readAllStandardError().contains("Handoff abandoned. Your session stays here."));
        QCOMPARE(rowState().state, HandoffState::Failed);
        QCOMPARE(rowState().error, u"abandoned"_s);
    }
};

QTEST_GUILESS_MAIN(TestHandoffCli)
#include "tst_handoffcli.moc"
