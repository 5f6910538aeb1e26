// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLocalServer;

/**
 * @brief One window per data dir: the first `baton` listens on a local socket named after the
 * data dir; a second one asks it to come to the front and leaves.
 */
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);

    /// True when another window for this data dir answered (and was asked to show itself).
    [[nodiscard]] bool raiseRunning();
    /// Listens for later instances; raiseRequested() follows each.
    bool listen();

Q_SIGNALS:
    void raiseRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};
