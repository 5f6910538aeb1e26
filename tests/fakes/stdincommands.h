// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSocketNotifier>
#include <QStringList>

#include <functional>
#include <unistd.h>

/**
 * @brief What the standalone fakes read on stdin: one command per line, split into words
 * (`say USER CHAT text...`), handed to @p handle as the event loop sees them.
 */
class StdinCommands : public QObject
{
public:
    explicit StdinCommands(std::function<void(const QStringList &words)> handle, QObject *parent = nullptr)
        : QObject(parent)
        , m_notifier(STDIN_FILENO, QSocketNotifier::Read)
        , m_handle(std::move(handle))
    {
        connect(&m_notifier, &QSocketNotifier::activated, this, [this] {
            char chunk[1024];
            const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (n <= 0)
                return m_notifier.setEnabled(false);
            m_pending.append(chunk, n);
            qsizetype newline;
            while ((newline = m_pending.indexOf('\n')) >= 0) {
                const QStringList words = QString::fromUtf8(m_pending.left(newline)).split(u' ', Qt::SkipEmptyParts);
                m_pending.remove(0, newline + 1);
                if (!words.isEmpty())
                    m_handle(words);
            }
        });
    }

private:
    QSocketNotifier m_notifier;
    QByteArray m_pending;
    std::function<void(const QStringList &)> m_handle;
};
