// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/**
 * @brief Where a message lives on a platform, in the terms every adapter shares.
 *
 * The session key is derived from this and nothing else, so an inbound message and a handoff
 * destination in the same place always produce the same key (docs/architecture.md, scenario 13).
 */
struct SessionSource
{
    enum class ChatType { Direct, Group, Channel };

    QString platform;
    ChatType chatType = ChatType::Direct;
    QString chatId;
    QString threadId; // a Telegram topic, a Discord thread id, a Slack thread ts; empty outside threads
    QString userId; // who wrote; part of the key only in a group without a thread

    /// `<platform>:<chat_type>:<chat_id>[:<thread_id>][:<user_id>]`: in a thread everyone shares
    /// the session; in a group without threads each person has their own; a direct chat has one.
    [[nodiscard]] QString sessionKey() const;
    /// The place @p key names, for posting there (a handoff's destination, Take back's note):
    /// platform, chat type, chat and the fourth part as the thread. sessionKey() of the result is
    /// @p key again. A group's key without a thread names a person in the chat, not a thread; it is
    /// never a destination. Nothing for a key that sessionKey() cannot have made.
    [[nodiscard]] static std::optional<SessionSource> fromSessionKey(const QString &key);
    [[nodiscard]] static QString chatTypeName(ChatType type);
    [[nodiscard]] static std::optional<ChatType> chatTypeFromName(const QString &name);
};
