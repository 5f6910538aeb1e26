// SPDX-License-Identifier: GPL-3.0-or-later
#include "replymeter.h"

void ReplyMeter::tokenAt(qint64 ms)
{
    if (m_firstMs < 0)
        m_firstMs = ms;
    m_lastMs = ms;
}

void ReplyMeter::setUsage(int promptTokens, int completionTokens)
{
    m_promptTokens = promptTokens;
    m_completionTokens = completionTokens;
}

int ReplyMeter::estimateTokens(qsizetype characters)
{
    return int((characters + 3) / 4);
}

ReplyStats ReplyMeter::stats(const QString &text, const QString &reasoning) const
{
    ReplyStats stats;
    stats.reasoning = reasoning;
    stats.promptTokens = m_promptTokens;
    stats.completionTokens = m_completionTokens;
    if (stats.completionTokens <= 0) {
        stats.completionTokens = estimateTokens(text.size() + reasoning.size());
        stats.estimated = stats.completionTokens > 0;
    }
    // n tokens span n - 1 gaps between the first and the last; one delta alone has no speed.
    const qint64 spanMs = m_lastMs - m_firstMs;
    if (m_firstMs >= 0 && spanMs > 0 && stats.completionTokens > 1)
        stats.tokensPerSecond = (stats.completionTokens - 1) * 1000.0 / double(spanMs);
    return stats;
}
