// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairingcommand.h"

#include "config/platformcatalog.h"
#include "store/database.h"
#include "store/pairingstore.h"
#include "transcriptformat.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PairingCommand", text);
}

QString who(const PairingStore::Request &r)
{
    const QString where = PlatformCatalog::displayName(r.platform) + u' ' + r.userId;
    return r.userName.isEmpty() ? where : u"%1 (%2)"_s.arg(r.userName, where);
}
} // namespace

PairingCommand::PairingCommand(const CliContext &context)
    : m_ctx(context)
{ }

int PairingCommand::run(const QStringList &args)
{
    const QString action = args.value(0, u"list"_s);
    const bool list = action == "list"_L1 && args.size() <= 1;
    const bool decide = (action == "approve"_L1 || action == "deny"_L1) && args.size() == 2;
    if (!list && !decide)
        return m_ctx.fail(ExitUsage, tr("usage: baton pairing list | approve CODE | deny CODE"));

    Database db;
    if (!db.open(m_ctx.paths.databasePath()))
        return m_ctx.fail(ExitFailure, db.errorString());
    PairingStore pairing(db);

    if (list) {
        const QList<PairingStore::Request> requests = pairing.pendingRequests();
        if (!pairing.errorString().isEmpty())
            return m_ctx.fail(ExitFailure, pairing.errorString());
        if (requests.isEmpty()) {
            m_ctx.err << tr("No pairing requests are waiting.") << Qt::endl;
            return ExitOk;
        }
        for (const PairingStore::Request &r : requests)
            m_ctx.out << r.code << "  " << TranscriptFormat::localTime(r.requestedAt) << "  " << who(r) << '\n';
        m_ctx.out.flush();
        return ExitOk;
    }

    const auto request = action == "approve"_L1 ? pairing.approve(args.at(1)) : pairing.deny(args.at(1));
    if (!request) {
        if (!pairing.errorString().isEmpty())
            return m_ctx.fail(ExitFailure, pairing.errorString());
        return m_ctx.fail(ExitUsage,
            tr("no waiting pairing request has the code %1. `baton pairing list` shows them.").arg(args.at(1)));
    }
    m_ctx.out << (action == "approve"_L1 ? tr("Approved %1: they can talk to Baton now.").arg(who(*request))
                                         : tr("Denied %1.").arg(who(*request)))
              << Qt::endl;
    return ExitOk;
}
