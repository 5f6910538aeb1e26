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
        QString title; // a group's name, when the bot saw it join
        bool threads = false; // a group that holds a thread per conversation (a Telegram forum)
    };

    explicit HomeChats(Database &database);

    /// The bot was added to group @p chat by @p addedBy: remembered (or renamed) with its title.
    bool rememberGroup(
        const QString &platform, const QString &chat, const QString &title, bool threads, const QString &addedBy);
    /// Newest first, each chat once; empty with errorString() on a store error.
    [[nodiscard]] QList<Chat> candidates(const QString &platform, const QStringList &owners);
    [[nodiscard]] QString errorString() const { return m_error; }

private:
    Database &m_db;
    QString m_error;
};
