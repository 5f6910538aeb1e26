// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

/**
 * @brief Splits terminal input into typed keys and pasted text, by the bracketed-paste markers.
 *
 * A terminal in bracketed-paste mode (CSI ? 2004 h) wraps a paste in ESC [200~ ... ESC [201~, so a
 * pasted newline is text, not Enter. Markers may arrive split across reads; bytes that might begin
 * one are held until the next read settles it, or until takeHeldKeys() gives them up as keys (an
 * Escape pressed alone must not wait for a paste that never comes).
 */
class BracketedPaste
{
public:
    struct Piece
    {
        bool pasted = false;
        QByteArray typed; // when !pasted: keys, for the line editor
        QString text; // when pasted: the pasted text, line ends as "\n"
    };

    /// What @p bytes complete, in order; an unfinished paste or marker waits for more.
    [[nodiscard]] QList<Piece> feed(const QByteArray &bytes);
    /// Outside a paste: the bytes held as a possible marker's start, now taken as keys.
    [[nodiscard]] QByteArray takeHeldKeys();
    [[nodiscard]] bool holdsKeys() const { return !m_inPaste && !m_held.isEmpty(); }

    static constexpr const char *enable = "\033[?2004h";
    static constexpr const char *disable = "\033[?2004l";

private:
    QByteArray m_held;
    QByteArray m_paste;
    bool m_inPaste = false;
};
