// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

class Database;

/**
 * @brief The chats a platform's home could be: where an owner paired their phone or talked to the
 * bot. The window offers them so that nobody has to look up a chat id.
 */
class HomeChats
{
public:
    struct Chat
    {
        QString chatId;
        QString ownerName; // who paired there, for a direct chat; empty for other chats
        qint64 lastUsedAt = 0;
    };

    explicit HomeChats(Database &database);

    /// Newest first, each chat once; empty with errorString() on a store error.
    [[nodiscard]] QList<Chat> candidates(const QString &platform, const QStringList &owners);
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    Database &m_db;
    QString m_error;
};
