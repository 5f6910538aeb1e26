// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusUnixFileDescriptor>
#include <QObject>

/**
 * @brief logind's sleep inhibitor and its PrepareForSleep signal.
 *
 * A *delay* lock gives Baton a few seconds between "going to sleep" and the sleep, to tell the
 * phone; a *block* lock (sleep and the lid switch) keeps the computer awake. logind holds the lock
 * as long as the file descriptor it returned is open here.
 */
class SleepInhibitor : public QObject
{
    Q_OBJECT

public:
    enum class Mode { None, Delay, Block };

    using QObject::QObject;

    /// Subscribes to PrepareForSleep.
    void start();
    /// Holds the lock @p mode asks for (None: none), taking or releasing it as needed.
    void setMode(Mode mode);
    [[nodiscard]] Mode mode() const { return m_mode; }
    /// The lock logind has granted and this process holds now.
    [[nodiscard]] Mode held() const { return m_fd.isValid() ? m_heldMode : Mode::None; }
    /// Lets a sleep that waits for our delay lock go ahead (call once the notices are out).
    void releaseForSleep();

Q_SIGNALS:
    /// PrepareForSleep(true): the delay lock is still held until releaseForSleep().
    void aboutToSleep();
    /// PrepareForSleep(false): the delay lock is taken again.
    void woke();
    void heldChanged();
    /// logind refused or is not there; @p sentence says so.
    void unavailable(const QString &sentence);

private Q_SLOTS:
    void onPrepareForSleep(bool sleeping);

private:
    void take();
    void tellUnavailable(const QString &why);
    void release();

    Mode m_mode = Mode::None;
    Mode m_heldMode = Mode::None;
    QDBusUnixFileDescriptor m_fd;
    quint64 m_request = 0; // answers to older Inhibit calls are dropped
    bool m_sleeping = false;
    bool m_toldUnavailable = false;
};
