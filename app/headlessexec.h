// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string>

/**
 * @brief Replaces the window binary by `baton-headless` for every command that opens no window.
 *
 * exec keeps the process: the same pid, arguments, exit status and signals. The headless binary
 * is looked for beside this executable first (an installed or a build tree keeps them together),
 * then on PATH.
 */
namespace HeadlessExec {

/// The file name of the headless executable.
inline constexpr char binaryName[] = "baton-headless";

/// Why the exec failed: where it looked and the error that says most.
struct Failure
{
    std::string directory;
    int error = 0;
};

/// execs `baton-headless` with @p argv; returns only when it could not.
[[nodiscard]] Failure exec(char *argv[]);

/// The sentence for @p failure, translated (call it once a QCoreApplication exists).
[[nodiscard]] QString describe(const Failure &failure);

} // namespace HeadlessExec
