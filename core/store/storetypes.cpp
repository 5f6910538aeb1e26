// SPDX-License-Identifier: GPL-3.0-or-later
#include "storetypes.h"

using namespace Qt::StringLiterals;

QString messageRoleName(MessageRole role)
{
    switch (role) {
    case MessageRole::System:
        return u"system"_s;
    case MessageRole::User:
        return u"user"_s;
    case MessageRole::Assistant:
        return u"assistant"_s;
    case MessageRole::Tool:
        return u"tool"_s;
    }
    return {};
}

std::optional<MessageRole> messageRoleFromName(QStringView name)
{
    for (MessageRole r : { MessageRole::System, MessageRole::User, MessageRole::Assistant, MessageRole::Tool }) {
        if (messageRoleName(r) == name)
            return r;
    }
    return std::nullopt;
}

QString messageStatusName(MessageStatus status)
{
    switch (status) {
    case MessageStatus::Complete:
        return u"complete"_s;
    case MessageStatus::Partial:
        return u"partial"_s;
    case MessageStatus::Error:
        return u"error"_s;
    }
    return {};
}

std::optional<MessageStatus> messageStatusFromName(QStringView name)
{
    for (MessageStatus s : { MessageStatus::Complete, MessageStatus::Partial, MessageStatus::Error }) {
        if (messageStatusName(s) == name)
            return s;
    }
    return std::nullopt;
}
