// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairingcommand.h"

#include "config/platformcatalog.h"
#include "config/settings.h"
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
    const bool decide = (action == "approve"_L1 || action == "deny"_L1 || action == "revoke"_L1) && args.size() == 2;
    if (!list && !decide)
        return m_ctx.fail(
            ExitUsage, tr("usage: baton pairing list | approve CODE | deny CODE | revoke PLATFORM:USER_ID"));

    Database db;
    if (!db.open(m_ctx.paths.storeLocation()))
        return m_ctx.fail(ExitFailure, db.errorString());
    PairingStore pairing(db);

    if (list)
        return this->list(pairing);
    if (action == "revoke"_L1)
        return revoke(pairing, args.at(1));

    const auto request = action == "approve"_L1 ? pairing.approve(args.at(1)) : pairing.deny(args.at(1));
    if (!request) {
        if (!pairing.errorString().isEmpty())
            return m_ctx.fail(ExitFailure, pairing.errorString());
        return m_ctx.fail(ExitUsage,
            tr("no waiting pairing request has the code %1. `baton pairing list` shows them.").arg(args.at(1)));
    }
    m_ctx.out << (action == "approve"_L1 ? tr("Approved %1 as a guest: they can talk to Baton now.").arg(who(*request))
                                         : tr("Denied %1.").arg(who(*request)))
              << Qt::endl;
    return ExitOk;
}

int PairingCommand::list(PairingStore &pairing)
{
    const QList<PairingStore::Request> requests = pairing.pendingRequests();
    const QList<PairingStore::Request> guests = pairing.approvedPeople();
    if (!pairing.errorString().isEmpty())
        return m_ctx.fail(ExitFailure, pairing.errorString());
    if (requests.isEmpty())
        m_ctx.err << tr("No pairing requests are waiting.") << Qt::endl;
    for (const PairingStore::Request &r : requests)
        m_ctx.out << r.code << "  " << TranscriptFormat::localTime(r.requestedAt) << "  " << who(r) << '\n';
    // Then who may talk to Baton: the owners (allowed_users in baton.ini) and the guests.
    const Settings settings(m_ctx.paths.configFile);
    for (const QString &platform : PlatformCatalog::names()) {
        for (const QString &owner : settings.platform(platform).allowedUsers)
            m_ctx.out << tr("owner") << "  " << PlatformCatalog::displayName(platform) << ' ' << owner << '\n';
    }
    for (const PairingStore::Request &r : guests)
        m_ctx.out << r.role << "  " << TranscriptFormat::localTime(r.approvedAt) << "  " << who(r) << '\n';
    m_ctx.out.flush();
    return ExitOk;
}

int PairingCommand::revoke(PairingStore &pairing, const QString &person)
{
    const qsizetype colon = person.indexOf(u':');
    const QString platform = person.left(colon).toLower();
    const QString userId = person.mid(colon + 1);
    if (colon <= 0 || userId.isEmpty() || !PlatformCatalog::names().contains(platform))
        return m_ctx.fail(ExitUsage, tr("name the person as PLATFORM:USER_ID, like telegram:123456789."));
    const auto request = pairing.revoke(platform, userId);
    if (!request) {
        if (!pairing.errorString().isEmpty())
            return m_ctx.fail(ExitFailure, pairing.errorString());
        return m_ctx.fail(ExitUsage,
            tr("%1 is not an approved guest. `baton pairing list` shows who is.")
                .arg(PlatformCatalog::displayName(platform) + u' ' + userId));
    }
    m_ctx.out << tr("Revoked %1: Baton no longer answers them.").arg(who(*request)) << Qt::endl;
    return ExitOk;
}
