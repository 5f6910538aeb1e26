// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/ansicodehighlighter.h"

#include <QObject>

#include <memory>

namespace KSyntaxHighlighting {
class Repository;
}

/**
 * @brief The terminal's code highlighter: KSyntaxHighlighting's definitions and themes, written
 * as ANSI colour sequences (24-bit where COLORTERM says the terminal has them, else 256 colours).
 *
 * KSyntaxHighlighting keeps its own AnsiHighlighter private (not installed), so the sequences
 * are made here from the public AbstractHighlighter.
 */
class AnsiHighlightPlugin : public QObject, public AnsiCodeHighlighter
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID BATON_ANSI_CODE_HIGHLIGHTER_IID)
    Q_INTERFACES(AnsiCodeHighlighter)

public:
    AnsiHighlightPlugin();
    ~AnsiHighlightPlugin() override;

    [[nodiscard]] QString highlight(const QString &code, const QString &language) override;

private:
    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
};
