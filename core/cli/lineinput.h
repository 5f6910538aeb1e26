// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bracketedpaste.h"

#include <QObject>
#include <QStringList>

#include <cstdio>

class QSocketNotifier;

/**
 * @brief Lines from stdin, delivered by the event loop: libedit with history on a terminal, plain
 * lines from a pipe or file.
 *
 * While paused (a reply is streaming) a terminal shows no prompt and piped lines wait their turn,
 * so each line is one message, in order. On a terminal a paste is one message however many lines
 * it holds (bracketed paste), and a line ending in a backslash continues on the next.
 */
class LineInput : public QObject
{
    Q_OBJECT

public:
    explicit LineInput(const QString &historyFile, QObject *parent = nullptr);
    ~LineInput() override;

    [[nodiscard]] bool isTerminal() const { return m_terminal; }
    void start(const QString &prompt);
    /// Stops showing the prompt; called while a line is being handled, it keeps the prompt away
    /// until resume().
    void pause();
    void resume();
    /// Ctrl-C at the prompt: drop the half-typed line and show a fresh prompt.
    void discardLine();
    void stop();

Q_SIGNALS:
    void lineEntered(const QString &line);
    void endOfInput();

private:
    void readPipe();
    void readTerminal();
    /// Hands what the terminal sent to libedit, a key at a time, until a line is complete.
    void feedTerminal();
    void insertPaste(const QString &text);
    void continueLine(const QString &line);
    [[nodiscard]] QString expandPastes(QString line);
    static int nextKey(FILE *);
    void deliver(const QString &line);
    void deliverQueued();
    void installPrompt();
    static void onReadlineLine(char *line);

    QString m_historyFile;
    QString m_prompt;
    bool m_terminal = false;
    bool m_paused = true;
    bool m_atEnd = false;
    bool m_endSignalled = false;
    bool m_delivering = false;
    bool m_holdAfterDelivery = false;
    bool m_started = false;
    bool m_lineComplete = false; // libedit has a line; further keys wait for the next prompt
    QByteArray m_buffer;
    BracketedPaste m_paste;
    QList<BracketedPaste::Piece> m_pieces; // read from the terminal, not yet given to libedit
    QList<std::pair<QString, QString>> m_pastes; // the placeholder in the line, the pasted text
    QString m_continued; // the lines before, when the last one ended in a backslash
    QStringList m_queue;
    QSocketNotifier *m_notifier = nullptr;
    static LineInput *s_active;
};
