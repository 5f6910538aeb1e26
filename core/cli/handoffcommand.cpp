// SPDX-License-Identifier: GPL-3.0-or-later
#include "handoffcommand.h"

#include "config/settings.h"
#include "interruptnotifier.h"
#include "store/database.h"
#include "store/handoffstore.h"
#include "store/sessionlookup.h"
#include "store/sessionstore.h"
#include "terminaltext.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

HandoffCommand::HandoffCommand(const CliContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{ }

HandoffCommand::~HandoffCommand() = default;

void HandoffCommand::start(const QStringList &args, const QString &platform, bool json)
{
    m_json = json;
    m_platform = platform;
    if (args.size() != 1)
        return Q_EMIT finished(m_ctx.fail(ExitUsage, tr("usage: baton handoff SESSION --to PLATFORM [--json]")));

    m_settings = std::make_unique<Settings>(m_ctx.paths.configFile);
    if (!m_settings->errorString().isEmpty())
        return Q_EMIT finished(m_ctx.fail(ExitConfig, m_settings->errorString()));
    m_db = std::make_unique<Database>();
    if (!m_db->open(m_ctx.paths.storeLocation()))
        return Q_EMIT finished(m_ctx.fail(ExitFailure, m_db->errorString()));
    m_sessions = new SessionStore(*m_db, this);
    // A process killed mid-reply would otherwise leave its session refusing turns and handoffs.
    m_sessions->releaseAbandonedTurns();
    m_handoffs = new HandoffStore(*m_db, this);

    const SessionLookup::Result found = SessionLookup::byId(*m_sessions, args.first());
    if (found.id.isEmpty())
        return Q_EMIT finished(m_ctx.fail(found.storeFailed ? ExitFailure : ExitUsage, found.error));

    m_waiter = new HandoffWaiter(
        *m_sessions, *m_handoffs, *m_settings, m_ctx.paths.dataDir, HandoffWaiter::Timeouts::fromEnvironment(), this);
    m_waiter->setRequester(u"cli"_s);
    // With --json, stdout carries only the result; progress goes to stderr.
    QTextStream *progressStream = m_json ? &m_ctx.err : &m_ctx.out;
    connect(m_waiter, &HandoffWaiter::progress, this,
        [progressStream](const QString &sentence) { *progressStream << sentence << Qt::endl; });
    connect(m_waiter, &HandoffWaiter::finished, this, &HandoffCommand::onFinished);
    // A closed terminal (SIGHUP) or a stop (SIGTERM) is Ctrl-C too: the request is withdrawn, never
    // left pending for a gateway to carry out later.
    auto *interrupt = new InterruptNotifier(m_waiter, { SIGINT, SIGHUP, SIGTERM });
    connect(interrupt, &InterruptNotifier::interrupted, m_waiter, &HandoffWaiter::abandon);
    m_waiter->start(found.id, platform);
}

void HandoffCommand::onFinished(HandoffWaiter::Outcome outcome, const QString &sentence, const HandoffStatus &status)
{
    int exitStatus = ExitFailure;
    switch (outcome) {
    case HandoffWaiter::Outcome::Completed:
        exitStatus = ExitOk;
        break;
    case HandoffWaiter::Outcome::Failed:
    case HandoffWaiter::Outcome::Abandoned:
    case HandoffWaiter::Outcome::Detached:
        exitStatus = ExitFailure;
        break;
    case HandoffWaiter::Outcome::Refused:
    case HandoffWaiter::Outcome::NoGateway:
    case HandoffWaiter::Outcome::TooSlow:
        exitStatus = ExitUsage;
        break;
    }
    if (m_json) {
        const QJsonObject result {
            { "state"_L1, status.state == HandoffState::None ? QJsonValue() : handoffStateName(status.state) },
            { "platform"_L1, status.platform.isEmpty() ? m_platform : status.platform },
            { "error"_L1, exitStatus == ExitOk ? QJsonValue() : QJsonValue(sentence) },
            { "destination"_L1, status.destination.isEmpty() ? QJsonValue() : status.destination },
        };
        m_ctx.out << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
        if (exitStatus != ExitOk)
            m_ctx.err << "baton: " << TerminalText::strip(sentence) << Qt::endl;
    } else if (exitStatus == ExitOk)
        m_ctx.out << TerminalText::strip(sentence) << Qt::endl; // it may quote a platform's error
    else
        m_ctx.err << "baton: " << TerminalText::strip(sentence) << Qt::endl;
    Q_EMIT finished(exitStatus);
}
