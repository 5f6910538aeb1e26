// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/interruptnotifier.h"

#include <QSignalSpy>
#include <QTest>

/// Signals become Qt signals; one that arrives while Baton is still starting waits for the handler.
class TestInterruptNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSignalBecomesAQtSignal()
    {
        InterruptNotifier notifier(nullptr, { SIGUSR1 });
        QSignalSpy interrupted(&notifier, &InterruptNotifier::interrupted);
        QCOMPARE(::raise(SIGUSR1), 0);
        QVERIFY(interrupted.wait(5'000));
        QCOMPARE(interrupted.first().first().toInt(), SIGUSR1);
    }

    void aStopDuringStartWaitsForTheHandler()
    {
        InterruptNotifier::holdSignals();
        // Delivered now it would end this process; held, it stays pending.
        QCOMPARE(::raise(SIGTERM), 0);
        sigset_t pending;
        sigpending(&pending);
        QVERIFY(sigismember(&pending, SIGTERM));

        InterruptNotifier notifier(nullptr, { SIGINT, SIGTERM });
        QSignalSpy interrupted(&notifier, &InterruptNotifier::interrupted);
        QVERIFY(interrupted.wait(5'000));
        QCOMPARE(interrupted.first().first().toInt(), SIGTERM);
        InterruptNotifier::releaseHeldSignals();
        sigpending(&pending);
        QVERIFY(!sigismember(&pending, SIGTERM));
    }
};

QTEST_GUILESS_MAIN(TestInterruptNotifier)
#include "tst_interruptnotifier.moc"
