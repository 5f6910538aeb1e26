// SPDX-License-Identifier: GPL-3.0-or-later
#include "paircommand.h"

#include "config/connectioncheck.h"
#include "config/platformcatalog.h"
#include "config/qrmatrix.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "config/setuplinks.h"
#include "store/database.h"
#include "store/setupcodestore.h"
#include "store/storewatcher.h"
#include "terminalqr.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

PairCommand::PairCommand(const CliContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{ }

PairCommand::~PairCommand() = default;

void PairCommand::finish(int status, const QString &sentence)
{
    if (m_done)
        return;
    m_done = true;
    if (!sentence.isEmpty())
        (status == ExitOk ? m_ctx.out : m_ctx.err)
            << (status == ExitOk ? QString() : u"baton: "_s) << sentence << Qt::endl;
    Q_EMIT finished(status);
}

void PairCommand::start(const QStringList &args)
{
    if (args.size() != 1 || !PlatformCatalog::isKnown(args.first()))
        return finish(ExitUsage, tr("usage: baton pair telegram|discord|slack"));
    m_platform = args.first();
    const Settings settings(m_ctx.paths.configFile);
    if (!settings.errorString().isEmpty())
        return finish(ExitConfig, settings.errorString());
    const Settings::Platform config = settings.platform(m_platform);
    const QString name = PlatformCatalog::displayName(m_platform);

    m_db = std::make_unique<Database>();
    if (!m_db->open(m_ctx.paths.storeLocation()))
        return finish(ExitFailure, m_db->errorString());
    m_codes = std::make_unique<SetupCodeStore>(*m_db);

    m_check = new ConnectionCheck(new QNetworkAccessManager(this), this);
    connect(m_check, &ConnectionCheck::identified, this,
        [this](const QString &, const QString &userName, const QString &userId) {
            m_botUserName = userName;
            m_botId = userId;
        });
    connect(m_check, &ConnectionCheck::finished, this,
        [this](const QString &, bool ok, const QString &sentence) { checked(ok, sentence); });

    const QString secretName = PlatformCatalog::secrets(m_platform).constFirst();
    auto *secrets = new SecretStore(this);
    connect(secrets, &SecretStore::readFinished, this,
        [this, secrets, secretName, config, name](const QString &, const QString &token, const QString &error) {
            secrets->deleteLater();
            if (!error.isEmpty())
                return finish(ExitFailure, error);
            if (token.isEmpty())
                return finish(ExitFailure,
                    tr("no %1 bot token is set: create the bot at %2, then run `baton secret set %3`.")
                        .arg(name, SetupLinks::createBotUrl(m_platform), secretName));
            m_check->checkPlatform(m_platform, config.apiBase, token);
        });
    secrets->read(secretName);
}

void PairCommand::checked(bool ok, const QString &sentence)
{
    if (!ok)
        return finish(ExitFailure, sentence);
    m_ctx.out << sentence << Qt::endl;
    m_session = u"cli-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto code = m_codes->mint(m_platform, m_session);
    if (!code)
        return finish(ExitFailure, m_codes->errorString());
    m_code = code->code;
    showCode();

    m_watcher = new StoreWatcher(*m_db, 500, this);
    connect(m_watcher, &StoreWatcher::changedElsewhere, this, &PairCommand::poll);
    m_expiry = new QTimer(this);
    m_expiry->setSingleShot(true);
    connect(m_expiry, &QTimer::timeout, this, [this] {
        finish(
            ExitFailure, tr("the code expired unused after ten minutes; run `baton pair %1` again.").arg(m_platform));
    });
    m_expiry->start(int(SetupCodeStore::codeLifetimeMs));
}

void PairCommand::showCode()
{
    QTextStream &out = m_ctx.out;
    if (m_platform == "telegram"_L1) {
        const QString link = SetupLinks::telegramDeepLink(m_botUserName, m_code);
        out << '\n' << TerminalQr::render(QrMatrix::encode(link)) << '\n';
        out << tr("Scan this with your phone's camera, or open %1 there, and press Start in Telegram.").arg(link)
            << '\n';
    } else {
        if (m_platform == "discord"_L1)
            out << tr("Invite the bot to your server: %1").arg(SetupLinks::discordInviteUrl(m_botId)) << '\n';
        else
            out << tr("Install the app to your workspace (api.slack.com/apps, Install App) and allow direct "
                      "messages to it (App Home, Messages tab).")
                << '\n';
        out << tr("Then send the bot this code in a direct message: %1").arg(m_code) << '\n';
    }
    out << tr("The code works once, for ten minutes, while the gateway runs (the window or `baton --no-gui`). "
              "Waiting…")
        << Qt::endl;
}

void PairCommand::poll()
{
    const auto latest = m_codes->latest(m_session);
    if (!latest)
        return;
    if (latest->usedAt) {
        const QString who = latest->userName.isEmpty() ? latest->userId : latest->userName;
        return finish(ExitOk,
            tr("Paired: %1 (user %2) is an owner on %3 now. Choose the home with /sethome in the chat that should "
               "get handoffs.")
                .arg(who, latest->userId, PlatformCatalog::displayName(m_platform)));
    }
    if (latest->expiresAt <= QDateTime::currentMSecsSinceEpoch())
        finish(ExitFailure, tr("the code was replaced by a newer one; run `baton pair %1` again.").arg(m_platform));
}
