// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/pairingstore.h"
#include "teststore.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 hour = PairingStore::codeLifetimeMs;
}

/// Pairing bounds, kept in state.db: a code per person per hour, three waiting at most, an hour's life.
class TestPairingStore : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1'000'000'000;

    std::unique_ptr<PairingStore> store(TestStore &s)
    {
        auto pairing = std::make_unique<PairingStore>(s.db);
        pairing->setClock([this] { return m_now; });
        return pairing;
    }

private Q_SLOTS:
    void init() { m_now = 1'000'000'000; }

    void onePersonOneCodeAnHour()
    {
        TestStore s;
        auto pairing = store(s);
        const auto first = pairing->requestCode(u"telegram"_s, u"1"_s, u"ann"_s, u"1"_s);
        QVERIFY(first && first->isNew && first->code.size() == 8);
        m_now += hour - 1;
        const auto again = pairing->requestCode(u"telegram"_s, u"1"_s, u"ann"_s, u"1"_s);
        QCOMPARE(again->code, first->code);
        QVERIFY(!again->isNew);
        m_now += 1; // expired
        QVERIFY(pairing->pendingRequests().isEmpty());
        QVERIFY(!pairing->approve(first->code));
        const auto next = pairing->requestCode(u"telegram"_s, u"1"_s, u"ann"_s, u"1"_s);
        QVERIFY(next->isNew && next->code != first->code);
    }

    void atMostThreeWaitAndTheOldestGoesFirst()
    {
        TestStore s;
        auto pairing = store(s);
        QStringList codes;
        for (int i = 1; i <= 5; ++i) {
            codes << pairing->requestCode(u"telegram"_s, QString::number(i), {}, {})->code;
            m_now += 1000;
        }
        const auto pending = pairing->pendingRequests();
        QCOMPARE(pending.size(), PairingStore::maxPending);
        QCOMPARE(pending.at(0).userId, u"3"_s);
        QCOMPARE(pending.at(2).userId, u"5"_s);
        QVERIFY(!pairing->approve(codes.at(0)));
        // Pushed out, the first person still waits out their hour: no code to hand out meanwhile.
        const auto pushedOut = pairing->requestCode(u"telegram"_s, u"1"_s, {}, {});
        QVERIFY(pushedOut && pushedOut->code.isEmpty());
        QVERIFY(pairing->approve(codes.at(4).toLower()));
        QCOMPARE(pairing->role(u"telegram"_s, u"5"_s), PairingStore::guestRole);
        QCOMPARE(pairing->approvedPeople().size(), 1);
        QCOMPARE(pairing->pendingRequests().size(), 2);
    }

    void limitsOutliveTheProcess()
    {
        TestStore s;
        QString code;
        {
            auto pairing = store(s);
            code = pairing->requestCode(u"slack"_s, u"U1"_s, {}, {})->code;
            QVERIFY(pairing->deny(code));
        }
        auto reopened = store(s);
        const auto denied = reopened->requestCode(u"slack"_s, u"U1"_s, {}, {});
        QVERIFY(denied && denied->code.isEmpty()); // denied: asks again in an hour at the earliest
        m_now += hour;
        QVERIFY(!reopened->requestCode(u"slack"_s, u"U1"_s, {}, {})->code.isEmpty());
    }

    void revokeMakesAGuestAStranger()
    {
        TestStore s;
        auto pairing = store(s);
        const QString code = pairing->requestCode(u"discord"_s, u"9"_s, u"gus"_s, {})->code;
        QVERIFY(pairing->approve(code));
        QVERIFY(pairing->isApproved(u"discord"_s, u"9"_s));
        QVERIFY(!pairing->revoke(u"discord"_s, u"8"_s));
        const auto revoked = pairing->revoke(u"discord"_s, u"9"_s);
        QVERIFY(revoked);
        QCOMPARE(revoked->userName, u"gus"_s);
        QVERIFY(!pairing->isApproved(u"discord"_s, u"9"_s));
        QVERIFY(pairing->requestCode(u"discord"_s, u"9"_s, {}, {})->code.isEmpty());
        QVERIFY(pairing->errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPairingStore)
#include "tst_pairingstore.moc"
