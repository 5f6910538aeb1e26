// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Takes a leading <think>…</think> block out of a reply's content as it streams.
 *
 * Models served without a reasoning parser (llama.cpp without --reasoning-format, many Ollama and
 * vLLM setups) write their reasoning into the content, between these tags, before the answer.
 * The tags may be split across deltas; an answer that only starts like "<thi" is held back until
 * it is clear. Only a block at the very start counts: a "<think>" later in an answer is text.
 */
class ThinkSplitter
{
public:
    struct Parts
    {
        QString content;
        QString reasoning;
    };

    /// The next content delta, as the answer and the reasoning it holds.
    [[nodiscard]] Parts feed(const QString &delta);
    /// The stream ended: what was held back. An unterminated block is reasoning (the stream was cut
    /// while the model was still thinking).
    [[nodiscard]] Parts finish();

private:
    enum class State { Start, Thinking, TrimAfter, Answer };
    State m_state = State::Start;
    QString m_held;
};
