// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storetypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

/**
 * @brief A session and its transcript written out for people (Markdown) or programs (JSON): the
 * window's Export and `baton sessions export`.
 *
 * Message text is kept as it was stored; a code fence a message leaves open (a reply cut short) is
 * closed, so it cannot swallow the messages after it. @p systemPrompt is the chat's own, if it has one.
 */
namespace TranscriptExport {

[[nodiscard]] QString toMarkdown(
    const Session &session, const QList<Message> &messages, const std::optional<QString> &systemPrompt = {});
[[nodiscard]] QByteArray toJson(
    const Session &session, const QList<Message> &messages, const std::optional<QString> &systemPrompt = {});
/// "2026-11-25 14:03" in local time, or "" for 0.
[[nodiscard]] QString localTime(qint64 msSinceEpoch);

} // namespace TranscriptExport
