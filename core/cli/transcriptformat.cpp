// SPDX-License-Identifier: GPL-3.0-or-later
#include "transcriptformat.h"

#include "terminaltext.h"
#include "text/transcriptexport.h"

namespace TranscriptFormat {

QString localTime(qint64 ms)
{
    return TranscriptExport::localTime(ms);
}

QString toMarkdown(const Session &session, const QList<Message> &messages, const std::optional<QString> &systemPrompt)
{
    // Read in a terminal or a pager as often as in an editor: no control sequences survive.
    return TerminalText::strip(TranscriptExport::toMarkdown(session, messages, systemPrompt));
}

QByteArray toJson(const Session &session, const QList<Message> &messages, const std::optional<QString> &systemPrompt)
{
    // JSON escapes every control character itself.
    return TranscriptExport::toJson(session, messages, systemPrompt);
}

} // namespace TranscriptFormat
