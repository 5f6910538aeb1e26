// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief The addresses a platform's setup points to: where to create the bot, the link a phone
 * opens to prove who it is, and how to invite the bot (README.md, "Setting up a platform"). The window and
 * `baton pair` show the same ones.
 */
namespace SetupLinks {

/// BotFather, the Discord developer portal, Slack's app page.
[[nodiscard]] QString createBotUrl(const QString &platform);
/// https://t.me/<bot>?start=<code>: opening it sends `/start <code>` to the bot.
[[nodiscard]] QString telegramDeepLink(const QString &botUserName, const QString &code);
/// View Channels, Send Messages, Read Message History, Create Public Threads, Send Messages in
/// Threads: what the gateway and handoff threads use, nothing more.
inline constexpr quint64 discordPermissions = (1ULL << 10) | (1ULL << 11) | (1ULL << 16) | (1ULL << 35) | (1ULL << 38);
/// The OAuth2 URL that adds the bot (application @p applicationId) to a server with the bot scope.
[[nodiscard]] QString discordInviteUrl(const QString &applicationId);
/// A Slack app manifest (JSON) with Socket Mode, the scopes and the events the gateway needs.
[[nodiscard]] QString slackManifest();

} // namespace SetupLinks
