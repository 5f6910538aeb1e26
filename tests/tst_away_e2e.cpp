// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "fakellmserver.h"
#include "fakelogind.h"
#include "fakenotificationserver.h"
#include "fakescreensaver.h"
#include "faketelegramserver.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QDBusConnection>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 home = -1001234567890;
constexpr qint64 owner = 111;
const QString token = u"4242:away-e2e"_s;
} // namespace

/**
 * The real `baton` window (offscreen) away from the desk: the stand-in screen saver and
 * notification server on the test's D-Bus session, the stand-in logind on a private bus
 * (BATON_SYSTEM_BUS_ADDRESS), the fake Telegram and model on 127.0.0.1. A conversation handed off
 * with `baton handoff`; the screen locks, the phone writes, the unlock offers Take back in a
 * notification whose button takes it back; then sleep is announced in the thread, and on wake the
 * message written meanwhile is answered at once although Telegram had said to wait ten minutes.
 */
class TestAwayE2e : public QObject
{
    Q_OBJECT

private:
    QProcess m_systemBus;
    QByteArray m_systemBusAddress;
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<FakeScreenSaver> m_screenSaver;
    std::unique_ptr<FakeNotificationServer> m_notifications;
    std::unique_ptr<FakeLogind> m_logind;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<QProcess> m_baton;
    QString m_log;

