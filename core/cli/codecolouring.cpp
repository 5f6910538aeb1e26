// SPDX-License-Identifier: GPL-3.0-or-later
#include "codecolouring.h"

#include "ansicodehighlighter.h"
#include "text/codelanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QPluginLoader>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr auto fence = "```"_L1;
const auto reset = u"\x1b[0m"_s;

/// Whether @p partial, an unfinished line, may still turn into a fence line.
bool mayBeFence(const QString &partial)
{
    const QString start = partial.trimmed();
    return start.startsWith(fence) || fence.startsWith(start);
}

} // namespace

CodeColouring::CodeColouring(AnsiCodeHighlighter *highlighter, Mode mode)
    : m_highlighter(highlighter)
    , m_mode(mode)
{ }

AnsiCodeHighlighter *CodeColouring::forStdout()
{
    // https://no-color.org: present and not empty means no colour.
    if (!qEnvironmentVariableIsEmpty("NO_COLOR") || qEnvironmentVariable("TERM") == "dumb"_L1
        || isatty(STDOUT_FILENO) != 1)
        return nullptr;
    return loadPlugin();
}

AnsiCodeHighlighter *CodeColouring::loadPlugin(QString *error)
{
    // Next to the build tree's bin/ (lib/baton) or where the package installs it.
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList dirs { appDir + u"/../lib/baton"_s, QStringLiteral(BATON_PLUGIN_DIR) };
    QStringList tried;
    for (const QString &dir : dirs) {
        const QString file = QDir::cleanPath(dir + u"/baton_ansihighlight.so"_s);
        if (!QFile::exists(file)) {
            tried << file;
            continue;
        }
        QPluginLoader loader(file);
        if (auto *highlighter = qobject_cast<AnsiCodeHighlighter *>(loader.instance()))
            return highlighter; // the loader's root object lives as long as the process
        tried << file + u": "_s + loader.errorString();
    }
    if (error)
        *error = QCoreApplication::translate("CodeColouring", "no terminal code highlighter (%1)")
                     .arg(tried.join(u"; "_s));
    return nullptr;
}

QString CodeColouring::colour(const QString &text, AnsiCodeHighlighter *highlighter)
{
    CodeColouring colouring(highlighter, Mode::Batch);
    return colouring.feed(text) + colouring.finish();
}

QString CodeColouring::feed(const QString &text)
{
    if (!m_highlighter)
        return text;
    QString out;
    qsizetype from = 0;
    for (qsizetype newline = text.indexOf(u'\n'); newline >= 0; newline = text.indexOf(u'\n', from)) {
        m_line += QStringView(text).sliced(from, newline - from);
        out += completeLine(m_line);
        m_line.clear();
        m_printed = 0;
        from = newline + 1;
    }
    m_line += QStringView(text).sliced(from);
    // Prose shows as it arrives; a line that may open or close a block waits for its end.
    if (!m_inCode && !mayBeFence(m_line)) {
        out += QStringView(m_line).sliced(m_printed);
        m_printed = m_line.size();
    }
    return out;
}

QString CodeColouring::finish()
{
    if (!m_highlighter)
        return {};
    QString out;
    if (m_inCode) {
        if (m_printed == 0 && !m_line.isEmpty())
            m_code << m_line;
        out = colouredCode(m_mode == Mode::Batch ? 0 : m_code.size() - (m_line.isEmpty() ? 0 : 1));
    } else {
        out = m_line.sliced(m_printed);
    }
    m_line.clear();
    m_printed = 0;
    m_inCode = false;
    m_code.clear();
    return out;
}

QString CodeColouring::completeLine(const QString &line)
{
    const QString rest = line.sliced(m_printed);
    if (line.trimmed().startsWith(fence)) {
        QString out;
        if (!m_inCode) {
            m_info = line.trimmed().sliced(fence.size());
            m_code.clear();
        } else if (m_mode == Mode::Batch && !m_code.isEmpty()) {
            out = colouredCode(0) + u'\n';
        }
        m_inCode = !m_inCode;
        return out + rest + u'\n';
    }
    if (!m_inCode)
        return rest + u'\n';
    m_code << line;
    return m_mode == Mode::Batch ? QString() : colouredCode(m_code.size() - 1) + u'\n';
}

QString CodeColouring::colouredCode(qsizetype fromLine) const
{
    if (fromLine >= m_code.size())
        return {};
    const QString code = m_code.join(u'\n');
    const QString language = CodeLanguage::forFence(m_info, code);
    const QStringList plain = m_code.sliced(fromLine);
    if (language.isEmpty())
        return plain.join(u'\n');
    // Highlighting carries state from line to line (a comment, a string): the whole block so far
    // is coloured and only the lines not printed yet are kept.
    QStringList lines = m_highlighter->highlight(code, language).split(u'\n');
    if (lines.size() < m_code.size())
        return plain.join(u'\n');
    lines = lines.sliced(fromLine, m_code.size() - fromLine);
    for (QString &l : lines)
        l += reset;
    return lines.join(u'\n');
}
