// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

/**
 * @brief Colours code for a terminal with ANSI sequences.
 *
 * Implemented by the ansihighlight plugin (plugins/ansihighlight/), which links
 * KSyntaxHighlighting and with it QtGui: the headless `baton` never does, so it loads the plugin
 * only when it prints to a terminal (see CodeColouring).
 */
class AnsiCodeHighlighter
{
public:
    virtual ~AnsiCodeHighlighter() = default;
    /// @p code with colour sequences, line for line (a line's colours end at its end).
    /// @p language is a definition name from CodeLanguage::forFence or a file extension; code in
    /// a language it does not know comes back unchanged.
    [[nodiscard]] virtual QString highlight(const QString &code, const QString &language) = 0;
};

#define BATON_ANSI_CODE_HIGHLIGHTER_IID "org.baton.AnsiCodeHighlighter/1"
Q_DECLARE_INTERFACE(AnsiCodeHighlighter, BATON_ANSI_CODE_HIGHLIGHTER_IID)
