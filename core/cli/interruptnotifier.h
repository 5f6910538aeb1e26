// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

#include <csignal>

class QSocketNotifier;

/**
 * @brief Turns SIGINT (Ctrl-C), and any other signals asked for, into a Qt signal delivered by
 * the event loop.
 *
 * The signal handler only writes the signal's number to a pipe; everything else happens in the
 * slot, where it is safe. One instance at a time; it restores the previous handlers when destroyed.
 */
class InterruptNotifier : public QObject
{
    Q_OBJECT

public:
    explicit InterruptNotifier(QObject *parent = nullptr, const QList<int> &signalNumbers = { SIGINT });
    ~InterruptNotifier() override;

    /// First thing in main: SIGINT and SIGTERM wait (blocked, in every thread started later) until a
    /// notifier takes them, so a stop that comes while Baton is still starting is a graceful one.
    static void holdSignals();
    /// Once the command or window has started: lets through what no notifier took (their defaults).
    static void releaseHeldSignals();

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};
