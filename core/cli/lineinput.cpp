// SPDX-License-Identifier: GPL-3.0-or-later
#include "lineinput.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

#include <editline/readline.h>

LineInput *LineInput::s_active = nullptr;

LineInput::LineInput(const QString &historyFile, QObject *parent)
    : QObject(parent)
    , m_historyFile(historyFile)
    , m_terminal(isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1)
{ }

LineInput::~LineInput()
{
    stop();
}

void LineInput::start(const QString &prompt)
{
    m_prompt = prompt;
    m_started = true;
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    if (m_terminal) {
        s_active = this;
        // Ctrl-C is ours (InterruptNotifier); libedit must not take the signal.
        rl_catch_signals = 0;
        using_history();
        stifle_history(1000);
        QDir().mkpath(QFileInfo(m_historyFile).absolutePath());
        read_history(QFile::encodeName(m_historyFile).constData());
        connect(m_notifier, &QSocketNotifier::activated, this, [] { rl_callback_read_char(); });
    } else {
        connect(m_notifier, &QSocketNotifier::activated, this, &LineInput::readPipe);
    }
    resume();
}

void LineInput::installPrompt()
{
    rl_callback_handler_install(m_prompt.toLocal8Bit().constData(), &LineInput::onReadlineLine);
}

void LineInput::onReadlineLine(char *line)
{
    LineInput *self = s_active;
    if (!self)
        return;
    if (!line) {
        std::fputs("\n", stdout);
        self->m_atEnd = true;
        self->pause();
        Q_EMIT self->endOfInput();
        return;
    }
    const QString text = QString::fromLocal8Bit(line);
    if (!text.trimmed().isEmpty())
        add_history(line);
    std::free(line);
    // libedit redraws the prompt after this handler returns: act on the line afterwards, with the
    // prompt put away, so output never lands behind a stale prompt.
    QTimer::singleShot(0, self, [self, text] { self->deliver(text); });
}

void LineInput::deliver(const QString &line)
{
    pause();
    m_delivering = true;
    m_holdAfterDelivery = false;
    Q_EMIT lineEntered(line);
    m_delivering = false;
    if (!m_holdAfterDelivery)
        resume();
}

void LineInput::pause()
{
    if (m_delivering)
        m_holdAfterDelivery = true;
    if (m_paused)
        return;
    m_paused = true;
    if (m_terminal) {
        rl_callback_handler_remove();
        m_notifier->setEnabled(false);
        // Erase the prompt line; what the user typed stays on the line above.
        std::fputs("\r\033[K", stdout);
        std::fflush(stdout);
    }
}

void LineInput::resume()
{
    if (!m_started || !m_paused || (m_terminal && m_atEnd))
        return;
    m_paused = false;
    if (m_terminal) {
        installPrompt();
        m_notifier->setEnabled(true);
        return;
    }
    // Deliver from the event loop: the receiver may pause again after each line.
    QTimer::singleShot(0, this, &LineInput::deliverQueued);
}

void LineInput::discardLine()
{
    if (!m_terminal || m_paused)
        return;
    // Like a shell's ^C: the half-typed line stays visible, a fresh prompt starts below it.
    rl_replace_line("", 0);
    rl_callback_handler_remove();
    std::fputs("^C\n", stdout);
    installPrompt();
}

void LineInput::readPipe()
{
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n > 0) {
        m_buffer.append(chunk, n);
        qsizetype newline;
        while ((newline = m_buffer.indexOf('\n')) >= 0) {
            QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (line.endsWith('\r'))
                line.chop(1);
            m_queue << QString::fromUtf8(line);
        }
    } else {
        // End of input: the last line may lack its newline.
        m_notifier->setEnabled(false);
        if (!m_buffer.isEmpty())
            m_queue << QString::fromUtf8(m_buffer);
        m_buffer.clear();
        m_atEnd = true;
    }
    deliverQueued();
}

void LineInput::deliverQueued()
{
    while (!m_paused && !m_queue.isEmpty())
        Q_EMIT lineEntered(m_queue.takeFirst());
    if (!m_paused && m_queue.isEmpty() && m_atEnd && !m_endSignalled) {
        m_endSignalled = true;
        Q_EMIT endOfInput();
    }
}

void LineInput::stop()
{
    if (!m_started)
        return;
    m_started = false;
    if (m_terminal) {
        if (!m_paused)
            rl_callback_handler_remove();
        write_history(QFile::encodeName(m_historyFile).constData());
        s_active = nullptr;
    }
    m_paused = true;
    delete m_notifier;
    m_notifier = nullptr;
}
