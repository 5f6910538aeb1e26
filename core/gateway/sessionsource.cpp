// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionsource.h"

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

QString SessionSource::sessionKey() const
{
    QString key = platform + u':' + chatTypeName(chatType) + u':' + chatId;
    if (!threadId.isEmpty())
        return key + u':' + threadId;
    if (chatType != ChatType::Direct && !userId.isEmpty())
        key += u':' + userId;
    return key;
}
