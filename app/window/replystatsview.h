// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/replystats.h"

#include <QVariantMap>

/// A reply's token counts as the window's stats line reads them (qml/MessageStats.qml).
namespace ReplyStatsView {
/// {tokens, tokensPerSecond (rounded, 0: unknown), estimated}; empty when nothing was counted.
[[nodiscard]] QVariantMap toMap(const ReplyStats &stats);
} // namespace ReplyStatsView
