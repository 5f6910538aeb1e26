// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateway/platformleadership.h"
#include "store/platformleases.h"
#include "teststore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

/// One leader per platform among the gateways on one store: the lease rows, and the timer that
/// takes, renews and gives them up.
class TestPlatformLeases : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 leaseMs = 10'000;
    const QString telegram = u"telegram"_s;
    const QString ann = u"host-a/boot/1/100"_s;
    const QString bob = u"host-b/boot/2/200"_s;

    static PlatformLeadership::Options fast()
    {
        PlatformLeadership::Options options;
        options.renewMs = 100;
        options.leaseMs = 1'000;
        return options;
    }
    /// A second connection to @p store, as another gateway process has.
    static std::unique_ptr<Database> connectionTo(TestStore &store)
    {
        auto db = std::make_unique<Database>();
        if (!db->open(store.path()))
            qWarning().noquote() << db->errorString();
        return db;
    }

private Q_SLOTS:
    void aFreePlatformIsTakenAndHeldAgainstOthers()
    {
        TestStore s;
        PlatformLeases leases(s.db);
        const auto taken = leases.acquire(telegram, ann, u"host-a"_s, 100, 1'000, leaseMs);
        QVERIFY2(taken, qPrintable(leases.errorString()));
        QVERIFY(taken->held);
        QVERIFY(taken->previousHolder.isEmpty());
        QCOMPARE(taken->lease.leaseUntil, 1'000 + leaseMs);

        const auto refused = leases.acquire(telegram, bob, u"host-b"_s, 200, 5'000, leaseMs);
        QVERIFY(refused);
        QVERIFY(!refused->held);
        QCOMPARE(refused->lease.holder, ann);
        QCOMPARE(refused->lease.host, u"host-a"_s);
        QCOMPARE(refused->lease.pid, 100);

        // Its holder takes it again (a late renewal): it was never lost, so it leads since then.
        const auto again = leases.acquire(telegram, ann, u"host-a"_s, 100, 9'000, leaseMs);
        QVERIFY(again && again->held);
        QCOMPARE(again->lease.acquiredAt, 1'000);
        QCOMPARE(again->lease.leaseUntil, 9'000 + leaseMs);

        // Another platform is another lease.
        const auto discord = leases.acquire(u"discord"_s, bob, u"host-b"_s, 200, 9'000, leaseMs);
        QVERIFY(discord && discord->held);
        const auto all = leases.all();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).platform, u"discord"_s);
        QCOMPARE(all->at(1).holder, ann);
    }

    void anExpiredLeaseIsTakenOverAndItsHolderCannotRenew()
    {
        TestStore s;
        PlatformLeases leases(s.db);
        QVERIFY(leases.acquire(telegram, ann, u"host-a"_s, 100, 1'000, leaseMs)->held);
        QCOMPARE(leases.renew(telegram, ann, 4'000, leaseMs), std::optional<bool>(true));
        // Renewed until 14,000: not yet free at 13,999.
        QVERIFY(!leases.acquire(telegram, bob, u"host-b"_s, 200, 13'999, leaseMs)->held);

        const auto taken = leases.acquire(telegram, bob, u"host-b"_s, 200, 14'001, leaseMs);
        QVERIFY(taken && taken->held);
        QCOMPARE(taken->previousHolder, ann);
        QCOMPARE(taken->lease.acquiredAt, 14'001);
        QCOMPARE(leases.renew(telegram, ann, 14'002, leaseMs), std::optional<bool>(false));
        QCOMPARE(leases.renew(telegram, bob, 14'002, leaseMs), std::optional<bool>(true));
        QVERIFY(!leases.acquire(telegram, ann, u"host-a"_s, 100, 14'003, leaseMs)->held);
    }

    void aReleasedPlatformIsFreeAtOnce()
    {
        TestStore s;
        PlatformLeases leases(s.db);
        QVERIFY(leases.acquire(telegram, ann, u"host-a"_s, 100, 1'000, leaseMs)->held);
        QVERIFY(leases.release(telegram, bob)); // not bob's: nothing happens
        QVERIFY(!leases.acquire(telegram, bob, u"host-b"_s, 200, 1'001, leaseMs)->held);
        QVERIFY(leases.release(telegram, ann));
        const auto taken = leases.acquire(telegram, bob, u"host-b"_s, 200, 1'002, leaseMs);
        QVERIFY(taken && taken->held);
        QVERIFY(taken->previousHolder.isEmpty());
    }

    void aStandbyTakesOverWhenTheLeaderStopsRenewing()
    {
        TestStore s;
        auto otherConnection = connectionTo(s);
        PlatformLeases leasesA(s.db);
        PlatformLeases leasesB(*otherConnection);
        auto leader = std::make_unique<PlatformLeadership>(leasesA, ann, QStringList { telegram }, fast());
        PlatformLeadership standby(leasesB, bob, { telegram }, fast());
        QSignalSpy leaderAcquired(leader.get(), &PlatformLeadership::acquired);
        QSignalSpy standbyAcquired(&standby, &PlatformLeadership::acquired);
        leader->start();
        QCOMPARE(leaderAcquired.size(), 1); // the first look is made at once
        QVERIFY(leader->leads(telegram));
        standby.start();
        QVERIFY(!standby.leads(telegram));

        // The leader renews while it lives: a few of its renewals pass and the standby still waits.
        const auto renewedUntil = [&] {
            return s.scalar(u"SELECT lease_until FROM platform_leases WHERE platform = 'telegram'"_s).toLongLong();
        };
        const qint64 first = renewedUntil();
        QTRY_VERIFY(renewedUntil() > first + 2 * fast().renewMs);
        QCOMPARE(standbyAcquired.size(), 0);

        // Killed: no release, its renewals just stop.
        QElapsedTimer sinceDeath;
        sinceDeath.start();
        leader.reset();
        QVERIFY(standbyAcquired.wait(5'000));
        QCOMPARE(standbyAcquired.first().at(1).toString(), ann);
        QVERIFY(standby.leads(telegram));
        QVERIFY2(sinceDeath.elapsed() <= fast().leaseMs + 5 * fast().renewMs,
            qPrintable(QString::number(sinceDeath.elapsed())));
        QCOMPARE(s.scalar(u"SELECT holder FROM platform_leases"_s).toString(), bob);
    }

    void aLeaderThatLosesTheStoreGivesUpBeforeItsLeaseEnds()
    {
        TestStore s;
        auto leaderConnection = connectionTo(s);
        PlatformLeases leases(*leaderConnection);
        PlatformLeadership::Options options;
        options.renewMs = 250; // the margin it keeps before the lease ends
        options.leaseMs = 2'500;
        PlatformLeadership leader(leases, ann, { telegram }, options);
        QSignalSpy lost(&leader, &PlatformLeadership::lost);
        leader.start();
        QVERIFY(leader.leads(telegram));
        QTRY_VERIFY(s.scalar(u"SELECT lease_until FROM platform_leases"_s).toLongLong()
            > QDateTime::currentMSecsSinceEpoch() + options.leaseMs - 2 * options.renewMs);

        leaderConnection->close();
        QVERIFY(lost.wait(5'000));
        // Given up while the lease still ran: nobody else could have started polling yet.
        const qint64 leaseUntil = s.scalar(u"SELECT lease_until FROM platform_leases"_s).toLongLong();
        QVERIFY2(QDateTime::currentMSecsSinceEpoch() < leaseUntil,
            qPrintable(u"gave up %1 ms after the lease ended"_s.arg(QDateTime::currentMSecsSinceEpoch() - leaseUntil)));
        QVERIFY(!leader.leads(telegram));
        QVERIFY(!lost.first().at(1).toString().isEmpty());
    }

    void aStoppedLeaderHandsOverAtOnce()
    {
        TestStore s;
        auto otherConnection = connectionTo(s);
        PlatformLeases leasesA(s.db);
        PlatformLeases leasesB(*otherConnection);
        PlatformLeadership::Options slow = fast();
        slow.leaseMs = 60'000; // were it not released, the standby would wait a minute
        PlatformLeadership leader(leasesA, ann, { telegram }, slow);
        PlatformLeadership standby(leasesB, bob, { telegram }, slow);
        QSignalSpy standbyAcquired(&standby, &PlatformLeadership::acquired);
        QSignalSpy leaderLost(&leader, &PlatformLeadership::lost);
        leader.start();
        standby.start();
        QVERIFY(leader.leads(telegram));
        leader.stop();
        QVERIFY(standbyAcquired.wait(5'000));
        QVERIFY(standbyAcquired.first().at(1).toString().isEmpty());
        QCOMPARE(leaderLost.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlatformLeases)
#include "tst_platformleases.moc"
