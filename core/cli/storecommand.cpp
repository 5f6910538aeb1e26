// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecommand.h"

#include "config/storelocation.h"
#include "service/storepassword.h"
#include "store/database.h"
#include "store/storecopy.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

StoreCommand::StoreCommand(const CliContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{ }

void StoreCommand::start(const QStringList &args, const QString &from, const QString &to)
{
    if (args != QStringList { u"copy"_s })
        return finish(m_ctx.fail(ExitUsage, tr("usage: baton store copy [--from FILE] [--to URL]")));
    // Without --to: the store baton.ini (or BATON_STORE_URL) already names, ready to be filled.
    m_to = to.isEmpty() ? m_ctx.paths.storeUrl : to;
    if (m_to.isEmpty())
        return finish(m_ctx.fail(ExitUsage,
            tr("name the PostgreSQL store to copy into: --to postgresql://user@host:port/database (or set url "
               "under [store] in baton.ini).")));
    QString error;
    const StoreLocation target = StoreLocation::parse(m_to, &error);
    if (!error.isEmpty())
        return finish(m_ctx.fail(ExitUsage, error));
    if (!target.isPostgres())
        return finish(
            m_ctx.fail(ExitUsage, tr("--to takes a postgresql:// url; the copy goes from state.db into PostgreSQL.")));
    m_from = from.isEmpty() ? QDir(m_ctx.paths.dataDir).filePath(u"state.db"_s) : from;
    // Database::open would make an empty one, and an empty copy helps nobody.
    if (!QFileInfo(m_from).isFile())
        return finish(
            m_ctx.fail(ExitFailure, tr("there is no store at %1 to copy (--from names another).").arg(m_from)));

    // The target's password, as for any PostgreSQL store: the environment, else the keychain.
    AppPaths targetPaths = m_ctx.paths;
    targetPaths.storeUrl = m_to;
    auto *password = new StorePassword(this);
    connect(password, &StorePassword::ready, this, [this] { finish(copy()); });
    password->load(targetPaths);
}

int StoreCommand::copy()
{
    Database source;
    if (!source.open(m_from))
        return m_ctx.fail(ExitFailure, source.errorString());
    Database target;
    if (!target.open(m_to))
        return m_ctx.fail(ExitFailure, target.errorString());

    m_ctx.out << tr("Copying %1 into %2").arg(source.path(), target.path()) << Qt::endl;
    StoreCopy copy(source, target);
    const StoreCopy::Result result = copy.run([this](const StoreCopy::Table &table) {
        m_ctx.out << "  " << table.name.leftJustified(18) << ' '
                  << tr("%1 rows: %2 new, %3 already there").arg(table.rows).arg(table.copied).arg(table.present);
        if (table.conflicts > 0)
            m_ctx.out << tr(", %1 with other values there").arg(table.conflicts);
        m_ctx.out << Qt::endl;
    });
    if (!result.ok)
        return m_ctx.fail(ExitFailure, result.error);
    qint64 copied = 0, present = 0;
    for (const StoreCopy::Table &table : result.tables) {
        copied += table.copied;
        present += table.present;
    }
    m_ctx.out << tr("Done: %1 rows copied into %2 tables, %3 were there already. Point Baton at it with url=%4 "
                    "under [store] in baton.ini.")
                     .arg(copied)
                     .arg(result.tables.size())
                     .arg(present)
                     .arg(target.path())
              << Qt::endl;
    return ExitOk;
}

void StoreCommand::finish(int status)
{
    Q_EMIT finished(status);
}
