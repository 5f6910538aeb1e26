// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

/**
 * @brief Splits a text/event-stream into the data payloads of its events, however the bytes arrive.
 *
 * Lines may end in \n or \r\n and be cut anywhere between reads; comment lines (":") and other
 * fields are dropped; several data lines of one event are joined with \n.
 */
class SseDecoder
{
public:
    /// A line, or one event's data, longer than this ends the stream: nothing the model says is
    /// that long, and the buffer must not grow with whatever a broken or hostile server sends.
    static constexpr qsizetype maxLineBytes = 1024 * 1024;

    /// The payloads of every event that @p bytes completed.
    [[nodiscard]] QList<QByteArray> feed(const QByteArray &bytes);
    /// At the end of the stream: an event that lacked its closing blank line.
    [[nodiscard]] QList<QByteArray> finish();
    /// True once a line or an event passed maxLineBytes; feed() then returns nothing more.
    [[nodiscard]] bool overflowed() const { return m_overflowed; }

private:
    void takeLine(QByteArrayView line, QList<QByteArray> &events);

    QByteArray m_pending; // an incomplete line
    QByteArray m_data; // the current event's data so far
    bool m_hasData = false;
    bool m_overflowed = false;
};
