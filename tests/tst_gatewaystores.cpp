// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/commandledger.h"
#include "store/outboxstore.h"
#include "store/pairingstore.h"
#include "store/sessionkeystore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QDateTime>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

/// The gateway's tables: session keys, the outbox ledger and pairing requests.
class TestGatewayStores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysBindRebindAndFollowTheSession()
    {
        TestStore t;
        SessionStore sessions(t.db);
        SessionKeyStore keys(t.db);
        const QString a = sessions.createSession(), b = sessions.createSession();
        const QString topic = u"telegram:private:111:9"_s;
        QVERIFY(!keys.binding(topic));
        QVERIFY(keys.errorString().isEmpty());

        QSignalSpy changed(&keys, &SessionKeyStore::bindingChanged);
        QVERIFY(keys.bind(topic, a));
        QCOMPARE(keys.binding(topic)->sessionId, a);
        QVERIFY(keys.bind(topic, b)); // a handoff rebinds
        QCOMPARE(keys.binding(topic)->sessionId, b);
        QVERIFY(keys.binding(topic)->updatedAt > 0);
        QVERIFY(keys.bind(u"discord:thread:555"_s, b));
        const QStringList keysOfB = keys.keysFor(b);
        QCOMPARE(QSet<QString>(keysOfB.cbegin(), keysOfB.cend()), (QSet<QString> { topic, u"discord:thread:555"_s }));
        QVERIFY(keys.keysFor(a).isEmpty());
        QCOMPARE(changed.size(), 3);

        QVERIFY(keys.unbind(topic));
        QVERIFY(!keys.binding(topic));
        QVERIFY(!keys.bind(u"k"_s, u"no-such-session"_s)); // foreign key
        QVERIFY(!keys.errorString().isEmpty());

        QVERIFY(sessions.deleteSession(b)); // bindings die with their session
        QVERIFY(!keys.binding(u"discord:thread:555"_s));
    }

    void outboxSendsEachItemOnce()
    {
        TestStore t;
        SessionStore sessions(t.db);
        OutboxStore outbox(t.db);
        const QString session = sessions.createSession();
        QSignalSpy enqueued(&outbox, &OutboxStore::enqueued);

        OutboxStore::Item reply;
        reply.sessionId = session;
        reply.platform = u"telegram"_s;
        reply.chat = u"-1001"_s;
        reply.thread = u"7"_s;
        reply.content = u"Here is the plan."_s;
        const qint64 first = outbox.enqueue(reply);
        OutboxStore::Item edit = reply;
        edit.kind = OutboxStore::Kind::Edit;
        edit.targetMessageId = u"42"_s;
        edit.content = u"Here is the better plan."_s;
        const qint64 second = outbox.enqueue(edit);
        OutboxStore::Item elsewhere = reply;
        elsewhere.platform = u"slack"_s;
        QVERIFY(first > 0 && second > first && outbox.enqueue(elsewhere) > second);
        QCOMPARE(enqueued.size(), 3);

        // What a restart finds unsent, oldest first, per platform.
        QList<OutboxStore::Item> pending = outbox.pending(u"telegram"_s);
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).id, first);
        QCOMPARE(pending.at(0).thread, u"7"_s);
        QCOMPARE(pending.at(1).kind, OutboxStore::Kind::Edit);
        QCOMPARE(pending.at(1).targetMessageId, u"42"_s);

        QVERIFY(outbox.recordAttempt(first, u"Telegram asked to wait 3 s (429)"_s));
        QCOMPARE(outbox.pending(u"telegram"_s).first().attempts, 1);
        QVERIFY(outbox.markSent(first, u"42"_s));
        QVERIFY(!outbox.markSent(first, u"43"_s)); // never twice
        QVERIFY(outbox.markFailed(second, u"bot was blocked by the user"_s));
        QVERIFY(!outbox.recordAttempt(second, u"late"_s));
        QVERIFY(outbox.pending(u"telegram"_s).isEmpty());
        QCOMPARE(outbox.pending(u"slack"_s).size(), 1);
        QCOMPARE(t.scalar(u"SELECT platform_message_id FROM outbox WHERE id = %1"_s.arg(first)).toString(), u"42"_s);
    }

    void outboxKnowsWhereEachConversationStands()
    {
        TestStore t;
        SessionStore sessions(t.db);
        OutboxStore outbox(t.db);
        const QString session = sessions.createSession();
        const auto sendIn = [&](const QString &chat, const QString &thread, const QString &id,
                                OutboxStore::Kind kind = OutboxStore::Kind::Send) {
            OutboxStore::Item item;
            item.sessionId = session;
            item.platform = u"discord"_s;
            item.chat = chat;
            item.thread = thread;
            item.kind = kind;
            item.targetMessageId = kind == OutboxStore::Kind::Edit ? u"1"_s : QString();
            item.content = u"text"_s;
            const qint64 row = outbox.enqueue(item);
            if (!id.isEmpty())
                QVERIFY(outbox.markSent(row, id));
        };
        sendIn(u"home"_s, u"thread-a"_s, u"100"_s);
        sendIn(u"home"_s, u"thread-a"_s, u"105"_s);
        sendIn(u"home"_s, u"thread-a"_s, u"1"_s, OutboxStore::Kind::Edit); // an edit moves nothing
        sendIn(u"home"_s, u"thread-b"_s, u"103"_s);
        sendIn(u"home"_s, u"thread-b"_s, {}); // still pending: not a place we reached
        sendIn(u"dm"_s, {}, u"104"_s);

        const auto conversations = outbox.lastSent(u"discord"_s, 0, 10);
        QVERIFY2(outbox.errorString().isEmpty(), qPrintable(outbox.errorString()));
        QCOMPARE(conversations.size(), 3);
        QCOMPARE(conversations.at(0).chat, u"dm"_s); // most recent first
        QCOMPARE(conversations.at(0).thread, QString());
        QCOMPARE(conversations.at(0).platformMessageId, u"104"_s);
        QCOMPARE(conversations.at(1).thread, u"thread-b"_s);
        QCOMPARE(conversations.at(1).platformMessageId, u"103"_s);
        QCOMPARE(conversations.at(2).thread, u"thread-a"_s);
        QCOMPARE(conversations.at(2).platformMessageId, u"105"_s);
        QCOMPARE(outbox.lastSent(u"discord"_s, 0, 1).size(), 1);
        QVERIFY(outbox.lastSent(u"slack"_s, 0, 10).isEmpty());
        QVERIFY(outbox.lastSent(u"discord"_s, QDateTime::currentMSecsSinceEpoch() + 60'000, 10).isEmpty());
    }

    void aCommandIsRunOnceEvenAcrossRestarts()
    {
        TestStore t;
        {
            CommandLedger ledger(t.db);
            QVERIFY(ledger.firstTime(u"discord"_s, u"700"_s, u"9001"_s));
            QVERIFY(!ledger.firstTime(u"discord"_s, u"700"_s, u"9001"_s)); // fetched again
            QVERIFY(ledger.firstTime(u"discord"_s, u"701"_s, u"9001"_s)); // ids are per chat
            QVERIFY(ledger.firstTime(u"slack"_s, u"700"_s, u"9001"_s));
            QVERIFY(ledger.errorString().isEmpty());
        }
        CommandLedger afterRestart(t.db); // the ledger is the store, not the process
        QVERIFY(!afterRestart.firstTime(u"discord"_s, u"700"_s, u"9001"_s));
        afterRestart.forgetOlderThan(24 * 3'600'000LL);
        QVERIFY(!afterRestart.firstTime(u"discord"_s, u"700"_s, u"9001"_s)); // recent: kept
        const qint64 seen = QDateTime::currentMSecsSinceEpoch();
        QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > seen + 1); // the entry is older than 1 ms now
        afterRestart.forgetOlderThan(1);
        QVERIFY(afterRestart.firstTime(u"discord"_s, u"700"_s, u"9001"_s));
    }

    void strangersGetOneCode()
    {
        TestStore t;
        PairingStore pairing(t.db);
        QSignalSpy requested(&pairing, &PairingStore::requested);
        const auto first = pairing.requestCode(u"telegram"_s, u"222"_s, u"mallory"_s, u"222"_s);
        QVERIFY(first && first->isNew);
        QCOMPARE(first->code.size(), 8);
        for (QChar c : first->code)
            QVERIFY2(!u"01OIL"_s.contains(c), qPrintable(first->code));
        const auto again = pairing.requestCode(u"telegram"_s, u"222"_s, u"mallory"_s, u"222"_s);
        QVERIFY(again && !again->isNew);
        QCOMPARE(again->code, first->code);
        QCOMPARE(requested.size(), 1);
        // The same id on another platform is another person.
        QVERIFY(pairing.requestCode(u"discord"_s, u"222"_s, {}, {})->isNew);
        QCOMPARE(pairing.pendingRequests().size(), 2);
    }

    void approveAndDeny()
    {
        TestStore t;
        PairingStore pairing(t.db);
        const QString code = pairing.requestCode(u"telegram"_s, u"333"_s, u"alice"_s, u"333"_s)->code;
        const QString other = pairing.requestCode(u"slack"_s, u"U9"_s, {}, {})->code;
        QVERIFY(!pairing.isApproved(u"telegram"_s, u"333"_s));
        QSignalSpy approved(&pairing, &PairingStore::approved);
        const auto request = pairing.approve(code.toLower());
        QVERIFY(request);
        QCOMPARE(request->userName, u"alice"_s);
        QVERIFY(request->approvedAt > 0);
        QCOMPARE(approved.size(), 1);
        QVERIFY(pairing.isApproved(u"telegram"_s, u"333"_s));
        QVERIFY(!pairing.approve(code)); // already approved
        QVERIFY(!pairing.approve(u"NOPE2345"_s));
        QCOMPARE(pairing.pendingRequests().size(), 1);

        QCOMPARE(pairing.deny(other)->userId, u"U9"_s);
        QVERIFY(pairing.pendingRequests().isEmpty());
        QVERIFY(!pairing.deny(other));
        // Denied people may ask again, but not within the hour (tst_pairingstore covers the hour after).
        const auto soon = pairing.requestCode(u"slack"_s, u"U9"_s, {}, {});
        QVERIFY(soon && soon->code.isEmpty() && !soon->isNew);
    }
};

QTEST_GUILESS_MAIN(TestGatewayStores)
#include "tst_gatewaystores.moc"
