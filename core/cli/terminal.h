// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/**
 * @brief The few terminal facts the commands need: is stdin a person, and reading without echo.
 */
namespace Terminal {

[[nodiscard]] bool stdinIsTerminal();
/// Reads one secret value from stdin: hidden, after @p prompt on stderr, when stdin is a terminal;
/// otherwise all of stdin without its trailing newline. nullopt when stdin is closed or unreadable.
[[nodiscard]] std::optional<QString> readSecret(const QString &prompt);

} // namespace Terminal
