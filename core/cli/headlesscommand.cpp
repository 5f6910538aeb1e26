// SPDX-License-Identifier: GPL-3.0-or-later
#include "headlesscommand.h"

#include "config/settings.h"

#include "interruptnotifier.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

HeadlessCommand::HeadlessCommand(const CliContext &context, GatewayService::AdapterFactory factory, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_service(new GatewayService(context.paths, std::move(factory), this))
{ }

void HeadlessCommand::start()
{
    // One line per event: when, how serious, which part, what.
    qSetMessagePattern(u"%{time yyyy-MM-ddThh:mm:ss.zzz} "
                       "%{if-debug}D%{endif}%{if-info}I%{endif}%{if-warning}W%{endif}%{if-critical}E%{endif}"
                       "%{if-fatal}F%{endif} %{category}: %{message}"_s);
    auto *signals = new InterruptNotifier(this, { SIGINT, SIGTERM });
    connect(signals, &InterruptNotifier::interrupted, this, [this](int number) {
        qCInfo(lcGateway).noquote() << (number == SIGTERM ? "SIGTERM" : "SIGINT") << "received, stopping";
        m_service->stop();
    });
    connect(m_service, &GatewayService::started, this, [this](bool ok, const QString &error) {
        if (!ok) {
            m_ctx.fail(ExitFailure, error);
            Q_EMIT finished(ExitFailure);
        }
    });
    connect(m_service, &GatewayService::stopped, this, [this] { Q_EMIT finished(ExitOk); });
    // A malformed baton.ini is the owner's to mend, not a crash to restart from: its own status.
    if (const QString error = Settings(m_ctx.paths.configFile).errorString(); !error.isEmpty()) {
        m_ctx.fail(ExitConfig, error);
        return Q_EMIT finished(ExitConfig);
    }
    m_service->start();
}
