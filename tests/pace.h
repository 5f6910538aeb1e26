// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QEventLoop>
#include <QTimer>

/**
 * @brief Lets the event loop run for @p ms: the pace of a scripted storm or of a person typing.
 *
 * Never a proof that something did not happen: for that, count at the fake or wait for the event
 * that would come first. Used only where a test's input is spread over time on purpose.
 */
inline void pace(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
    // As QTest::qWait does: objects deleted later in that time are gone now.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}
