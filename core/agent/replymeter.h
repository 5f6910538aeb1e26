// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/replystats.h"

#include <QtGlobal>

/**
 * @brief Counts a reply's tokens and its speed, from the server's usage chunk when it sends one.
 *
 * Without a usage chunk the count is estimated at one token per four characters of answer and
 * reasoning (the rule of thumb for English text with the BPE tokenizers these models use), and
 * marked as estimated. The speed runs from the first token to the last, so the wait for the
 * first one (loading the model, reading the prompt) does not count against it.
 */
class ReplyMeter
{
public:
    /// A delta (answer, reasoning or tool call) arrived at @p ms (any monotonic clock).
    void tokenAt(qint64 ms);
    void setUsage(int promptTokens, int completionTokens);

    [[nodiscard]] ReplyStats stats(const QString &text, const QString &reasoning) const;
    [[nodiscard]] static int estimateTokens(qsizetype characters);

private:
    qint64 m_firstMs = -1;
    qint64 m_lastMs = -1;
    int m_promptTokens = 0;
    int m_completionTokens = 0;
};
