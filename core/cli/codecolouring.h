// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class AnsiCodeHighlighter;

/**
 * @brief Fenced code in terminal output, coloured when a person reads it.
 *
 * Prose passes through as it comes; lines of a fenced block are coloured by the ansihighlight
 * plugin. Without a highlighter everything passes through unchanged.
 */
class CodeColouring
{
public:
    /// Streaming: each code line is printed once it is complete (a reply as it arrives).
    /// Batch: a block is printed when its closing fence (or the end) arrives.
    enum class Mode { Streaming, Batch };

    explicit CodeColouring(AnsiCodeHighlighter *highlighter, Mode mode = Mode::Streaming);

    /// The highlighter for standard output: only when stdout is a terminal, NO_COLOR is unset,
    /// TERM is not "dumb" and the plugin is installed (builds with KF6SyntaxHighlighting).
    /// nullptr otherwise: a pipe or a file never gets escape sequences.
    [[nodiscard]] static AnsiCodeHighlighter *forStdout();
    /// The plugin regardless of the terminal; nullptr with @p error saying why when it is missing.
    [[nodiscard]] static AnsiCodeHighlighter *loadPlugin(QString *error = nullptr);

    /// The part of @p text (already free of control characters) ready to print.
    [[nodiscard]] QString feed(const QString &text);
    /// What is still held back, at the end of a message; the next text starts outside a block.
    [[nodiscard]] QString finish();
    /// All of @p text in one go.
    [[nodiscard]] static QString colour(const QString &text, AnsiCodeHighlighter *highlighter);

private:
    /// @p line's output with its newline; nothing for a line a batch holds back.
    [[nodiscard]] QString completeLine(const QString &line);
    [[nodiscard]] QString colouredCode(qsizetype fromLine) const;

    AnsiCodeHighlighter *m_highlighter;
    Mode m_mode;
    QString m_line; // the current line so far
    qsizetype m_printed = 0; // of m_line, already printed
    bool m_inCode = false;
    QString m_info; // the open block's info string
    QStringList m_code; // the open block's lines
};
