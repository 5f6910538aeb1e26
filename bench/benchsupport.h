// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmark drivers share. They are drivers, not library code: they may spin the event
// loop until a figure is in.
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QList>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <functional>

namespace BenchSupport {

[[noreturn]] inline void die(const char *bench, const QString &what)
{
    QTextStream(stderr) << bench << ": " << what << Qt::endl;
    std::exit(1);
}

inline bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

inline double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(values.size() * p)));
}

} // namespace BenchSupport
