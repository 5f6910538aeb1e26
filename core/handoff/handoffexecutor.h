// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

/**
 * @brief Does the work of one claimed handoff (thread, key binding, synthetic turn, delivery).
 *
 * The watcher owns the row's state; an executor only does the work and reports, asynchronously
 * and exactly once per execute(), with executed(). It may live on another thread than the watcher.
 */
class HandoffExecutor : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Starts handing @p sessionId off to @p platform; must return at once.
    Q_INVOKABLE virtual void execute(const QString &sessionId, const QString &platform) = 0;

Q_SIGNALS:
    /// @p error empty: done, the session now lives at @p destination; otherwise the reason it failed.
    void executed(const QString &sessionId, const QString &destination, const QString &error);
};
