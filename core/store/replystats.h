// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief What a reply cost and how it was thought out: kept beside the message, never in its text,
 * so the model's reasoning reaches neither the next request nor a platform unless asked for.
 */
struct ReplyStats
{
    QString reasoning; // "reasoning"/"reasoning_content" deltas and a leading <think> block
    int promptTokens = 0; // 0: not reported
    int completionTokens = 0; // reported by the server, or estimated (then estimated is true)
    bool estimated = false;
    double tokensPerSecond = 0; // from the first token to the last; 0: not measurable

    [[nodiscard]] bool isEmpty() const { return reasoning.isEmpty() && completionTokens == 0; }
};
