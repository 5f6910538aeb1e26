// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

/**
 * @brief `baton`'s argument parsing and subcommand dispatch for the non-window modes.
 */
class CommandLine
{
public:
    CommandLine(QTextStream &out, QTextStream &err);

    /// Runs the command @p arguments name and returns the process exit status.
    [[nodiscard]] int run(const QStringList &arguments);

private:
    QTextStream &m_out;
    QTextStream &m_err;
};
