// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief Which language a fenced code block is written in, as a KSyntaxHighlighting definition
 * name ("C++", "Python", "Bash"...): shared by the window and the terminal so both colour a
 * block alike.
 */
namespace CodeLanguage {

/// The definition name for a fence's info string (its first word, any case: "cpp", "c++",
/// "py", "sh", "rs", "ts"...). Unknown words come back as they are: KSyntaxHighlighting may
/// know them by name or as a file extension. Without an info string the text is guessed from
/// (a shebang, `#include`, `<?xml`, a diff header...); nothing to go by gives "", plain text.
[[nodiscard]] QString forFence(const QString &info, const QString &code);

} // namespace CodeLanguage
