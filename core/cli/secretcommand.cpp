// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretcommand.h"

#include "config/secretstore.h"
#include "terminal.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

SecretCommand::SecretCommand(const CliContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_secrets(new SecretStore(this))
{ }

void SecretCommand::finish(int status, const QString &sentence)
{
    if (!sentence.isEmpty())
        (status == ExitOk ? m_ctx.out : m_ctx.err) << (status == ExitOk ? "" : "baton: ") << sentence << Qt::endl;
    Q_EMIT finished(status);
}

void SecretCommand::start(const QStringList &args)
{
    const QString action = args.value(0);
    const QString name = args.value(1);
    if (args.size() != 2 || (action != "set"_L1 && action != "delete"_L1))
        return finish(ExitUsage, tr("usage: baton secret set|delete NAME (the value is read from stdin)"));
    if (!SecretStore::names().contains(name))
        return finish(ExitUsage, tr("unknown secret '%1'; known: %2.").arg(name, SecretStore::names().join(u", "_s)));

    if (action == "delete"_L1) {
        connect(m_secrets, &SecretStore::removeFinished, this,
            [this](const QString &secret, bool existed, const QString &error) {
                if (!error.isEmpty())
                    return finish(ExitFailure, error);
                finish(ExitOk,
                    existed ? tr("Deleted %1 from the keychain.").arg(secret)
                            : tr("%1 was not in the keychain; nothing to delete.").arg(secret));
            });
        m_secrets->remove(name);
        return;
    }

    const std::optional<QString> value = Terminal::readSecret(tr("Value for %1 (input hidden): ").arg(name));
    if (!value || value->trimmed().isEmpty())
        return finish(
            ExitUsage, tr("no value for %1 on stdin; pipe it in, e.g. `baton secret set %1 < token.txt`.").arg(name));
    connect(m_secrets, &SecretStore::writeFinished, this, [this](const QString &secret, const QString &error) {
        if (!error.isEmpty())
            return finish(ExitFailure, error);
        QString note = tr("Stored %1 in the keychain.").arg(secret);
        if (!qEnvironmentVariableIsEmpty(SecretStore::environmentVariable(secret).toLatin1().constData()))
            note += u' '
                + tr("Note: %1 is set in this environment and wins over the keychain.")
                      .arg(SecretStore::environmentVariable(secret));
        finish(ExitOk, note);
    });
    m_secrets->write(name, value->trimmed());
}
