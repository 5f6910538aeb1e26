// SPDX-License-Identifier: GPL-3.0-or-later
#include "bracketedpaste.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace {

constexpr QByteArrayView pasteStart = "\033[200~";
constexpr QByteArrayView pasteEnd = "\033[201~";

/// How many bytes at the end of @p bytes could be the start of @p marker.
qsizetype heldForMarker(const QByteArray &bytes, QByteArrayView marker)
{
    for (qsizetype n = std::min(bytes.size(), marker.size() - 1); n >= 1; --n) {
        if (QByteArrayView(bytes).last(n) == marker.first(n))
            return n;
    }
    return 0;
}

} // namespace

QByteArray BracketedPaste::takeHeldKeys()
{
    if (m_inPaste)
        return {};
    return std::exchange(m_held, {});
}

QList<BracketedPaste::Piece> BracketedPaste::feed(const QByteArray &bytes)
{
    QList<Piece> pieces;
    QByteArray input = m_held + bytes;
    m_held.clear();
    while (!input.isEmpty()) {
        if (m_inPaste) {
            const qsizetype end = input.indexOf(pasteEnd);
            if (end < 0) {
                const qsizetype held = heldForMarker(input, pasteEnd);
                m_paste += input.first(input.size() - held);
                m_held = input.last(held);
                break;
            }
            m_paste += input.first(end);
            input.remove(0, end + pasteEnd.size());
            m_inPaste = false;
            QString text = QString::fromUtf8(m_paste);
            text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
            pieces << Piece { true, {}, text };
            m_paste.clear();
            continue;
        }
        const qsizetype start = input.indexOf(pasteStart);
        qsizetype typedEnd = start;
        if (start < 0) {
            const qsizetype held = heldForMarker(input, pasteStart);
            typedEnd = input.size() - held;
            m_held = input.last(held);
        }
        if (typedEnd > 0)
            pieces << Piece { false, input.first(typedEnd), {} };
        if (start < 0)
            break;
        input.remove(0, start + pasteStart.size());
        m_inPaste = true;
    }
    return pieces;
}
