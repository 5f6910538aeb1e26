// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/settings.h"
#include "fakellmserver.h"
#include "faketelegramserver.h"
#include "gateway/platformadapter.h"
#include "handoff/handoffpoke.h"
#include "platformfactory.h"
#include "service/gatewayservice.h"
#include "store/handoffstore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QFile>
#include <QLocalSocket>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 ann = 111;
constexpr qint64 home = -1001234567890;
} // namespace

/// The gateway as the window runs it, in process: pausing stops messages and handoffs without
/// losing them, resuming picks them up; a second gateway on the same data dir is refused.
class TestGatewayService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_llm;
    std::unique_ptr<FakeTelegramServer> m_telegram;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<GatewayService> m_service;
    QPointer<PlatformAdapter> m_adapter; // the one the service made, to ask what it has scheduled

    /// Whether a local server answers at @p name.
    static bool listening(const QString &name)
    {
        QLocalSocket probe;
        probe.connectToServer(name);
        const bool up = probe.waitForConnected(1'000);
        probe.abort();
        return up;
    }
    AppPaths paths() const
    {
        return { m_store->dir.path(), m_store->dir.filePath(u"baton.ini"_s), m_store->storeUrl() };
    }

private Q_SLOTS:
    void init()
    {
        qputenv("BATON_TELEGRAM_TOKEN", "4242:service");
        qputenv("BATON_TELEGRAM_POLL_TIMEOUT_S", "1");
        qputenv("BATON_LLM_API_KEY", "unused");
        m_llm = std::make_unique<FakeLlmServer>();
        m_telegram = std::make_unique<FakeTelegramServer>(u"4242:service"_s);
        QVERIFY(m_llm->listen() && m_telegram->listen());
        m_telegram->addPrivateChat(ann, u"Ann"_s);
        m_telegram->addGroup(home, u"Home"_s, true);
        m_store = std::make_unique<TestStore>();
        QFile ini(paths().configFile);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[llm]\nbase_url=" + m_llm->baseUrl().toString().toUtf8() + "\nmodel=fake\n[telegram]\nenabled=true\n"
            + "api_base=" + m_telegram->apiBase().toUtf8()
            + "\nallowed_users=111\nhome_chat=" + QByteArray::number(home) + "\n");
        ini.close();
        m_service = std::make_unique<GatewayService>(paths(),
            [this](const QString &platform, const Settings::Platform &config, const QHash<QString, QString> &secrets,
                QNetworkAccessManager *network, QObject *parent) {
                m_adapter = PlatformFactory::create(platform, config, secrets, network, parent);
                return m_adapter.data();
            });
        QSignalSpy started(m_service.get(), &GatewayService::started);
        m_service->start();
        QVERIFY(started.wait(10'000));
        QVERIFY2(started.first().at(0).toBool(), qPrintable(started.first().at(1).toString()));
        QTRY_VERIFY(!m_telegram->calls(u"getUpdates"_s).isEmpty());
    }
    void cleanup()
    {
        QSignalSpy stopped(m_service.get(), &GatewayService::stopped);
        m_service->stop();
        QVERIFY(stopped.wait(15'000));
        m_service.reset();
        m_store.reset();
        m_telegram.reset();
        m_llm.reset();
    }

    void pausingHoldsMessagesAndHandoffsUntilResumed()
    {
        const QString pokes = HandoffPoke::serverName(m_store->dir.path());
        QVERIFY(listening(pokes));
        QSignalSpy paused(m_service.get(), &GatewayService::pausedChanged);
        m_service->pause();
        QCOMPARE(paused.size(), 1);
        QVERIFY(m_service->isPaused());
        // Paused in effect: the poll in flight came back, and the handoff watcher no longer listens
        // for pokes (its stop() also stops its poll timer).
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->pendingPolls(), 0, 5'000);
        QTRY_VERIFY_WITH_TIMEOUT(!listening(pokes), 5'000);
        const qsizetype polls = m_telegram->calls(u"getUpdates"_s).size();
        m_telegram->userSends(ann, ann, u"anyone home?"_s);
        SessionStore sessions(m_store->db);
        const QString id = sessions.createSession(u"Trip"_s, u"cli"_s);
        Message said;
        said.sessionId = id;
        said.content = u"plan it"_s;
        QVERIFY(sessions.appendMessage(said));
        HandoffStore handoffs(m_store->db);
        QCOMPARE(handoffs.requestHandoff(id, u"telegram"_s), HandoffStore::RequestResult::Requested);
        // Nothing can poll: no poll in flight, none scheduled, and the watcher hears no pokes.
        QVERIFY(m_adapter);
        QVERIFY(!m_adapter->retryScheduled());
        QCOMPARE(m_telegram->calls(u"getUpdates"_s).size(), polls);
        QCOMPARE(handoffs.handoffState(id)->state, HandoffState::Pending);
        QCOMPARE(m_telegram->botMessages(ann).size(), 0);

        m_service->resume();
        QVERIFY(!m_service->isPaused());
        // The message Telegram kept (its offset was never confirmed) and the handoff both go through.
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(ann).size(), 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(handoffs.handoffState(id)->state, HandoffState::Completed, 10'000);
    }

    void aRestartTakesTheSavedSettings()
    {
        constexpr qint64 bob = 222;
        m_telegram->addPrivateChat(bob, u"Bob"_s);
        m_telegram->userSends(bob, bob, u"hello?"_s);
        QTRY_COMPARE(m_telegram->botMessages(bob).size(), 1); // a stranger: the pairing code only
        QVERIFY(m_telegram->botMessages(bob).first().contains(u"pairing code"_s));

        // What the Settings page does: write the config, then restart the gateway.
        Settings settings(paths().configFile);
        settings.setAllowedUsers(u"telegram"_s, { u"111"_s, u"222"_s });
        QVERIFY(settings.save().isEmpty());
        QSignalSpy started(m_service.get(), &GatewayService::started);
        QSignalSpy stopped(m_service.get(), &GatewayService::stopped);
        m_service->restart();
        QVERIFY(started.wait(10'000));
        QVERIFY2(started.first().at(0).toBool(), qPrintable(started.first().at(1).toString()));
        QVERIFY(stopped.isEmpty()); // the window stays, the gateway comes back

        m_llm->enqueue(FakeLlmReply::withContent({ u"Hi Bob."_s }));
        m_telegram->userSends(bob, bob, u"now?"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_telegram->botMessages(bob).size(), 2, 10'000);
        QCOMPARE(m_telegram->botMessages(bob).constLast(), u"Hi Bob."_s);
    }

    void aSecondGatewayOnTheSameDataDirIsRefused()
    {
        GatewayService second(paths(), &PlatformFactory::create);
        QSignalSpy started(&second, &GatewayService::started);
        second.start();
        QVERIFY(started.size() == 1 || started.wait(5'000));
        QVERIFY(!started.first().at(0).toBool());
        QVERIFY2(started.first().at(1).toString().contains(u"another gateway"_s),
            qPrintable(started.first().at(1).toString()));
    }
};

QTEST_GUILESS_MAIN(TestGatewayService)
#include "tst_gatewayservice.moc"
