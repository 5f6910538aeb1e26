// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class LocalListener;

/**
 * @brief One window per data dir: the first `baton` listens on a private local socket for the data
 * dir; a second one of the same user asks it to come to the front and leaves.
 */
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);

    /// True when another window of ours for this data dir answered (and was asked to show itself).
    [[nodiscard]] bool raiseRunning();
    /// Listens for later instances; raiseRequested() follows each.
    bool listen();

Q_SIGNALS:
    void raiseRequested();

private:
    QString m_path;
    LocalListener *m_listener = nullptr;
};
