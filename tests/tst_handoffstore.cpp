// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/handoffstore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using Result = HandoffStore::RequestResult;

namespace {
constexpr int lease = 60'000;
const QString gatewayA = u"gateway-a"_s;
const QString gatewayB = u"gateway-b"_s;
} // namespace

/// Acceptance scenarios 1-7, 9 and the store half of 12 (docs/architecture.md).
class TestHandoffStore : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TestStore t;
        SessionStore sessions { t.db };
        HandoffStore handoffs { t.db };
        QString newSession(const QString &title = u"Plans"_s) { return sessions.createSession(title); }
        HandoffState state(const QString &id) { return handoffs.handoffState(id)->state; }
    };

private Q_SLOTS:
    void requestMarksPending() // docs/architecture.md scenario 2
    {
        Fixture f;
        const QString id = f.newSession();
        QSignalSpy changed(&f.handoffs, &HandoffStore::handoffChanged);
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        const auto s = f.handoffs.handoffState(id);
        QCOMPARE(s->state, HandoffState::Pending);
        QCOMPARE(s->platform, u"telegram"_s);
        QVERIFY(s->error.isEmpty());
        QVERIFY(s->requestedAt > 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(1).value<HandoffState>(), HandoffState::Pending);
    }

    void requestIsRefusedWhileInFlight() // docs/architecture.md scenario 2
    {
        Fixture f;
        const QString id = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QCOMPARE(f.handoffs.requestHandoff(id, u"discord"_s), Result::AlreadyInFlight);
        QVERIFY(f.handoffs.errorString().contains(u"already pending"_s));
        QVERIFY(f.handoffs.claimHandoff(id, gatewayA, lease));
        QCOMPARE(f.handoffs.requestHandoff(id, u"discord"_s), Result::AlreadyInFlight);
        QVERIFY(f.handoffs.errorString().contains(u"already running"_s));
        QCOMPARE(f.handoffs.handoffState(id)->platform, u"telegram"_s);
    }

    void requestIsRefusedMidTurnAndForUnknownSessions()
    {
        Fixture f;
        const QString id = f.newSession();
        QVERIFY(f.sessions.beginTurn(id));
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::TurnRunning);
        QCOMPARE(f.state(id), HandoffState::None);
        QVERIFY(f.sessions.endTurn(id));
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QCOMPARE(f.handoffs.requestHandoff(u"ghost"_s, u"telegram"_s), Result::UnknownSession);
    }

    void requestAfterFailureResets() // docs/architecture.md scenario 2
    {
        Fixture f;
        const QString id = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(id, gatewayA, lease));
        QVERIFY(f.handoffs.failHandoff(id, u"no home channel"_s));
        QCOMPARE(f.handoffs.requestHandoff(id, u"slack"_s), Result::Requested);
        const auto s = f.handoffs.handoffState(id);
        QCOMPARE(s->state, HandoffState::Pending);
        QCOMPARE(s->platform, u"slack"_s);
        QVERIFY(s->error.isEmpty());
        QVERIFY(s->claimedBy.isEmpty());
    }

    void listPendingExcludesRunningAndTerminal() // docs/architecture.md scenario 3
    {
        Fixture f;
        const QString older = f.newSession(), newer = f.newSession(), running = f.newSession(), done = f.newSession(),
                      failed = f.newSession(), idle = f.newSession();
        for (const QString &id : { newer, older, running, done, failed })
            QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QVERIFY(f.t.exec(u"UPDATE sessions SET handoff_requested_at = 10 WHERE id = '%1'"_s.arg(older)));
        QVERIFY(f.t.exec(u"UPDATE sessions SET handoff_requested_at = 20 WHERE id = '%1'"_s.arg(newer)));
        QVERIFY(f.handoffs.claimHandoff(running, gatewayA, lease));
        QVERIFY(f.handoffs.claimHandoff(done, gatewayA, lease));
        QVERIFY(f.handoffs.completeHandoff(done, gatewayA, u"telegram:group:-1001:7"_s));
        QVERIFY(f.handoffs.failHandoff(failed, u"boom"_s));

        const auto pending = f.handoffs.listPendingHandoffs();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).sessionId, older);
        QCOMPARE(pending.at(1).sessionId, newer);
        QCOMPARE(pending.at(0).platform, u"telegram"_s);
        Q_UNUSED(idle);
    }

    void claimIsAtomicAcrossConnections() // docs/architecture.md scenario 4, in one process; tst_claimrace does two
    {
        Fixture f;
        const QString id = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        Database other;
        QVERIFY(other.open(f.t.path()));
        HandoffStore rival(other);
        QVERIFY(f.handoffs.claimHandoff(id, gatewayA, lease));
        QVERIFY(!rival.claimHandoff(id, gatewayB, lease));
        QCOMPARE(f.handoffs.handoffState(id)->claimedBy, gatewayA);
        QVERIFY(f.handoffs.handoffState(id)->leaseUntil >= QDateTime::currentMSecsSinceEpoch() + lease - 5'000);
    }

    void completeClearsErrorAndFailTruncates() // docs/architecture.md scenario 5
    {
        Fixture f;
        const QString id = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QVERIFY(f.t.exec(u"UPDATE sessions SET handoff_error = 'stale' WHERE id = '%1'"_s.arg(id)));
        QVERIFY(f.handoffs.claimHandoff(id, gatewayA, lease));
        QVERIFY(f.handoffs.completeHandoff(id, gatewayA, u"telegram:private:111:9"_s));
        auto s = f.handoffs.handoffState(id);
        QCOMPARE(s->state, HandoffState::Completed);
        QVERIFY(s->error.isEmpty());
        QCOMPARE(s->destination, u"telegram:private:111:9"_s);
        QVERIFY(s->finishedAt > 0);

        const QString other = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(other, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.failHandoff(other, QString(800, u'x')));
        s = f.handoffs.handoffState(other);
        QCOMPARE(s->state, HandoffState::Failed);
        QCOMPARE(s->error.size(), HandoffStore::maxErrorLength);
    }

    void unknownSessionStateIsEmpty() // docs/architecture.md scenario 6
    {
        Fixture f;
        QVERIFY(!f.handoffs.handoffState(u"nobody"_s).has_value());
        QVERIFY(f.handoffs.errorString().isEmpty());
    }

    void fullFlowKeepsTranscriptInRoleOrder() // docs/architecture.md scenario 7
    {
        Fixture f;
        const QString id = f.newSession();
        const QList<MessageRole> roles = { MessageRole::System, MessageRole::User, MessageRole::Assistant,
            MessageRole::Tool, MessageRole::Assistant };
        for (MessageRole role : roles) {
            Message m;
            m.sessionId = id;
            m.role = role;
            m.content = messageRoleName(role);
            QVERIFY(f.sessions.appendMessage(m));
        }
        QSignalSpy changed(&f.handoffs, &HandoffStore::handoffChanged);
        QCOMPARE(f.handoffs.requestHandoff(id, u"discord"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(id, gatewayA, lease));
        QVERIFY(f.handoffs.completeHandoff(id, gatewayA, u"discord:thread:555"_s));
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.at(2).at(1).value<HandoffState>(), HandoffState::Completed);
        const QList<Message> transcript = f.sessions.transcript(id);
        QCOMPARE(transcript.size(), roles.size());
        for (int i = 0; i < roles.size(); ++i)
            QCOMPARE(transcript.at(i).role, roles.at(i));
    }

    void pendingOnlyFailIsACompareAndSwap() // docs/architecture.md scenario 9
    {
        Fixture f;
        const QList<HandoffState> pendingOnly { HandoffState::Pending };
        const QString pending = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(pending, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.failHandoff(pending, u"abandoned"_s, pendingOnly));
        QCOMPARE(f.state(pending), HandoffState::Failed);

        const QString running = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(running, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(running, gatewayA, lease));
        QVERIFY(!f.handoffs.failHandoff(running, u"waiter gave up"_s, pendingOnly));
        QCOMPARE(f.state(running), HandoffState::Running);
        // A later complete of the running row wins.
        QVERIFY(f.handoffs.completeHandoff(running, gatewayA, u"dest"_s));
        QCOMPARE(f.state(running), HandoffState::Completed);
        // Terminal rows are untouched by a pending-only fail.
        QVERIFY(!f.handoffs.failHandoff(running, u"late"_s, pendingOnly));
        QCOMPARE(f.state(running), HandoffState::Completed);

        // The owner's unconditional fail works on a running row.
        const QString owned = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(owned, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(owned, gatewayA, lease));
        QVERIFY(f.handoffs.failHandoff(owned, u"Telegram said 400"_s));
        QCOMPARE(f.handoffs.handoffState(owned)->error, u"Telegram said 400"_s);
    }

    void ownerFailsOnlyItsOwnRow()
    {
        Fixture f;
        const QString id = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(id, gatewayA, lease));
        QVERIFY(!f.handoffs.failOwnedHandoff(id, gatewayB, u"not mine"_s));
        QCOMPARE(f.state(id), HandoffState::Running);
        QVERIFY(f.handoffs.failOwnedHandoff(id, gatewayA, QString(900, u'e')));
        QCOMPARE(f.state(id), HandoffState::Failed);
        QCOMPARE(f.handoffs.handoffState(id)->error.size(), HandoffStore::maxErrorLength);
        QVERIFY(!f.handoffs.failOwnedHandoff(id, gatewayA, u"again"_s));
    }

    void inFlightRowIsNeverClaimedTwice() // docs/architecture.md scenario 12, store half
    {
        Fixture f;
        const QString id = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(id, gatewayA, lease));
        QVERIFY(!f.handoffs.claimHandoff(id, gatewayA, lease));
        QVERIFY(!f.handoffs.claimHandoff(id, gatewayB, lease));
        QCOMPARE(f.handoffs.handoffState(id)->claimedBy, gatewayA);
        QVERIFY(!f.handoffs.completeHandoff(id, gatewayB, u"stolen"_s));
        QCOMPARE(f.state(id), HandoffState::Running);
    }

    void leaseIsRefreshedOnlyByItsOwner()
    {
        Fixture f;
        const QString id = f.newSession();
        QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(id, gatewayA, 1'000));
        const qint64 before = f.handoffs.handoffState(id)->leaseUntil;
        QVERIFY(f.handoffs.refreshLease(id, gatewayA, 120'000));
        QVERIFY(f.handoffs.handoffState(id)->leaseUntil > before + 100'000);
        QVERIFY(!f.handoffs.refreshLease(id, gatewayB, 120'000));
        QVERIFY(f.handoffs.completeHandoff(id, gatewayA, u"d"_s));
        QVERIFY(!f.handoffs.refreshLease(id, gatewayA, 120'000));
    }

    void reclaimFailsOnlyExpiredRunningRows() // docs/architecture.md scenario 12, store half
    {
        Fixture f;
        const QString stranded = f.newSession(), live = f.newSession(), pending = f.newSession(), done = f.newSession();
        for (const QString &id : { stranded, live, pending, done })
            QCOMPARE(f.handoffs.requestHandoff(id, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(stranded, gatewayA, 10));
        QVERIFY(f.handoffs.claimHandoff(live, gatewayB, lease));
        QVERIFY(f.handoffs.claimHandoff(done, gatewayA, 10));
        QVERIFY(f.handoffs.completeHandoff(done, gatewayA, u"d"_s));

        const qint64 later = QDateTime::currentMSecsSinceEpoch() + 1'000;
        QSignalSpy changed(&f.handoffs, &HandoffStore::handoffChanged);
        const QStringList reclaimed = f.handoffs.reclaimExpired(later);
        QCOMPARE(reclaimed, QStringList { stranded });
        QCOMPARE(changed.size(), 1);
        const auto s = f.handoffs.handoffState(stranded);
        QCOMPARE(s->state, HandoffState::Failed);
        QVERIFY(s->error.contains(u"/handoff"_s));
        QCOMPARE(f.state(live), HandoffState::Running);
        QCOMPARE(f.state(pending), HandoffState::Pending);
        QCOMPARE(f.state(done), HandoffState::Completed);
        QVERIFY(f.handoffs.reclaimExpired(later).isEmpty());

        // The dead gateway cannot complete what was reclaimed; the session can be handed off again.
        QVERIFY(!f.handoffs.completeHandoff(stranded, gatewayA, u"late"_s));
        QCOMPARE(f.handoffs.requestHandoff(stranded, u"telegram"_s), Result::Requested);
        QVERIFY(f.handoffs.claimHandoff(stranded, gatewayB, lease));
    }
};

QTEST_GUILESS_MAIN(TestHandoffStore)
#include "tst_handoffstore.moc"
