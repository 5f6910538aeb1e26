// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

#include <QStringList>

/**
 * @brief `baton pairing list | approve CODE | deny CODE`: strangers' requests to talk to Baton.
 */
class PairingCommand
{
public:
    explicit PairingCommand(const CliContext &context);

    /// @p args are the words after `pairing`.
    [[nodiscard]] int run(const QStringList &args);

private:
    const CliContext &m_ctx;
};
