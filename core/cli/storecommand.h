// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

#include <QObject>
#include <QStringList>

/**
 * @brief `baton store copy [--from FILE] [--to URL]`: copies state.db into a PostgreSQL store
 * (StoreCopy), with a line per table and a summary.
 *
 * The store's password is read first (BATON_STORE_PASSWORD, else the keychain's store.password),
 * so finished() may follow after start() returned.
 */
class StoreCommand : public QObject
{
    Q_OBJECT

public:
    explicit StoreCommand(const CliContext &context, QObject *parent = nullptr);

    /// @p args are the words after `store`; @p from and @p to are the options, empty when not given.
    void start(const QStringList &args, const QString &from, const QString &to);

Q_SIGNALS:
    void finished(int status);

private:
    int copy();
    void finish(int status);

    const CliContext &m_ctx;
    QString m_from;
    QString m_to;
};
