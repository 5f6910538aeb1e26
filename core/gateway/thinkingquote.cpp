// SPDX-License-Identifier: GPL-3.0-or-later
#include "thinkingquote.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace ThinkingQuote {

QString prepend(const QString &reasoning, const QString &answer)
{
    const QString trimmed = reasoning.trimmed();
    if (trimmed.isEmpty())
        return answer;
    // Every line quoted, blank ones too, so the block stays one quote on every platform's Markdown.
    QStringList lines { u"> **%1**"_s.arg(QCoreApplication::translate("ThinkingQuote", "Thinking")) };
    for (const QString &line : trimmed.split(u'\n'))
        lines << (line.trimmed().isEmpty() ? u">"_s : u"> "_s + line);
    return lines.join(u'\n') + u"\n\n"_s + answer;
}

} // namespace ThinkingQuote
