// SPDX-License-Identifier: GPL-3.0-or-later
#include "homechats.h"

#include "database.h"
#include "sessionowners.h"
#include "sqlerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

HomeChats::HomeChats(Database &database)
    : m_db(database)
{ }

bool HomeChats::rememberGroup(
    const QString &platform, const QString &chat, const QString &title, bool threads, const QString &addedBy)
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO group_chats (platform, chat, title, threads, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?) "
              "ON CONFLICT (platform, chat) DO UPDATE SET title = excluded.title, threads = excluded.threads, "
              "added_by = excluded.added_by, added_at = excluded.added_at"_s);
    q.addBindValue(platform);
    q.addBindValue(chat);
    q.addBindValue(title);
    q.addBindValue(threads ? 1 : 0);
    q.addBindValue(addedBy);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        m_error = m_db.describeError(
            QCoreApplication::translate("HomeChats", "remembering a group"), sqlMessage(q.lastError()));
        return false;
    }
    return true;
}

QList<HomeChats::Chat> HomeChats::candidates(const QString &platform, const QStringList &owners)
{
    m_error.clear();
    QList<Chat> chats;
    const auto fail = [this](const QSqlQuery &q) {
        m_error = m_db.describeError(
            QCoreApplication::translate("HomeChats", "listing chats for the home"), sqlMessage(q.lastError()));
        return QList<Chat> {};
    };
    if (owners.isEmpty())
        return chats;

    // Where each owner paired: their direct chat with the bot.
    QString marks;
    for (qsizetype i = 0; i < owners.size(); ++i)
        marks += i ? u", ?"_s : u"?"_s;
    QSqlQuery paired(m_db.connection());
    // Newest first, the first row of each chat kept: who paired there last, and when.
    paired.prepare(
        u"SELECT chat_id, user_name, user_id, used_at FROM setup_codes WHERE platform = ? AND "
        "used_at IS NOT NULL AND chat_id IS NOT NULL AND user_id IN (%1) ORDER BY used_at DESC"_s.arg(marks));
    paired.addBindValue(platform);
    for (const QString &owner : owners)
        paired.addBindValue(owner);
    if (!paired.exec())
        return fail(paired);
    while (paired.next()) {
        const QString chat = paired.value(0).toString();
        if (std::any_of(chats.cbegin(), chats.cend(), [&](const Chat &c) { return c.chatId == chat; }))
            continue;
        const QString name = paired.value(1).toString();
        chats.append({ paired.value(0).toString(), name.isEmpty() ? paired.value(2).toString() : name,
            paired.value(3).toLongLong(), {}, false });
    }

    // Chats where a session an owner began was talked in.
    QStringList people;
    for (const QString &owner : owners)
        people << SessionOwners::person(platform, owner);
    QSqlQuery talked(m_db.connection());
    talked.prepare(u"SELECT m.platform_chat, MAX(m.created_at) FROM messages m JOIN sessions s ON s.id = m.session_id "
                   "WHERE m.platform = ? AND m.role = 'user' AND m.platform_chat IS NOT NULL "
                   "AND s.started_by IN (%1) GROUP BY m.platform_chat"_s.arg(marks));
    talked.addBindValue(platform);
    for (const QString &person : std::as_const(people))
        talked.addBindValue(person);
    if (!talked.exec())
        return fail(talked);
    while (talked.next()) {
        const QString chat = talked.value(0).toString();
        const auto known = std::find_if(chats.begin(), chats.end(), [&](const Chat &c) { return c.chatId == chat; });
        if (known != chats.end())
            known->lastUsedAt = std::max(known->lastUsedAt, talked.value(1).toLongLong());
        else
            chats.append({ chat, {}, talked.value(1).toLongLong(), {}, false });
    }
    // Groups the bot joined: named where they are listed already, offered when an owner added it.
    QSqlQuery groups(m_db.connection());
    groups.prepare(u"SELECT chat, title, threads, added_by, added_at FROM group_chats WHERE platform = ?"_s);
    groups.addBindValue(platform);
    if (!groups.exec())
        return fail(groups);
    while (groups.next()) {
        const QString chat = groups.value(0).toString();
        auto known = std::find_if(chats.begin(), chats.end(), [&](const Chat &c) { return c.chatId == chat; });
        if (known == chats.end()) {
            if (!owners.contains(groups.value(3).toString()))
                continue;
            chats.append({ chat, {}, groups.value(4).toLongLong(), {}, false });
            known = chats.end() - 1;
        }
        known->title = groups.value(1).toString();
        known->threads = groups.value(2).toBool();
    }
    std::sort(chats.begin(), chats.end(), [](const Chat &a, const Chat &b) { return a.lastUsedAt > b.lastUsedAt; });
    return chats;
}
