// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

#include <QStringList>

class SessionStore;

/**
 * @brief `baton sessions list | show ID | export ID --format md|json | search TEXT | unlock ID`.
 */
class SessionsCommand
{
public:
    explicit SessionsCommand(const CliContext &context);

    /// @p args are the words after `sessions`.
    [[nodiscard]] int run(const QStringList &args, const QString &format);

private:
    int list(SessionStore &store);
    int show(SessionStore &store, const QString &id);
    int exportSession(SessionStore &store, const QString &id, const QString &format);
    int search(SessionStore &store, const QString &text);
    /// Ends a running turn whoever holds it: for a holder no lease or process check can clear.
    int unlock(SessionStore &store, const QString &id);
    /// A full id or a unique prefix -> the full id; prints the error and returns empty otherwise.
    QString resolveId(SessionStore &store, const QString &idOrPrefix, int *status);

    const CliContext &m_ctx;
};
