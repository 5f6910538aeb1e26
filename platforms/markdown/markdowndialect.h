// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

/**
 * @brief How one chat platform writes the rich text a model's Markdown asks for. renderMarkdown()
 * walks the Markdown with md4c once and writes it in any dialect, so every platform gets the same
 * lists, quotes, code blocks and tables, only spelled its own way. Links lead only to http(s) and
 * mailto (others keep their label as text).
 */
struct MarkdownDialect
{
    struct Pair
    {
        QString open;
        QString close;
    };
    std::function<QString(QStringView)> escape;
    QStringList keptEntities; // entities written as they are; others are shown as typed
    bool keepNumericEntities = false;
    Pair bold;
    Pair italic;
    Pair strike;
    Pair code;
    Pair heading;
    std::function<QString(const QString &href)> linkOpen;
    QString linkClose;
    std::function<QString(const QString &language)> preOpen;
    std::function<QString(const QString &language)> preClose;
    Pair quote; // around a quote
    QString quoteLinePrefix; // or before each of its lines
    // `@name` in running text stops being a mention: a model must not ping people or groups.
    bool defuseMentions = false;
    bool quotesNest = true; // false: a quote in a quote is written as part of the outer one
};

/// @p href if it is an http(s) or mailto link (a bare www. or e-mail address made one), else
/// empty: other schemes open commands, mentions or files on the reader's side.
[[nodiscard]] QString safeLinkTarget(const QString &href);

/// @p markdown in @p dialect: balanced, escaped, never failing (plain escaped text at worst).
[[nodiscard]] QString renderMarkdown(const QString &markdown, const MarkdownDialect &dialect);
