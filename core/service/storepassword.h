// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/apppaths.h"

#include <QObject>

/**
 * @brief Reads the PostgreSQL store's password (store.password) from the keychain once, before the
 * first connection, and hands it to every Database this process opens (docs/several-machines.md).
 *
 * Nothing to read for state.db, or when BATON_STORE_PASSWORD is set: ready() comes at once (queued).
 * A keychain that cannot answer is not fatal: libpq may still find ~/.pgpass, and a refused
 * connection says where the password goes.
 */
class StorePassword : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// Whether @p paths names a PostgreSQL store whose password must come from the keychain.
    [[nodiscard]] static bool needed(const AppPaths &paths);
    /// Answers with ready().
    void load(const AppPaths &paths);

Q_SIGNALS:
    void ready();
};
