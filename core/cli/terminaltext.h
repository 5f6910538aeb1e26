// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Model and platform text made harmless for a terminal.
 *
 * Escape sequences could set the clipboard (OSC 52), plant links (OSC 8) or clear the screen. They
 * are removed whole (ESC, CSI, OSC, DCS and the other string sequences, 7- and 8-bit forms), and so
 * is every other C0 and C1 control and DEL; newline and tab stay.
 */
class TerminalText
{
public:
    /// Returns @p chunk without control characters. A sequence split across chunks is removed
    /// whole: the filter remembers where the previous chunk left off.
    [[nodiscard]] QString filter(const QString &chunk);
    /// Forgets an unfinished sequence (the next text starts clean).
    void reset() { m_state = State::Text; }

    /// All of @p text, filtered in one go.
    [[nodiscard]] static QString strip(const QString &text);

private:
    enum class State { Text, Escape, Csi, String, StringEscape };
    void step(char16_t c, QString &out);

    State m_state = State::Text;
};
