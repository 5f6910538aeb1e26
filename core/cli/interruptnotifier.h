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

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};
