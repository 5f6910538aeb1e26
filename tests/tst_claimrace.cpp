// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/handoffstore.h"
#include "store/sessionstore.h"
#include "teststore.h"

#include <QProcess>
#include <QSet>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

/**
 * Acceptance scenario 4 (docs/architecture.md) across processes: several workers claim the same pending rows through
 * one state.db at the same instant; every row must be claimed by exactly one of them.
 */
class TestClaimRace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRowIsClaimedExactlyOnce_data()
    {
        QTest::addColumn<int>("round");
        for (int round = 1; round <= 20; ++round)
            QTest::newRow(qPrintable(u"round %1"_s.arg(round))) << round;
    }

    void everyRowIsClaimedExactlyOnce()
    {
        constexpr int workers = 4;
        constexpr int rows = 60;
        TestStore t;
        SessionStore sessions(t.db);
        HandoffStore handoffs(t.db);
        QSet<QString> requested;
        for (int i = 0; i < rows; ++i) {
            const QString id = sessions.createSession();
            QCOMPARE(handoffs.requestHandoff(id, u"telegram"_s), HandoffStore::RequestResult::Requested);
            requested.insert(id);
        }

        std::vector<std::unique_ptr<QProcess>> processes;
        for (int w = 0; w < workers; ++w) {
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->start(QStringLiteral(CLAIMRACE_WORKER),
                { t.path(), u"worker-%1"_s.arg(w), w % 2 ? u"reverse"_s : u"forward"_s });
            QVERIFY(process->waitForStarted());
            processes.push_back(std::move(process));
        }
        // All open the store first, then all start claiming at once.
        for (auto &p : processes) {
            QVERIFY(p->waitForReadyRead(10'000));
            QCOMPARE(p->readLine().trimmed(), QByteArray("ready"));
        }
        // QProcess buffers writes until a pipe is serviced: flush each now, or the workers would
        // be released one by one as the loop below waits on them in turn.
        for (auto &p : processes)
            p->write("go\n");
        for (auto &p : processes)
            QVERIFY(p->waitForBytesWritten(5'000));

        QHash<QString, QString> winner;
        int claims = 0;
        for (int w = 0; w < workers; ++w) {
            QProcess &p = *processes[w];
            QVERIFY(p.waitForFinished(60'000));
            QCOMPARE(p.exitCode(), 0);
            const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
            QVERIFY(lines.contains("done"));
            for (const QByteArray &line : lines) {
                if (!line.startsWith("claimed "))
                    continue;
                const QString id = QString::fromUtf8(line.mid(8));
                QVERIFY2(!winner.contains(id), qPrintable(u"claimed twice: "_s + id));
                winner.insert(id, u"worker-%1"_s.arg(w));
                ++claims;
            }
        }
        QCOMPARE(claims, rows);
        QCOMPARE(QSet<QString>(winner.keyBegin(), winner.keyEnd()), requested);
        for (auto it = winner.cbegin(); it != winner.cend(); ++it) {
            const auto state = handoffs.handoffState(it.key());
            QCOMPARE(state->state, HandoffState::Running);
            QCOMPARE(state->claimedBy, it.value());
        }
        QVERIFY(handoffs.listPendingHandoffs().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClaimRace)
#include "tst_claimrace.moc"