    QString configPath() const { return m_store->dir.filePath(u"baton.ini"_s); }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(u"BATON_DATA_DIR"_s, m_store->dir.path());
        e.insert(u"BATON_CONFIG"_s, configPath());
        e.insert(u"BATON_TELEGRAM_TOKEN"_s, token);
        e.insert(u"BATON_TELEGRAM_POLL_TIMEOUT_S"_s, u"1"_s);
        e.insert(u"BATON_LLM_API_KEY"_s, u"unused"_s);
        e.insert(u"BATON_SYSTEM_BUS_ADDRESS"_s, QString::fromUtf8(m_systemBusAddress));
        return e;
    }
    /// What the window logged so far (its stderr), kept across reads.
    QString log()
    {
        m_log += QString::fromUtf8(m_baton->readAllStandardError());
        return m_log;
    }
    qint64 topic() const { return m_telegram->topics(home).constLast(); }
    void handOff(const QString &sessionId)
    {
        const int topics = int(m_telegram->topics(home).size());
        m_llm->enqueue(FakeLlmReply::withContent({ u"Here on Telegram."_s }));
        const BatonRun run
            = runBaton({ u"handoff"_s, sessionId, u"--to"_s, u"telegram"_s, u"--json"_s }, environment());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QCOMPARE(m_telegram->topics(home).size(), topics + 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "run under dbus-run-session");
        m_systemBus.start(u"dbus-daemon"_s, { u"--session"_s, u"--nofork"_s, u"--print-address=1"_s });
        QVERIFY(m_systemBus.waitForStarted());
        QTRY_VERIFY(m_systemBus.canReadLine());
        m_systemBusAddress = m_systemBus.readLine().trimmed();
        m_screenSaver = std::make_unique<FakeScreenSaver>(QDBusConnection::sessionBus());
        m_notifications = std::make_unique<FakeNotificationServer>(QDBusConnection::sessionBus());
        m_logind = std::make_unique<FakeLogind>(
            QDBusConnection::connectToBus(QString::fromUtf8(m_systemBusAddress), u"fake-logind"_s));
        QVERIFY(m_screenSaver->registerService() && m_notifications->registerService() && m_logind->registerService());

        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(token);
        QVERIFY(m_llm->listen() && m_telegram->listen());
        m_telegram->addGroup(home, u"Home"_s, true);
        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
        QFile ini(configPath());
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake-model\n"
            + "[telegram]\nenabled=true\napi_base=" + m_telegram->apiBase().toUtf8()
            + "\nhome_chat=" + QByteArray::number(home) + "\nallowed_users=" + QByteArray::number(owner) + "\n"
            + "[away]\non_lock=nothing\n");
        ini.close();

        m_baton = startBaton({}, environment());
        QTRY_VERIFY_WITH_TIMEOUT(!m_telegram->calls(u"getUpdates"_s).isEmpty(), 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(log().contains(u"notification server found with buttons"_s), 10'000);
    }

    void cleanupTestCase()
    {
        if (m_baton && m_baton->state() != QProcess::NotRunning) {
            m_baton->terminate();
            QVERIFY(QTest::qWaitFor([&] { return m_baton->state() == QProcess::NotRunning; }, 15'000));
            QCOMPARE(m_baton->exitCode(), 0);
        }
        m_logind.reset();
        m_systemBus.terminate();
        m_systemBus.waitForFinished();
    }

    void lockPhoneUnlockTakeBack()
    {
        const QString id = m_sessions->createSession(u"Plan three days in Lisbon"_s, u"desktop"_s);
        Message said;
        said.sessionId = id;
        said.content = u"Plan three days in Lisbon"_s;
        QVERIFY(m_sessions->appendMessage(said));
        handOff(id);
        // The window sees the conversation live on Telegram and holds off sleep for it.
        QTRY_COMPARE_WITH_TIMEOUT(m_logind->held(u"delay"_s), 1, 5'000);

        m_screenSaver->setActive(true);
        QTRY_VERIFY(log().contains(u"the screen locked"_s));
        m_llm->enqueue(FakeLlmReply::withContent({ u"Sintra is a day trip."_s }));
        m_telegram->userSends(owner, home, u"and a day trip?"_s, topic());
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, topic()).size(), 2, 10'000);

        m_screenSaver->setActive(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_notifications->last(u"Take back"_s).has_value(), 5'000);
        const FakeNotificationServer::Shown offer = *m_notifications->last(u"Take back"_s);
        QCOMPARE(offer.summary, u"Take back “Plan three days in Lisbon”?"_s);
        QCOMPARE(offer.body, u"1 message on Telegram"_s);
        m_notifications->invokeAction(offer.id, u"take-back"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, topic()).size(), 3, 5'000);
        QVERIFY(m_telegram->botMessages(home, topic()).constLast().startsWith(u"Continuing on the desktop"_s));
        // Nothing lives on the phone any more: sleep is not held off.
        QTRY_COMPARE(m_logind->held(u"delay"_s), 0);
    }

    void sleepNoticeThenWakeAnswersAtOnce()
    {
        const QString id = m_sessions->createSession(u"Porto"_s, u"desktop"_s);
        Message said;
        said.sessionId = id;
        said.content = u"Porto in two days"_s;
        QVERIFY(m_sessions->appendMessage(said));
        handOff(id);
        const qint64 thread = topic();
        QTRY_COMPARE_WITH_TIMEOUT(m_logind->held(u"delay"_s), 1, 5'000);

        QElapsedTimer timer;
        timer.start();
        m_logind->prepareForSleep(true);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, thread).size(), 2, 5'000);
        QCOMPARE(m_telegram->botMessages(home, thread).constLast(),
            u"The computer that runs Baton is going to sleep; answers resume when it wakes."_s);
        QTRY_COMPARE(m_logind->held(u"delay"_s), 0);
        qInfo() << "sleep announced and the delay lock released after" << timer.elapsed() << "ms";

        const qsizetype polls = m_telegram->calls(u"getUpdates"_s).size();
        FakeTelegramServer::Fault wait;
        wait.errorCode = 429;
        wait.description = u"Too Many Requests: retry after 600"_s;
        wait.retryAfter = 600;
        m_telegram->failNext(u"getUpdates"_s, wait);
        QTRY_VERIFY_WITH_TIMEOUT(m_telegram->calls(u"getUpdates"_s).size() > polls, 5'000);
        QTRY_VERIFY(log().contains(u"retrying in 600000 ms"_s));
        m_llm->enqueue(FakeLlmReply::withContent({ u"Good morning: Porto."_s }));
        m_telegram->userSends(owner, home, u"still there?"_s, thread);

        timer.restart();
        m_logind->prepareForSleep(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(home, thread).size(), 3, 10'000);
        qInfo() << "woke: the message sent meanwhile was answered after" << timer.elapsed() << "ms";
        QCOMPARE(m_telegram->botMessages(home, thread).constLast(), u"Good morning: Porto."_s);
        QTRY_COMPARE(m_logind->held(u"delay"_s), 1);
    }
};

QTEST_MAIN(TestAwayE2e)
#include "tst_away_e2e.moc"
