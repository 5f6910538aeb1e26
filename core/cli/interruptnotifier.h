// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

/**
 * @brief Turns SIGINT (Ctrl-C) into a Qt signal, delivered by the event loop.
 *
 * The signal handler only writes a byte to a pipe; everything else happens in the slot, where it
 * is safe. One instance at a time; it restores the previous handler when destroyed.
 */
class InterruptNotifier : public QObject
{
    Q_OBJECT

public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

Q_SIGNALS:
    void interrupted();

private:
    QSocketNotifier *m_notifier = nullptr;
};
