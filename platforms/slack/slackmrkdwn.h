// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief The model's Markdown as Slack's mrkdwn, which is not CommonMark: `*bold* _italic_
 * ~strike~ <url|label>`, quotes as `>` lines, and & < > escaped.
 */
namespace SlackMrkdwn {

[[nodiscard]] QString fromMarkdown(const QString &markdown);
[[nodiscard]] QString escape(QStringView text);

} // namespace SlackMrkdwn
