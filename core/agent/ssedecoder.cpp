// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssedecoder.h"

QList<QByteArray> SseDecoder::feed(const QByteArray &bytes)
{
    QList<QByteArray> events;
    if (m_overflowed)
        return events;
    m_pending += bytes;
    qsizetype start = 0;
    while (!m_overflowed) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0)
            break;
        QByteArrayView line(m_pending.constData() + start, newline - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() > maxLineBytes)
            m_overflowed = true;
        else
            takeLine(line, events);
        start = newline + 1;
    }
    // Only the unfinished tail is kept, so each byte is scanned once.
    m_pending.remove(0, start);
    if (m_pending.size() > maxLineBytes)
        m_overflowed = true;
    if (m_overflowed) {
        m_pending.clear();
        m_data.clear();
        m_hasData = false;
    }
    return events;
}

QList<QByteArray> SseDecoder::finish()
{
    QList<QByteArray> events;
    if (m_overflowed)
        return events;
    if (!m_pending.isEmpty()) {
        QByteArrayView line(m_pending);
        if (line.endsWith('\r'))
            line.chop(1);
        takeLine(line, events);
        m_pending.clear();
    }
    takeLine({}, events);
    return events;
}

void SseDecoder::takeLine(QByteArrayView line, QList<QByteArray> &events)
{
    if (line.isEmpty()) {
        if (m_hasData)
            events.append(m_data);
        m_data.clear();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':') || !line.startsWith("data"))
        return;
    QByteArrayView value = line.sliced(4);
    if (!value.isEmpty()) {
        if (value.front() != ':')
            return; // a field named "data..." but longer, like "dataset:"
        value = value.sliced(1);
    } // else "data" alone: the field with an empty value
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (m_data.size() + value.size() >= maxLineBytes) {
        m_overflowed = true;
        return;
    }
    if (m_hasData)
        m_data += '\n';
    m_data += value;
    m_hasData = true;
}
