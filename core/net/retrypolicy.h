// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backoff.h"

#include <QtGlobal>

#include <optional>

/**
 * @brief When to try an outbound operation again after a failure that may pass (network, 5xx,
 * 429), the same for every platform and operation: the wait the platform named (already clamped
 * by ServerWait) or capped backoff with jitter, until the operation has been failing for
 * giveUpAfterMs.
 */
struct RetryPolicy
{
    int firstDelayMs = 1'000;
    int maxDelayMs = 60'000;
    qint64 giveUpAfterMs = 10 * 60'000; // from the operation's first failure

    /// The wait before the next attempt after failure number @p failures (1 = the first), which
    /// came @p failingForMs after the first; nothing when it is time to give up.
    [[nodiscard]] std::optional<qint64> nextDelay(int failures, qint64 failingForMs, qint64 namedWaitMs) const
    {
        const qint64 delay = namedWaitMs > 0 ? namedWaitMs : Backoff::delayMs(failures, firstDelayMs, maxDelayMs);
        if (failingForMs + delay > giveUpAfterMs)
            return std::nullopt;
        return delay;
    }
};
