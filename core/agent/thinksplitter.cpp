// SPDX-License-Identifier: GPL-3.0-or-later
#include "thinksplitter.h"

using namespace Qt::StringLiterals;

namespace {
const QString openTag = u"<think>"_s;
const QString closeTag = u"</think>"_s;
constexpr qsizetype maxHeld = 1024; // leading blank lines before a tag, at most

/// How many characters at the end of @p text could begin @p tag (to hold back until the next delta).
qsizetype tagPrefixAtEnd(const QString &text, const QString &tag)
{
    for (qsizetype n = std::min(text.size(), tag.size() - 1); n > 0; --n) {
        if (QStringView(text).right(n) == QStringView(tag).left(n))
            return n;
    }
    return 0;
}

qsizetype leadingSpace(const QString &text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    return i;
}
} // namespace

ThinkSplitter::Parts ThinkSplitter::feed(const QString &delta)
{
    Parts parts;
    QString text = m_held + delta;
    m_held.clear();
    while (!text.isEmpty()) {
        switch (m_state) {
        case State::Start: {
            const QStringView rest = QStringView(text).mid(leadingSpace(text));
            if (text.size() > maxHeld) {
                m_state = State::Answer; // a tag comes first or not at all: no endless holding back
                continue;
            }
            if (rest.isEmpty() || (rest.size() < openTag.size() && openTag.startsWith(rest))) {
                m_held = text; // only spaces, or "<thi" so far: not clear yet
                return parts;
            }
            if (!rest.startsWith(openTag)) {
                m_state = State::Answer;
                continue;
            }
            m_state = State::Thinking;
            text = rest.mid(openTag.size()).toString();
            continue;
        }
        case State::Thinking: {
            const qsizetype end = text.indexOf(closeTag);
            if (end < 0) {
                const qsizetype hold = tagPrefixAtEnd(text, closeTag);
                parts.reasoning += text.first(text.size() - hold);
                m_held = text.right(hold);
                return parts;
            }
            parts.reasoning += text.first(end);
            text = text.mid(end + closeTag.size());
            m_state = State::TrimAfter;
            continue;
        }
        case State::TrimAfter: {
            // The blank line models put between the block and the answer is not the answer's.
            const qsizetype space = leadingSpace(text);
            if (space == text.size())
                return parts;
            text = text.mid(space);
            m_state = State::Answer;
            continue;
        }
        case State::Answer:
            parts.content += text;
            return parts;
        }
    }
    return parts;
}

ThinkSplitter::Parts ThinkSplitter::finish()
{
    Parts parts;
    if (m_state == State::Thinking)
        parts.reasoning = m_held;
    else if (m_state == State::Start)
        parts.content = m_held;
    m_held.clear();
    return parts;
}
