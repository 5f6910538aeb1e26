// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace PlatformIds {
/// Whether message id @p a came before @p b. Discord snowflakes (decimal 64-bit numbers) and
/// Slack ts values ("seconds.micro", fixed digits after the dot) both order this way as text: a
/// shorter one is older, equal lengths compare digit by digit. Never parsed: a double would round.
[[nodiscard]] inline bool isOlder(const QString &a, const QString &b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}
} // namespace PlatformIds
