// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

#include <QStringList>

class PairingStore;

/**
 * @brief `baton pairing list | approve CODE | deny CODE | revoke PLATFORM:ID`: strangers' requests to
 * talk to Baton, and who may (owners from allowed_users, guests approved here).
 */
class PairingCommand
{
public:
    explicit PairingCommand(const CliContext &context);

    /// @p args are the words after `pairing`.
    [[nodiscard]] int run(const QStringList &args);

private:
    int list(PairingStore &pairing);
    int revoke(PairingStore &pairing, const QString &who);

    const CliContext &m_ctx;
};
