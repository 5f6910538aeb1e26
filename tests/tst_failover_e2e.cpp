// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "postgresserver.h"
#include "store/database.h"
#include "store/sessionstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ann = 111;
constexpr qint64 home = -1001234567890; // a forum: a handoff gets a topic
const QString token = u"4242:failover-token"_s;

QString lastUserText(const QJsonObject &request)
{
    const QJsonArray messages = request.value("messages"_L1).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (messages.at(i)["role"_L1] == "user"_L1)
            return messages.at(i)["content"_L1].toString();
    }
    return {};
}

bool serverInstalled()
{
    const QStringList versions = QDir(u"/usr/lib/postgresql"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    return std::any_of(versions.cbegin(), versions.cend(),
        [](const QString &v) { return QFile::exists(u"/usr/lib/postgresql/%1/bin/initdb"_s.arg(v)); });
}
} // namespace

/**
 * Two real `baton --no-gui` gateways, each with its own data dir, on one PostgreSQL store and one
 * Telegram bot (the fake): one polls, the other stands by; the leader is killed with SIGKILL in the
 * middle of a reply and the standby takes over. Everything is counted at the fakes.
 */
class TestFailoverE2E : public QObject
{
    Q_OBJECT

private:
    struct Gateway
    {
        QTemporaryDir dir;
        std::unique_ptr<QProcess> process;
        QString log;
        /// Everything it wrote to stderr so far.
        const QString &readLog()
        {
            if (process)
                log += QString::fromUtf8(process->readAllStandardError());
            return log;
        }
    };

    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    QString m_storeUrl;
    std::unique_ptr<Gateway> m_a;
    std::unique_ptr<Gateway> m_b;

