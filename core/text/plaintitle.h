// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/**
 * @brief A session title as words, without its Markdown: titles are taken from a first message or
 * written by a model, and are shown as plain text everywhere (sidebar, header, window title,
 * notifications, `baton sessions`).
 *
 * `**Plan** for \`x\`` becomes "Plan for x", `# Notes` becomes "Notes", `[docs](https://x.org)`
 * becomes "docs". Raw HTML stays as written (it is text, never markup); a title that is nothing but
 * Markdown (a lone fence) stays as it was, so no title turns empty.
 */
[[nodiscard]] QString plainTitle(const QString &title);
