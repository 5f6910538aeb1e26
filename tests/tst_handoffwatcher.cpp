// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/settings.h"
#include "handoff/handoffexecutor.h"
#include "handoff/handoffpoke.h"
#include "handoff/handoffwaiter.h"
#include "handoff/handoffwatcher.h"
#include "store/handoffstore.h"
#include "store/outboxstore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

/// Stands in for the processor (not a network peer): finishes each handoff as the test scripts it.
class ScriptedExecutor : public HandoffExecutor
{
    Q_OBJECT

public:
    struct Script
    {
        int delayMs = 0;
        QString error;
    };
    QHash<QString, Script> scripts;
    QStringList executed;

    void execute(const QString &sessionId, const QString &platform) override
    {
        executed << sessionId;
        const Script script = scripts.value(sessionId);
        QTimer::singleShot(script.delayMs, this, [this, sessionId, platform, script] {
            Q_EMIT HandoffExecutor::executed(sessionId,
                script.error.isEmpty() ? platform + u":thread:"_s + sessionId.left(4) : QString(), script.error);
        });
    }
};

/// The watcher: acceptance scenario 12 of docs/architecture.md (gateway half) and its wake-up, lease and ownership
/// rules.
class TestHandoffWatcher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<HandoffStore> m_handoffs;
    std::unique_ptr<ScriptedExecutor> m_executor;

    [[nodiscard]] AppPaths paths() const { return { m_store->dir.path(), {}, m_store->storeUrl() }; }

    QString requested(const QString &platform = u"telegram"_s)
    {
        const QString id = m_sessions->createSession(u"Plans"_s);
        if (m_handoffs->requestHandoff(id, platform) != HandoffStore::RequestResult::Requested)
            return {};
        return id;
    }
    HandoffState state(const QString &id) { return m_handoffs->handoffState(id)->state; }
    qint64 leaseUntil(const QString &id)
    {
        return m_store->scalar(u"SELECT handoff_lease_until FROM sessions WHERE id = '%1'"_s.arg(id)).toLongLong();
    }

    std::unique_ptr<HandoffWatcher> watcher(HandoffWatcher::Options options, const QString &gatewayId = u"gw-1"_s)
    {
        auto w = std::make_unique<HandoffWatcher>(paths(), gatewayId, m_executor.get(), options);
        QSignalSpy started(w.get(), &HandoffWatcher::started);
        w->start();
        if (started.isEmpty() || !started.first().first().toBool())
            return nullptr;
        return w;
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_unique<TestStore>();
        m_sessions = std::make_unique<SessionStore>(m_store->db);
        m_handoffs = std::make_unique<HandoffStore>(m_store->db);
        m_executor = std::make_unique<ScriptedExecutor>();
    }
    void cleanup()
    {
        m_executor.reset();
        m_handoffs.reset();
        m_sessions.reset();
        m_store.reset();
    }

    void claimsAndCompletesEachPendingRowOnce()
    {
        const QString a = requested(), b = requested(u"discord"_s);
        auto w = watcher({ .pollMs = 50, .leaseMs = 60'000, .leaseRefreshMs = 1'000 });
        QVERIFY(w);
        QSignalSpy finished(w.get(), &HandoffWatcher::handoffFinished);
        QTRY_COMPARE(finished.size(), 2);
        // A row requested now is found by a later poll: a, b taken again would show up first.
        const QString c = requested();
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(m_executor->executed, (QStringList { a, b, c }));
        QCOMPARE(state(a), HandoffState::Completed);
        QCOMPARE(m_handoffs->handoffState(b)->destination, u"discord:thread:"_s + b.left(4));
        QCOMPARE(m_handoffs->handoffState(a)->claimedBy, u"gw-1"_s);
    }

    void aSlowHandoffDoesNotBlockOthers() // docs/architecture.md scenario 12
    {
        const QString slow = requested();
        m_executor->scripts[slow] = { 3'000, {} };
        auto w = watcher({ .pollMs = 50, .leaseMs = 60'000, .leaseRefreshMs = 1'000 });
        QVERIFY(w);
        QTRY_COMPARE(m_executor->executed.size(), 1);
        const QString quick = requested();
        QTRY_COMPARE_WITH_TIMEOUT(state(quick), HandoffState::Completed, 2'000);
        QCOMPARE(state(slow), HandoffState::Running);
        QCOMPARE(m_executor->executed.count(slow), 1); // in flight, never claimed twice
        QTRY_COMPARE_WITH_TIMEOUT(state(slow), HandoffState::Completed, 5'000);
    }

    void aPokeStartsItWithoutWaitingForTheTimer()
    {
        auto w = watcher({ .pollMs = 60'000, .leaseMs = 60'000, .leaseRefreshMs = 60'000 });
        QVERIFY(w);
        const QString id = requested();
        QElapsedTimer timer;
        timer.start();
        HandoffPoke::send(m_store->dir.path(), id, this);
        QTRY_COMPARE_WITH_TIMEOUT(state(id), HandoffState::Completed, 5'000);
        QVERIFY2(timer.elapsed() < 5'000, "the poke did not wake the watcher"); // the timer alone: 60 s
    }

    void onPostgresAChangeElsewhereWakesItWithoutAPoke() // a requester on another machine cannot poke
    {
        if (!TestStore::onPostgres())
            QSKIP("state.db: every requester is on this machine and pokes (aPokeStartsItWithoutWaitingForTheTimer)");
        auto w = watcher({ .pollMs = 60'000, .leaseMs = 60'000, .leaseRefreshMs = 60'000 });
        QVERIFY(w);
        QSignalSpy poked(w.get(), &HandoffWatcher::poked);
        // The test's connection is another backend, as a requester elsewhere is; nobody pokes.
        const QString id = requested();
        QTRY_COMPARE_WITH_TIMEOUT(state(id), HandoffState::Completed, 5'000); // the timer alone: 60 s
        QVERIFY(!poked.isEmpty());

        // A message queued for a platform elsewhere (the window's Take back note) wakes the outbox the same way.
        poked.clear();
        OutboxStore outbox(m_store->db);
        OutboxStore::Item note;
        note.platform = u"telegram"_s;
        note.chat = u"42"_s;
        note.content = u"Taken back"_s;
        QVERIFY(outbox.enqueue(note) > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!poked.isEmpty(), 5'000);
    }

    void executorFailureFailsTheRowWithItsReason()
    {
        const QString id = requested();
        m_executor->scripts[id] = { 0, u"Telegram has no topic rights in the home chat"_s };
        auto w = watcher({ .pollMs = 50, .leaseMs = 60'000, .leaseRefreshMs = 1'000 });
        QVERIFY(w);
        QTRY_COMPARE(state(id), HandoffState::Failed);
        QCOMPARE(m_handoffs->handoffState(id)->error, u"Telegram has no topic rights in the home chat"_s);
    }

    void startReclaimsOnlyExpiredRows() // docs/architecture.md scenario 12
    {
        const QString stranded = requested(), live = requested(), pending = requested();
        QVERIFY(m_handoffs->claimHandoff(stranded, u"dead-gateway"_s, 1));
        QVERIFY(m_handoffs->claimHandoff(live, u"other-gateway"_s, 60'000));
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > leaseUntil(stranded)); // the dead one's lease ran out
        m_executor->scripts[pending] = { 60'000, {} };
        auto w = std::make_unique<HandoffWatcher>(paths(), u"gw-1"_s, m_executor.get(),
            HandoffWatcher::Options { .pollMs = 50, .leaseMs = 60'000, .leaseRefreshMs = 1'000 });
        QSignalSpy reclaimed(w.get(), &HandoffWatcher::reclaimed);
        w->start();
        QCOMPARE(reclaimed.size(), 1);
        QCOMPARE(reclaimed.first().first().toStringList(), QStringList { stranded });
        QCOMPARE(state(stranded), HandoffState::Failed);
        QVERIFY(m_handoffs->handoffState(stranded)->error.contains(u"run /handoff again"_s));
        QCOMPARE(state(live), HandoffState::Running);
        QCOMPARE(m_handoffs->handoffState(live)->claimedBy, u"other-gateway"_s);
        QTRY_COMPARE(state(pending), HandoffState::Running);
        // A reclaimed session can be handed off again.
        QCOMPARE(m_handoffs->requestHandoff(stranded, u"telegram"_s), HandoffStore::RequestResult::Requested);
        QTRY_COMPARE(state(stranded), HandoffState::Completed);
    }

    void theLeaseIsKeptAliveWhileWorking()
    {
        const QString id = requested();
        m_executor->scripts[id] = { 1'200, {} };
        auto w = watcher({ .pollMs = 50, .leaseMs = 300, .leaseRefreshMs = 100 });
        QVERIFY(w);
        QTRY_COMPARE(state(id), HandoffState::Running);
        const qint64 firstLease = leaseUntil(id);
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > firstLease + 100); // past the first lease
        // A second gateway starting now must not take it: the lease is fresh.
        ScriptedExecutor otherExecutor;
        HandoffWatcher other(paths(), u"gw-2"_s, &otherExecutor, { 50, 300, 100 });
        QSignalSpy reclaimed(&other, &HandoffWatcher::reclaimed);
        other.start();
        other.stop();
        QVERIFY(reclaimed.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(state(id), HandoffState::Completed, 3'000);
        QCOMPARE(m_handoffs->handoffState(id)->claimedBy, u"gw-1"_s);
    }

    void aLostRowIsNotWrittenWhenItsWorkEnds()
    {
        const QString id = requested();
        m_executor->scripts[id] = { 800, {} };
        auto w = watcher({ .pollMs = 50, .leaseMs = 60'000, .leaseRefreshMs = 100 });
        QVERIFY(w);
        QSignalSpy lost(w.get(), &HandoffWatcher::handoffLost);
        QTRY_COMPARE(state(id), HandoffState::Running);
        // Someone decided this gateway was dead and failed the row.
        QVERIFY(m_store->exec(
            u"UPDATE sessions SET handoff_state = 'failed', handoff_error = 'taken' WHERE id = '%1'"_s.arg(id)));
        QTRY_COMPARE(lost.size(), 1);
        QSignalSpy workEnded(m_executor.get(), &HandoffExecutor::executed);
        QVERIFY(workEnded.wait(5'000)); // the watcher hears it in the same emission
        QCOMPARE(state(id), HandoffState::Failed);
        QCOMPARE(m_handoffs->handoffState(id)->error, u"taken"_s);
    }

    void worksFromItsOwnThreadWithTheWaiter()
    {
        // The gateway's layout: the watcher and its store connection on a worker thread, the
        // executor (platform adapters) and the requester on the main thread.
        QThread thread;
        auto *w = new HandoffWatcher(paths(), u"gw-thread"_s, m_executor.get(),
            HandoffWatcher::Options { .pollMs = 2'000, .leaseMs = 60'000, .leaseRefreshMs = 15'000 });
        w->moveToThread(&thread);
        connect(&thread, &QThread::finished, w, &QObject::deleteLater);
        QSignalSpy started(w, &HandoffWatcher::started);
        thread.start();
        QMetaObject::invokeMethod(w, &HandoffWatcher::start, Qt::QueuedConnection);
        QTRY_COMPARE(started.size(), 1);

        QFile ini(m_store->dir.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[telegram]\nenabled=true\nhome_chat=-1001\n");
        ini.close();
        Settings settings(ini.fileName());
        const QString id = m_sessions->createSession(u"Threaded"_s);
        HandoffWaiter::Timeouts timeouts;
        timeouts.pollMs = 5;
        HandoffWaiter waiter(*m_sessions, *m_handoffs, settings, m_store->dir.path(), timeouts);
        QSignalSpy finished(&waiter, &HandoffWaiter::finished);
        QElapsedTimer timer;
        qint64 completedMs = -1;
        connect(&waiter, &HandoffWaiter::finished, this, [&] { completedMs = timer.elapsed(); });
        timer.start();
        waiter.start(id, u"telegram"_s);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5'000);
        // A figure, not a judgement (benchmarks judge): requester to completed, with an instant executor.
        qInfo("request to completed through the poke: %lld ms", completedMs);
        QCOMPARE(finished.first().at(0).value<HandoffWaiter::Outcome>(), HandoffWaiter::Outcome::Completed);
        QCOMPARE(state(id), HandoffState::Completed);

        QMetaObject::invokeMethod(w, &HandoffWatcher::stop, Qt::BlockingQueuedConnection);
        thread.quit();
        QVERIFY(thread.wait(5'000));
    }
};

QTEST_GUILESS_MAIN(TestHandoffWatcher)
#include "tst_handoffwatcher.moc"
