// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"

#include <QTextStream>

/// Exit statuses every subcommand shares.
/// ExitConfig: baton.ini is malformed or holds a bad value (the line is named on stderr).
enum CliExit : int { ExitOk = 0, ExitFailure = 1, ExitUsage = 2, ExitConfig = 2 };

/**
 * @brief What a subcommand gets from the command line: resolved paths and where to write.
 */
struct CliContext
{
    AppPaths paths;
    QTextStream &out;
    QTextStream &err;

    /// Prints "baton: <sentence>" on stderr and returns @p status.
    int fail(int status, const QString &sentence) const
    {
        err << "baton: " << sentence << Qt::endl;
        return status;
    }
};
