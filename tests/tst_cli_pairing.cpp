// SPDX-License-Identifier: GPL-3.0-or-later
#include "batonprocess.h"
#include "store/pairingstore.h"
#include "teststore.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

/// `baton pairing` with the real binary on a store holding requests.
class TestCliPairing : public QObject
{
    Q_OBJECT

private:
    static BatonRun pairing(TestStore &store, const QStringList &args)
    {
        // The test's own baton.ini (perhaps none), never the user's: it names the owners.
        return runBaton(QStringList { u"--data-dir"_s, store.dir.path(), u"--config"_s,
                            store.dir.filePath(u"baton.ini"_s), u"pairing"_s }
            + args);
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
        QCOMPARE(run.out.trimmed(), u"Approved alice (Telegram 333) as a guest: they can talk to Baton now."_s);
        QVERIFY(requests.isApproved(u"telegram"_s, u"333"_s));

        run = pairing(store, { u"deny"_s, bob });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), u"Denied Discord 44."_s);
        QVERIFY(requests.pendingRequests().isEmpty());
    }

    void listShowsRolesAndRevokeEndsAGuest()
    {
        TestStore store;
        QFile ini(store.dir.filePath(u"baton.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[telegram]\nallowed_users=111\n");
        ini.close();
        PairingStore requests(store.db);
        const QString carol = requests.requestCode(u"telegram"_s, u"555"_s, u"carol"_s, u"555"_s)->code;
        QVERIFY(requests.approve(carol));

        BatonRun run = pairing(store, { u"list"_s });
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0), u"owner  Telegram 111"_s);
        QVERIFY2(lines.at(1).startsWith(u"guest  "_s) && lines.at(1).endsWith(u"carol (Telegram 555)"_s),
            qPrintable(lines.at(1)));

        QCOMPARE(pairing(store, { u"revoke"_s, u"telegram"_s }).exitCode, 2);
        QCOMPARE(pairing(store, { u"revoke"_s, u"telegram:999"_s }).exitCode, 2);
        run = pairing(store, { u"revoke"_s, u"telegram:555"_s });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), u"Revoked carol (Telegram 555): Baton no longer answers them."_s);
        QVERIFY(!requests.isApproved(u"telegram"_s, u"555"_s));
        // A revoked guest is a stranger whose code for this hour is spent.
        const auto again = requests.requestCode(u"telegram"_s, u"555"_s, u"carol"_s, u"555"_s);
        QVERIFY(again);
        QVERIFY(again->code.isEmpty());
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
