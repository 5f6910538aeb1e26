// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clicontext.h"

#include <QObject>

class SecretStore;

/**
 * @brief `baton secret set|delete NAME`: the value comes from stdin, never from argv.
 */
class SecretCommand : public QObject
{
    Q_OBJECT

public:
    explicit SecretCommand(const CliContext &context, QObject *parent = nullptr);

    /// @p args are the words after `secret`; finished() follows.
    void start(const QStringList &args);

Q_SIGNALS:
    void finished(int status);

private:
    void finish(int status, const QString &sentence = {});

    const CliContext &m_ctx;
    SecretStore *m_secrets;
};
