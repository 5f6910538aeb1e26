// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class Settings;

/**
 * @brief The requester's checks before a handoff is queued, in the reference's order.
 */
namespace HandoffValidation {

struct Verdict
{
    bool ok = false;
    QString sentence; // what is wrong and how to fix it; empty when ok
};

/// No platform -> unknown platform -> platform not enabled -> no home channel.
[[nodiscard]] Verdict check(const Settings &settings, const QString &platform);

} // namespace HandoffValidation
