// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storetypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

/**
 * @brief TranscriptExport for the terminal: the same Markdown and JSON, safe to print.
 */
namespace TranscriptFormat {

/// Without control characters (see TerminalText), so it is safe to print.
[[nodiscard]] QString toMarkdown(
    const Session &session, const QList<Message> &messages, const std::optional<QString> &systemPrompt = {});
[[nodiscard]] QByteArray toJson(
    const Session &session, const QList<Message> &messages, const std::optional<QString> &systemPrompt = {});
/// "2026-11-25 14:03" in local time, or "" for 0.
[[nodiscard]] QString localTime(qint64 msSinceEpoch);

} // namespace TranscriptFormat
