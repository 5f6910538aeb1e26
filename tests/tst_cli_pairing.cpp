// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "store/pairingstore.h"
#include "teststore.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// `baton pairing` with the real binary on a store holding requests.
class TestCliPairing : public QObject
{
    Q_OBJECT

private:
    static BatonRun pairing(TestStore &store, const QStringList &args)
    {
        return runBaton(QStringList { u"--data-dir"_s, store.dir.path(), u"pairing"_s } + args);
    }

private Q_SLOTS:
    void listApproveDeny()
    {
        TestStore store;
        BatonRun run = pairing(store, { u"list"_s });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.contains(u"No pairing requests are waiting."_s));

        PairingStore requests(store.db);
        const QString alice = requests.requestCode(u"telegram"_s, u"333"_s, u"alice"_s, u"333"_s)->code;
        const QString bob = requests.requestCode(u"discord"_s, u"44"_s, {}, {})->code;
        run = pairing(store, {});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith(alice) && lines.at(0).endsWith(u"alice (Telegram 333)"_s));
        QVERIFY(lines.at(1).startsWith(bob) && lines.at(1).endsWith(u"Discord 44"_s));

        run = pairing(store, { u"approve"_s, alice.toLower() });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), u"Approved alice (Telegram 333): they can talk to Baton now."_s);
        QVERIFY(requests.isApproved(u"telegram"_s, u"333"_s));

        run = pairing(store, { u"deny"_s, bob });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), u"Denied Discord 44."_s);
        QVERIFY(requests.pendingRequests().isEmpty());
    }

    void mistakesExitTwo()
    {
        TestStore store;
        BatonRun run = pairing(store, { u"approve"_s, u"ZZZZ2222"_s });
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"no waiting pairing request has the code ZZZZ2222"_s));
        run = pairing(store, { u"approve"_s });
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"usage: baton pairing"_s));
        QCOMPARE(pairing(store, { u"frob"_s }).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliPairing)
#include "tst_cli_pairing.moc"
