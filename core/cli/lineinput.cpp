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

using namespace Qt::StringLiterals;

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
        // Before libedit initialises (the history calls do): it reads its keys from us, since the
        // bracketed-paste markers must be taken out first.
        rl_getc_function = &LineInput::nextKey;
        using_history();
        stifle_history(1000);
        QDir().mkpath(QFileInfo(m_historyFile).absolutePath());
        read_history(QFile::encodeName(m_historyFile).constData());
        std::fputs(BracketedPaste::enable, stdout);
        connect(m_notifier, &QSocketNotifier::activated, this, &LineInput::readTerminal);
    } else {
        connect(m_notifier, &QSocketNotifier::activated, this, &LineInput::readPipe);
    }
    resume();
}

void LineInput::installPrompt()
{
    m_lineComplete = false;
    const QString prompt = m_continued.isEmpty() ? m_prompt : QString(m_prompt.size() - 1, u'.') + u' ';
    rl_callback_handler_install(prompt.toLocal8Bit().constData(), &LineInput::onReadlineLine);
}

void LineInput::readTerminal()
{
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) { // the terminal went away: as Ctrl-D
        m_notifier->setEnabled(false);
        return onReadlineLine(nullptr);
    }
    m_pieces << m_paste.feed(QByteArray(chunk, n));
    if (m_paste.holdsKeys()) {
        // An ESC (or ESC [) at the end of a read: a paste marker follows at once, an Escape key does not.
        QTimer::singleShot(30, this, [this] {
            if (m_paste.holdsKeys()) {
                m_pieces << BracketedPaste::Piece { false, m_paste.takeHeldKeys(), {} };
                feedTerminal();
            }
        });
    }
    feedTerminal();
}

void LineInput::feedTerminal()
{
    while (!m_paused && !m_lineComplete && !m_pieces.isEmpty()) {
        BracketedPaste::Piece &piece = m_pieces.first();
        if (piece.pasted) {
            const QString text = piece.text;
            m_pieces.removeFirst();
            insertPaste(text);
            continue;
        }
        while (!piece.typed.isEmpty() && !m_paused && !m_lineComplete)
            rl_callback_read_char(); // takes its keys through nextKey()
        if (piece.typed.isEmpty())
            m_pieces.removeFirst();
    }
}

int LineInput::nextKey(FILE *)
{
    QByteArray *keys = s_active && !s_active->m_pieces.isEmpty() && !s_active->m_pieces.first().pasted
        ? &s_active->m_pieces.first().typed
        : nullptr;
    const auto byte = [keys]() -> int {
        if (keys && !keys->isEmpty()) {
            const int b = uchar(keys->front());
            keys->remove(0, 1);
            return b;
        }
        // The rest of a key sequence the terminal sent in two reads: it follows at once.
        unsigned char c = 0;
        return ::read(STDIN_FILENO, &c, 1) == 1 ? c : -1;
    };
    // libedit wants characters, not bytes: decode one UTF-8 sequence.
    const int first = byte();
    if (first < 0x80)
        return first;
    const int extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0;
    int character = first & (0x3F >> extra);
    for (int i = 0; i < extra; ++i) {
        const int next = byte();
        if (next < 0)
            return -1;
        character = (character << 6) | (next & 0x3F);
    }
    return character;
}

void LineInput::insertPaste(const QString &text)
{
    if (!text.contains(u'\n')) {
        rl_insert_text(text.toLocal8Bit().constData());
    } else {
        // Lines cannot be edited in place: the line shows a placeholder, and Enter sends the text.
        const int lines = int(text.count(u'\n')) + (text.endsWith(u'\n') ? 0 : 1);
        QString placeholder = tr("[pasted %n lines]", nullptr, lines);
        if (!m_pastes.isEmpty())
            placeholder.insert(placeholder.size() - 1, u" #"_s + QString::number(m_pastes.size() + 1));
        m_pastes.append({ placeholder, text });
        rl_insert_text(placeholder.toLocal8Bit().constData());
    }
    rl_forced_update_display(); // not rl_redisplay(): libedit pushes a ^R for it, which starts a search
}

QString LineInput::expandPastes(QString line)
{
    for (const auto &[placeholder, text] : std::as_const(m_pastes))
        line.replace(placeholder, text);
    m_pastes.clear();
    return line;
}

void LineInput::continueLine(const QString &line)
{
    m_continued += line + u'\n';
    // After this handler libedit draws the old prompt again: replace it with the continuation's.
    QTimer::singleShot(0, this, [this] {
        rl_callback_handler_remove();
        std::fputs("\r\033[K", stdout);
        installPrompt();
        feedTerminal();
    });
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
    const QString typed = QString::fromLocal8Bit(line);
    self->m_lineComplete = true;
    const bool hadPaste = !self->m_pastes.isEmpty();
    if (!typed.trimmed().isEmpty() && !hadPaste)
        add_history(line);
    std::free(line);
    if (typed.endsWith(u'\\'))
        return self->continueLine(self->expandPastes(typed.chopped(1)));
    const QString text = self->m_continued + self->expandPastes(typed);
    self->m_continued.clear();
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
        // Keys typed while a reply streamed, or after the line just sent, in the same read.
        QTimer::singleShot(0, this, &LineInput::feedTerminal);
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
    m_pastes.clear();
    m_continued.clear();
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
        if (!m_paused) {
            rl_callback_handler_remove();
            std::fputs("\n", stdout); // the shell's prompt starts on a line of its own
        }
        std::fputs(BracketedPaste::disable, stdout);
        std::fflush(stdout);
        write_history(QFile::encodeName(m_historyFile).constData());
        s_active = nullptr;
    }
    m_paused = true;
    delete m_notifier;
    m_notifier = nullptr;
}