    QProcessEnvironment environment(const Gateway &gateway) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, gateway.dir.path());
        e.insert(u"BATON_CONFIG"_s, gateway.dir.filePath(u"baton.ini"_s));
        e.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
        e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"2"_s);
        e.insert(u"BATON_STORE_URL"_s, m_storeUrl);
        e.insert(u"BATON_STORE_PASSWORD"_s, QString::fromLatin1(PostgresServer::password));
        return e; // the platform lease as shipped: renewed every 3 s, 10 s long
    }
    bool writeConfig(const Gateway &gateway)
    {
        QFile ini(gateway.dir.filePath(u"baton.ini"_s));
        if (!ini.open(QIODevice::WriteOnly))
            return false;
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
            + "\nallowed_users=" + QByteArray::number(ann) + "\nhome_chat=" + QByteArray::number(home) + "\n");
        return true;
    }
    void start(Gateway &gateway) { gateway.process = startBaton({ u"--no-gui"_s }, environment(gateway)); }
    int polls() const { return int(m_telegram->calls(u"getUpdates"_s).size()); }
    /// How many of the bot's messages to Ann read exactly @p text, after every edit.
    int shown(const QString &text) const { return int(m_telegram->botMessages(ann).count(text)); }

    /// Stops @p gateway with SIGTERM; its exit code, or -1 when it did not stop.
    static int stop(Gateway &gateway)
    {
        if (!gateway.process || gateway.process->state() == QProcess::NotRunning)
            return 0;
        gateway.process->terminate();
        if (!QTest::qWaitFor([&] { return gateway.process->state() == QProcess::NotRunning; }, 20'000))
            return -1;
        return gateway.process->exitStatus() == QProcess::NormalExit ? gateway.process->exitCode() : -2;
    }

private Q_SLOTS:
    void init()
    {
        m_llm = std::make_unique<FakeLlmServer>();
        QVERIFY(m_llm->listen());
        m_telegram = std::make_unique<FakeTelegramServer>(token);
        QVERIFY(m_telegram->listen());
        m_telegram->addPrivateChat(ann, u"Ann"_s);
        m_telegram->addGroup(home, u"Home"_s, true);
        m_a = std::make_unique<Gateway>();
        m_b = std::make_unique<Gateway>();
        QVERIFY(writeConfig(*m_a));
        QVERIFY(writeConfig(*m_b));
    }

    void cleanup()
    {
        const int a = stop(*m_a);
        const int b = stop(*m_b);
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "gateway A:\n" << m_a->readLog();
            qWarning().noquote() << "gateway B:\n" << m_b->readLog();
        } else {
            QCOMPARE(a, 0);
            QCOMPARE(b, 0);
        }
        m_a.reset();
        m_b.reset();
        m_telegram.reset();
        m_llm.reset();
    }

    void twoGatewaysOnOneStateDbTakeTurns()
    {
        // state.db named in [store] url may be shared by the gateways of two data dirs.
        QTemporaryDir shared;
        m_storeUrl = shared.filePath(u"state.db"_s);
        start(*m_a);
        QTRY_VERIFY_WITH_TIMEOUT(polls() > 0, 15'000);
        start(*m_b);
        QTRY_VERIFY_WITH_TIMEOUT(m_b->readLog().contains(u"telegram: standing by"_s), 15'000);
        m_telegram->userSends(ann, ann, u"hello"_s);
        QTRY_COMPARE_WITH_TIMEOUT(shown(u"You said: hello"_s), 1, 15'000);

        // A stopped leader hands over at once: the standby polls without waiting out the lease.
        QCOMPARE(stop(*m_a), 0);
        const int pollsBefore = polls();
        m_telegram->userSends(ann, ann, u"still there?"_s);
        QTRY_VERIFY_WITH_TIMEOUT(polls() > pollsBefore, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(shown(u"You said: still there?"_s), 1, 15'000);
        QCOMPARE(m_telegram->botMessages(ann).size(), 2);
        QCOMPARE(m_llm->requests().size(), 2);
        QCOMPARE(m_telegram->conflicts(), 0);
    }

    void theStandbyTakesOverAndEveryQuestionIsAnsweredOnce()
    {
        if (!serverInstalled())
            QSKIP("PostgreSQL's server binaries are not installed (packaging/install-deps.sh installs postgresql)");
        PostgresServer &server = PostgresServer::shared();
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        m_storeUrl = server.createDatabase();
        QVERIFY2(!m_storeUrl.isEmpty(), qPrintable(server.errorString()));

        // A starts first and leads Telegram: it polls.
        start(*m_a);
        QTRY_VERIFY_WITH_TIMEOUT(polls() > 0, 15'000);
        // B comes up beside it on the same store and stands by.
        start(*m_b);
        QTRY_VERIFY_WITH_TIMEOUT(m_b->readLog().contains(u"telegram: standing by"_s), 15'000);
        QVERIFY2(m_a->readLog().contains(u"telegram: this gateway leads it now"_s), qPrintable(m_a->log));

        // A handoff asked for beside the standby (the CLI pokes the gateway of its own data dir) is
        // claimed by the leader alone, and carried out once.
        qputenv("BATON_STORE_PASSWORD", PostgresServer::password);
        Database db;
        QVERIFY2(db.open(m_storeUrl), qPrintable(db.errorString()));
        SessionStore sessions(db);
        const QString handedOff = sessions.createSession(u"Trip plans"_s, u"cli"_s);
        Message said;
        said.sessionId = handedOff;
        said.content = u"plan a trip"_s;
        QVERIFY(sessions.appendMessage(said));
        m_llm->enqueue(FakeLlmReply::withContent({ u"Here in the topic."_s }));
        const BatonRun handoff
            = runBaton({ u"handoff"_s, handedOff, u"--to"_s, u"telegram"_s, u"--json"_s }, environment(*m_b));
        QVERIFY2(handoff.exitCode == 0, qPrintable(handoff.out + handoff.err));
        QCOMPARE(m_telegram->calls(u"createForumTopic"_s).size(), 1);
        const QList<qint64> topics = m_telegram->topics(home);
        QCOMPARE(topics.size(), 1);
        QTRY_COMPARE(m_telegram->botMessages(home, topics.first()), QStringList { u"Here in the topic."_s });
        QVERIFY2(m_a->readLog().contains(u"claimed handoff of %1"_s.arg(handedOff)), qPrintable(m_a->log));
        QVERIFY2(!m_b->readLog().contains(u"claimed handoff"_s), qPrintable(m_b->log));

        // A conversation runs on the leader.
        m_telegram->userSends(ann, ann, u"first question"_s);
        QTRY_COMPARE_WITH_TIMEOUT(shown(u"You said: first question"_s), 1, 15'000);

        // The next reply streams slowly; the leader is killed in the middle of it.
        FakeLlmReply slow;
        for (int i = 0; i < 60; ++i)
            slow.content << u"word%1 "_s.arg(i);
        slow.chunkDelayMs = 150;
        m_llm->enqueue(slow);
        QSignalSpy streamed(m_llm.get(), &FakeLlmServer::streamFinished);
        m_telegram->userSends(ann, ann, u"second question"_s);
        // The draft is showing and has been edited once: its send is on record at the leader.
        const auto draftShows = [&] {
            const QStringList bot = m_telegram->botMessages(ann);
            return bot.size() == 2 && bot.constLast().contains(u"word3"_s);
        };
        QTRY_VERIFY_WITH_TIMEOUT(draftShows(), 15'000);
        // And the store has it too (checkpointed about once a second): the standby shows what was there.
        const auto storedReply = [&] {
            for (const Session &session : sessions.sessions()) {
                if (session.id != handedOff)
                    return sessions.transcript(session.id).constLast().content;
            }
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(storedReply().contains(u"word3 "_s), 10'000);
        QCOMPARE(streamed.size(), 0); // mid-reply

        const int pollsBefore = polls();
        QElapsedTimer failover;
        failover.start();
        m_a->process->kill(); // SIGKILL: no release, no goodbye
        QVERIFY(waitForExit(*m_a->process));
        QCOMPARE(m_a->process->exitStatus(), QProcess::CrashExit);
        QVERIFY(!m_telegram->botMessages(ann).constLast().contains(u"word59"_s));
        // Written while nobody polls: Telegram keeps it for whoever polls next.
        m_telegram->userSends(ann, ann, u"third question"_s);

        // The standby polls once the dead leader's lease has run out.
        QTRY_VERIFY_WITH_TIMEOUT(polls() > pollsBefore, 30'000);
        const qint64 failoverMs = failover.elapsed();
        qInfo().noquote() << u"failover: %1 ms from SIGKILL of the leader to the standby's first getUpdates"_s.arg(
            failoverMs);
        QVERIFY2(failoverMs <= 15'000, qPrintable(u"took %1 ms"_s.arg(failoverMs)));
        QVERIFY2(m_b->readLog().contains(u"telegram: this gateway leads it now"_s), qPrintable(m_b->log));

        // Every question has exactly one complete answer: the cut one answered again by B, the one
        // written in the gap picked up by B's first poll.
        QTRY_COMPARE_WITH_TIMEOUT(shown(u"You said: second question"_s), 1, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(shown(u"You said: third question"_s), 1, 20'000);
        // The cut draft says so, and is the only other message.
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram->botMessages(ann).at(1).contains(u"Interrupted"_s), 10'000);
        const QStringList bot = m_telegram->botMessages(ann);
        QCOMPARE(bot.size(), 4);
        QCOMPARE(bot.count(u"You said: first question"_s), 1);
        QVERIFY2(bot.at(1).startsWith(u"word0"_s) && !bot.at(1).contains(u"word59"_s), qPrintable(bot.at(1)));

        // The model was asked each question once, and the cut one once more: no turn ran twice.
        QTRY_COMPARE(m_llm->requests().size(), 5);
        QStringList asked;
        for (const QJsonObject &request : m_llm->requests())
            asked << lastUserText(request);
        QVERIFY2(asked.takeFirst().startsWith(u"[This conversation was just handed off"_s), qPrintable(asked.first()));
        QCOMPARE(asked,
            (QStringList { u"first question"_s, u"second question"_s, u"second question"_s, u"third question"_s }));
        // Never two pollers at once: Telegram would have ended one with 409 Conflict.
        QCOMPARE(m_telegram->conflicts(), 0);

        // `baton doctor` on either machine names the leader now.
        const BatonRun doctor = runBaton({ u"doctor"_s }, environment(*m_b));
        QVERIFY2(doctor.out.contains(u"Telegram led by process %1 on "_s.arg(m_b->process->processId())),
            qPrintable(doctor.out + doctor.err));
    }
};

QTEST_GUILESS_MAIN(TestFailoverE2E)
#include "tst_failover_e2e.moc"
