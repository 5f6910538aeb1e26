// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class Database;

/**
 * @brief The platform commands (`/new`, `/stop`...) the gateway has run, by the message that
 * asked: a command fetched again after a restart or a reconnect runs once. Commands are not
 * messages of a conversation, so the messages table's unique index cannot say this for them.
 */
class CommandLedger : public QObject
{
    Q_OBJECT

public:
    explicit CommandLedger(Database &database, QObject *parent = nullptr);

    /// Records the command in @p messageId of @p chat; false when it was recorded before. When the
    /// store fails the answer is true (running a command twice beats never running it) and
    /// errorString() says why.
    [[nodiscard]] bool firstTime(const QString &platform, const QString &chat, const QString &messageId);
    /// Forgets commands older than @p maxAgeMs: platforms replay a few days at most.
    void forgetOlderThan(qint64 maxAgeMs);
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    Database &m_db;
    QString m_error;
};
