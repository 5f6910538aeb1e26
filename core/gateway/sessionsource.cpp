// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionsource.h"

#include <QStringList>

using namespace Qt::StringLiterals;

QString SessionSource::chatTypeName(ChatType type)
{
    switch (type) {
    case ChatType::Direct:
        return u"dm"_s;
    case ChatType::Group:
        return u"group"_s;
    case ChatType::Channel:
        return u"channel"_s;
    }
    return {};
}

std::optional<SessionSource::ChatType> SessionSource::chatTypeFromName(const QString &name)
{
    for (const ChatType type : { ChatType::Direct, ChatType::Group, ChatType::Channel }) {
        if (chatTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

std::optional<SessionSource> SessionSource::fromSessionKey(const QString &key)
{
    const QStringList parts = key.split(u':');
    if (parts.size() < 3 || parts.size() > 4 || parts.contains(QString()))
        return std::nullopt;
    const auto type = chatTypeFromName(parts.at(1));
    if (!type)
        return std::nullopt;
    SessionSource place;
    place.platform = parts.at(0);
    place.chatType = *type;
    place.chatId = parts.at(2);
    place.threadId = parts.value(3);
    return place;
}

QString SessionSource::sessionKey() const
{
    QString key = platform + u':' + chatTypeName(chatType) + u':' + chatId;
    if (!threadId.isEmpty())
        return key + u':' + threadId;
    if (chatType != ChatType::Direct && !userId.isEmpty())
        key += u':' + userId;
    return key;
}
