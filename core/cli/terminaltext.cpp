// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminaltext.h"

namespace {
constexpr char16_t esc = 0x1b;
constexpr char16_t bel = 0x07;

bool isControl(char16_t c)
{
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f);
}

// ESC P (DCS), X (SOS), ] (OSC), ^ (PM), _ (APC) start strings that run until ST or BEL.
bool startsString(char16_t afterEscape)
{
    return afterEscape == u'P' || afterEscape == u'X' || afterEscape == u']' || afterEscape == u'^'
        || afterEscape == u'_';
}
} // namespace

QString TerminalText::filter(const QString &chunk)
{
    QString out;
    out.reserve(chunk.size());
    for (const QChar c : chunk)
        step(c.unicode(), out);
    return out;
}

void TerminalText::step(char16_t c, QString &out)
{
    switch (m_state) {
    case State::Text:
        if (c == esc)
            m_state = State::Escape;
        else if (c == 0x9b)
            m_state = State::Csi;
        else if (c == 0x90 || c == 0x98 || c == 0x9d || c == 0x9e || c == 0x9f)
            m_state = State::String;
        else if (c == u'\n' || c == u'\t' || !isControl(c))
            out += QChar(c);
        return;
    case State::Escape:
        if (c == u'[')
            m_state = State::Csi;
        else if (startsString(c))
            m_state = State::String;
        else if (c < 0x20 || c == 0x7f) {
            // Not an escape sequence after all: the control is judged as text.
            m_state = State::Text;
            step(c, out);
        } else if (c > 0x2f)
            m_state = State::Text; // the final byte; 0x20-0x2f are intermediates (ESC ( B) before it
        return;
    case State::Csi:
        // Parameters and intermediates (0x20-0x3f) until a final byte (0x40-0x7e).
        if (c >= 0x40 && c <= 0x7e)
            m_state = State::Text;
        else if (c < 0x20 || c > 0x3f) {
            m_state = State::Text;
            step(c, out);
        }
        return;
    case State::String:
        if (c == bel || c == 0x9c)
            m_state = State::Text;
        else if (c == esc)
            m_state = State::StringEscape;
        else if (c == u'\n') {
            // A string left open must not swallow the rest of the reply.
            m_state = State::Text;
            out += QChar(c);
        }
        return;
    case State::StringEscape:
        // ESC \ ends the string (ST); an ESC followed by anything else starts a new sequence.
        m_state = State::Escape;
        if (c == u'\\')
            m_state = State::Text;
        else
            step(c, out);
        return;
    }
}

QString TerminalText::strip(const QString &text)
{
    TerminalText filter;
    return filter.filter(text);
}
