// SPDX-License-Identifier: GPL-3.0-or-later
#include "interruptnotifier.h"

#include <QSocketNotifier>

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

namespace {
int s_pipe[2] = { -1, -1 };

void setBlocked(const QList<int> &numbers, bool blocked)
{
    sigset_t set;
    sigemptyset(&set);
    for (int number : numbers)
        sigaddset(&set, number);
    pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &set, nullptr);
}
struct sigaction s_previous[NSIG]
{
};

void onSignal(int signalNumber)
{
    const char byte = char(signalNumber);
    // write() is async-signal-safe; if the pipe is full, a signal is already pending.
    [[maybe_unused]] const auto written = ::write(s_pipe[1], &byte, 1);
}
} // namespace

InterruptNotifier::InterruptNotifier(QObject *parent, const QList<int> &signalNumbers)
    : QObject(parent)
    , m_signals(signalNumbers)
{
    if (::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : m_signals)
        sigaction(number, &action, &s_previous[number]);
    setBlocked(m_signals, false); // one that came while held is handled now

    m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char buffer[16];
        qsizetype count = 0;
        while ((count = ::read(s_pipe[0], buffer, sizeof buffer)) > 0) {
            for (qsizetype i = 0; i < count; ++i)
                Q_EMIT interrupted(int(buffer[i]));
        }
    });
}

void InterruptNotifier::holdSignals()
{
    setBlocked({ SIGINT, SIGTERM }, true);
}

void InterruptNotifier::releaseHeldSignals()
{
    setBlocked({ SIGINT, SIGTERM }, false);
}

InterruptNotifier::~InterruptNotifier()
{
    if (!m_notifier)
        return;
    for (int number : std::as_const(m_signals))
        sigaction(number, &s_previous[number], nullptr);
    delete m_notifier;
    ::close(s_pipe[0]);
    ::close(s_pipe[1]);
    s_pipe[0] = s_pipe[1] = -1;
}
