// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/storetypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

/**
 * @brief A session and its transcript written out for people (Markdown) or programs (JSON).
 */
namespace TranscriptFormat {

/// Without control characters (see TerminalText), so it is safe to print.
[[nodiscard]] QString toMarkdown(const Session &session, const QList<Message> &messages);
[[nodiscard]] QByteArray toJson(const Session &session, const QList<Message> &messages);
/// "2026-11-25 14:03" in local time, or "" for 0.
[[nodiscard]] QString localTime(qint64 msSinceEpoch);

} // namespace TranscriptFormat
