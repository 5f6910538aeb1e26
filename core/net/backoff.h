// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>

#include <algorithm>

/**
 * @brief How long an adapter waits before trying again: capped exponential backoff with jitter,
 * so many clients that lost the same server never come back in step, and a flapping network
 * never turns into a tight loop.
 */
namespace Backoff {

/// The wait before retry @p attempt (1 = the first): @p minMs doubling per attempt up to @p maxMs,
/// the upper half of it random. Attempt 0 (or less) is at once.
[[nodiscard]] inline int delayMs(int attempt, int minMs, int maxMs)
{
    if (attempt <= 0)
        return 0;
    const int base = std::min(maxMs, minMs * (1 << std::min(attempt - 1, 10)));
    return base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
}

} // namespace Backoff
