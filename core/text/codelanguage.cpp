// SPDX-License-Identifier: GPL-3.0-or-later
#include "codelanguage.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

/// The words models put after ``` mapped to KSyntaxHighlighting's definition names.
const QHash<QString, QString> &aliases()
{
    static const QHash<QString, QString> table {
        { u"c++"_s, u"C++"_s },
        { u"cpp"_s, u"C++"_s },
        { u"cxx"_s, u"C++"_s },
        { u"cc"_s, u"C++"_s },
        { u"hpp"_s, u"C++"_s },
        { u"h"_s, u"C++"_s },
        { u"c"_s, u"C"_s },
        { u"objc"_s, u"Objective-C"_s },
        { u"cs"_s, u"C#"_s },
        { u"c#"_s, u"C#"_s },
        { u"csharp"_s, u"C#"_s },
        { u"js"_s, u"JavaScript"_s },
        { u"javascript"_s, u"JavaScript"_s },
        { u"node"_s, u"JavaScript"_s },
        { u"mjs"_s, u"JavaScript"_s },
        { u"jsx"_s, u"JavaScript React (JSX)"_s },
        { u"ts"_s, u"TypeScript"_s },
        { u"typescript"_s, u"TypeScript"_s },
        { u"tsx"_s, u"TypeScript React (TSX)"_s },
        { u"py"_s, u"Python"_s },
        { u"python"_s, u"Python"_s },
        { u"python3"_s, u"Python"_s },
        { u"py3"_s, u"Python"_s },
        { u"sh"_s, u"Bash"_s },
        { u"bash"_s, u"Bash"_s },
        { u"shell"_s, u"Bash"_s },
        { u"console"_s, u"Bash"_s },
        { u"zsh"_s, u"Zsh"_s },
        { u"fish"_s, u"Fish"_s },
        { u"ps1"_s, u"PowerShell"_s },
        { u"powershell"_s, u"PowerShell"_s },
        { u"rs"_s, u"Rust"_s },
        { u"rust"_s, u"Rust"_s },
        { u"go"_s, u"Go"_s },
        { u"golang"_s, u"Go"_s },
        { u"rb"_s, u"Ruby"_s },
        { u"ruby"_s, u"Ruby"_s },
        { u"perl"_s, u"Perl"_s },
        { u"haskell"_s, u"Haskell"_s },
        { u"scala"_s, u"Scala"_s },
        { u"dart"_s, u"Dart"_s },
        { u"r"_s, u"R Script"_s },
        { u"kt"_s, u"Kotlin"_s },
        { u"kotlin"_s, u"Kotlin"_s },
        { u"java"_s, u"Java"_s },
        { u"swift"_s, u"Swift"_s },
        { u"php"_s, u"PHP (HTML)"_s },
        { u"pl"_s, u"Perl"_s },
        { u"lua"_s, u"Lua"_s },
        { u"hs"_s, u"Haskell"_s },
        { u"sql"_s, u"SQL"_s },
        { u"json"_s, u"JSON"_s },
        { u"yaml"_s, u"YAML"_s },
        { u"yml"_s, u"YAML"_s },
        { u"toml"_s, u"TOML"_s },
        { u"ini"_s, u"INI Files"_s },
        { u"xml"_s, u"XML"_s },
        { u"html"_s, u"HTML"_s },
        { u"css"_s, u"CSS"_s },
        { u"scss"_s, u"SCSS"_s },
        { u"md"_s, u"Markdown"_s },
        { u"markdown"_s, u"Markdown"_s },
        { u"diff"_s, u"Diff"_s },
        { u"patch"_s, u"Diff"_s },
        { u"cmake"_s, u"CMake"_s },
        { u"make"_s, u"Makefile"_s },
        { u"makefile"_s, u"Makefile"_s },
        { u"dockerfile"_s, u"Dockerfile"_s },
        { u"docker"_s, u"Dockerfile"_s },
        { u"qml"_s, u"QML"_s },
        { u"tex"_s, u"LaTeX"_s },
        { u"latex"_s, u"LaTeX"_s },
    };
    return table;
}

QString fromShebang(const QString &firstLine)
{
    // "#!/usr/bin/env -S python3 -u", "#!/bin/bash": the interpreter's name without a version.
    const QStringList words = firstLine.sliced(2).split(u' ', Qt::SkipEmptyParts);
    QString name = words.value(0).section(u'/', -1);
    if (name == "env"_L1) {
        name.clear();
        for (qsizetype i = 1; i < words.size() && name.isEmpty(); ++i) {
            if (!words.at(i).startsWith(u'-'))
                name = words.at(i);
        }
    }
    while (!name.isEmpty() && (name.back().isDigit() || name.back() == u'.'))
        name.chop(1);
    static const QHash<QString, QString> interpreters { { u"sh"_s, u"Bash"_s }, { u"bash"_s, u"Bash"_s },
        { u"dash"_s, u"Bash"_s }, { u"zsh"_s, u"Zsh"_s }, { u"python"_s, u"Python"_s }, { u"node"_s, u"JavaScript"_s },
        { u"perl"_s, u"Perl"_s }, { u"ruby"_s, u"Ruby"_s }, { u"lua"_s, u"Lua"_s }, { u"php"_s, u"PHP (HTML)"_s } };
    return interpreters.value(name.toLower());
}

QString guess(const QString &code)
{
    const QString text = code.trimmed();
    const QString firstLine = text.section(u'\n', 0, 0);
    if (firstLine.startsWith(u"#!"_s))
        return fromShebang(firstLine);
    if (text.startsWith(u"<?xml"_s))
        return u"XML"_s;
    if (text.startsWith(u"<!DOCTYPE html"_s, Qt::CaseInsensitive) || text.startsWith(u"<html"_s, Qt::CaseInsensitive))
        return u"HTML"_s;
    if (text.startsWith(u"diff --git"_s) || (text.startsWith(u"--- "_s) && text.contains(u"\n+++ "_s)))
        return u"Diff"_s;
    static const QRegularExpression cpp(
        u"^\\s*#\\s*(include\\s*[<\"]|pragma once|define\\s)"_s, QRegularExpression::MultilineOption);
    if (cpp.match(text).hasMatch())
        return u"C++"_s;
    static const QRegularExpression python(
        u"^(def \\w+\\(.*\\):|from [\\w.]+ import |import \\w+$)"_s, QRegularExpression::MultilineOption);
    if (python.match(text).hasMatch())
        return u"Python"_s;
    static const QRegularExpression rust(
        u"^\\s*(fn \\w+\\(|use \\w+::|impl\\b)"_s, QRegularExpression::MultilineOption);
    if (rust.match(text).hasMatch())
        return u"Rust"_s;
    return {};
}

} // namespace

QString CodeLanguage::forFence(const QString &info, const QString &code)
{
    // "python title=x.py", "{.cpp}": the first word names the language.
    QString word = info.trimmed().section(u' ', 0, 0).toLower();
    word.remove(u'{').remove(u'}');
    if (word.startsWith(u'.'))
        word.remove(0, 1);
    if (word.isEmpty() || word == "text"_L1 || word == "plain"_L1 || word == "txt"_L1)
        return word.isEmpty() ? guess(code) : QString();
    return aliases().value(word, word);
}
