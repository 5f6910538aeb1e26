// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLocalServer;

/**
 * @brief A local socket server that hears only processes of its own user.
 *
 * Each connection's peer is checked with SO_PEERCRED when it is accepted: another user's is closed
 * unread (peerRefused), ours hands over what it writes (received).
 */
class LocalListener : public QObject
{
    Q_OBJECT

public:
    explicit LocalListener(QObject *parent = nullptr);

    /// Listens on the socket file @p path, replacing a stale one; false with errorString() otherwise.
    bool listen(const QString &path);
    void close();
    [[nodiscard]] QString errorString() const { return m_error; }

Q_SIGNALS:
    void received(const QByteArray &data);
    void peerRefused(qint64 uid);

private:
    void accept();

    QLocalServer *m_server = nullptr;
    QString m_error;
};
