// SPDX-License-Identifier: GPL-3.0-or-later
#include "discordlinks.h"

#include "markdown/markdowndialect.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace DiscordLinks {

QString restrict(const QString &text)
{
    // [label](target) or [label](<target> "title"): the shapes Discord turns into a masked link.
    static const QRegularExpression link(u"\\[([^\\]\\n]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"\\n]*\")?\\s*\\)"_s);
    // Between ``` fences is code: shown as typed, never a link, so never touched.
    QStringList parts = text.split(u"```"_s);
    for (qsizetype i = 0; i < parts.size(); i += 2) {
        QString out;
        qsizetype from = 0;
        auto it = link.globalMatch(parts.at(i));
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            out += QStringView(parts.at(i)).mid(from, m.capturedStart() - from);
            out += safeLinkTarget(m.captured(2)).isEmpty() ? m.captured(1) : m.captured(0);
            from = m.capturedEnd();
        }
        out += QStringView(parts.at(i)).mid(from);
        parts[i] = out;
    }
    return parts.join(u"```"_s);
}

} // namespace DiscordLinks
