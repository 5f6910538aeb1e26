// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "service/storepassword.h"

#include "batonversion.h"
#include "chatcommand.h"
#include "clicontext.h"
#include "doctorcommand.h"
#include "handoffcommand.h"
#include "headlesscommand.h"
#include "paircommand.h"
#include "pairingcommand.h"
#include "secretcommand.h"
#include "sessionscommand.h"
#include "storecommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

QString commandsHelp()
{
    return QCoreApplication::translate("CommandLine",
        "Commands:\n"
        "  (none)                          open the window, with the tray icon and the gateway inside\n"
        "  --demo                          the window with a model and a Telegram on loopback\n"
        "  --no-gui                        the gateway, handoff watcher and agent, headless\n"
        "  sessions [list]                 list stored sessions, most recent first\n"
        "  sessions show ID                print one session and its transcript\n"
        "  sessions export ID --format md|json\n"
        "                                  write a session to stdout as Markdown or JSON\n"
        "  sessions search TEXT            full-text search over all messages\n"
        "  sessions unlock ID              end a reply stuck as being written (its writer is gone)\n"
        "  chat [--session ID | --continue]\n"
        "                                  talk to the model in the terminal (/help inside)\n"
        "  handoff SESSION --to PLATFORM [--json]\n"
        "                                  hand a stored session off to telegram, discord or slack\n"
        "                                  and wait for the gateway (exit 0 done, 1 failed, 2 timeout)\n"
        "  pair telegram|discord|slack     make your phone's account an owner with a one-time code\n"
        "                                  (a QR code for Telegram; the gateway must be running)\n"
        "  pairing [list]                  pairing requests from people Baton does not know yet\n"
        "  pairing approve|deny CODE       let that person talk to Baton, or drop the request\n"
        "  secret set NAME                 store a secret in the OS keychain (value read from stdin)\n"
        "  secret delete NAME              remove a secret from the keychain\n"
        "                                  NAME: llm.api_key, telegram.token, discord.token,\n"
        "                                  slack.bot_token, slack.app_token\n"
        "  doctor                          check config, data dir, store, keychain, model and\n"
        "                                  platforms, one line each (exit 1 if any fails)\n"
        "  store copy [--from FILE] [--to URL]\n"
        "                                  copy state.db (or FILE) into the PostgreSQL store at URL\n"
        "                                  (default: [store] url), migrating it first. Rows already\n"
        "                                  there with the same values are kept, so running it again\n"
        "                                  changes nothing; a row there with other values stops the\n"
        "                                  copy and nothing is written\n"
        "\n"
        "ID may be a unique prefix of a session id (at least 4 characters).\n"
        "Exit status: 0 success, 1 failure or no search match, 2 usage error.\n");
}
} // namespace

CommandLine::CommandLine(QTextStream &out, QTextStream &err, GatewayService::AdapterFactory adapters, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
    , m_adapters(std::move(adapters))
{ }

void CommandLine::start(const QStringList &arguments)
{
    const int status = startCommand(arguments);
    if (status != stillRunning)
        finish(status);
}

void CommandLine::finish(int status)
{
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(status);
}

int CommandLine::startCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Baton: a desktop AI assistant that hands conversations off to Telegram, Discord and Slack."));
    const QCommandLineOption dataDirOption(
        u"data-dir"_s, tr("Keep state.db in <dir> (default: $BATON_DATA_DIR, else ~/.local/share/baton)."), tr("dir"));
    const QCommandLineOption configOption(u"config"_s,
        tr("Read settings from <file> (default: $BATON_CONFIG, else ~/.config/baton/baton.ini)."), tr("file"));
    const QCommandLineOption formatOption(
        u"format"_s, tr("Export format for `sessions export`: md or json."), tr("format"));
    const QCommandLineOption helpOption({ u"h"_s, u"help"_s }, tr("Show this help."));
    const QCommandLineOption versionOption({ u"v"_s, u"version"_s }, tr("Print the version."));
    const QCommandLineOption toOption(u"to"_s,
        tr("`handoff`: the platform (telegram, discord or slack); `store copy`: the PostgreSQL store's url."),
        tr("platform|url"));
    const QCommandLineOption fromOption(
        u"from"_s, tr("`store copy`: the state.db to copy (default: the data directory's)."), tr("file"));
    const QCommandLineOption jsonOption(u"json"_s, tr("Print the result of `handoff` as JSON."));
    const QCommandLineOption sessionOption(u"session"_s, tr("Session for `chat` to continue."), tr("id"));
    const QCommandLineOption continueOption(u"continue"_s, tr("`chat`: continue the most recent session."));
    const QCommandLineOption noGuiOption(u"no-gui"_s,
        tr("Run the gateway, the handoff watcher and the agent headless; log to stderr; stop with SIGINT/SIGTERM."));
    parser.addOptions({ dataDirOption, configOption, formatOption, toOption, fromOption, jsonOption, sessionOption,
        continueOption, noGuiOption, helpOption, versionOption });
    parser.addPositionalArgument(u"command"_s, tr("What to do; see Commands below."), tr("[command] [args...]"));

    const CliContext context { {}, m_out, m_err };
    if (!parser.parse(arguments))
        return context.fail(ExitUsage, parser.errorText() + u' ' + tr("Run `baton --help` for usage."));
    if (parser.isSet(helpOption)) {
        m_out << parser.helpText() << '\n' << commandsHelp();
        m_out.flush();
        return ExitOk;
    }
    if (parser.isSet(versionOption)) {
        m_out << "baton " << BATON_VERSION_STRING << Qt::endl;
        return ExitOk;
    }

    m_ctx.emplace(
        CliContext { AppPaths::resolve(parser.value(dataDirOption), parser.value(configOption)), m_out, m_err });
    const CliContext &ctx = *m_ctx;
    // A PostgreSQL store's password comes from the keychain, once, before a command opens the
    // store: the command starts again when it is there.
    if (!m_passwordLoaded && StorePassword::needed(ctx.paths)) {
        m_passwordLoaded = true;
        auto *password = new StorePassword(this);
        connect(password, &StorePassword::ready, this, [this, password, arguments] {
            password->deleteLater();
            start(arguments);
        });
        password->load(ctx.paths);
        return stillRunning;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(noGuiOption)) {
        if (!positional.isEmpty())
            return ctx.fail(ExitUsage, tr("--no-gui runs the gateway and takes no command."));
        auto *headless = new HeadlessCommand(ctx, m_adapters, this);
        connect(headless, &HeadlessCommand::finished, this, &CommandLine::finish);
        headless->start();
        return stillRunning;
    }
    if (positional.isEmpty())
        return ctx.fail(
            ExitFailure, tr("this build has no window (BATON_WITH_GUI=OFF); try `baton --no-gui` or `baton --help`."));

    const QString command = positional.first();
    if (parser.isSet(formatOption) && !(command == "sessions"_L1 && positional.value(1) == "export"_L1))
        return ctx.fail(ExitUsage, tr("--format only applies to `baton sessions export`."));
    if ((parser.isSet(toOption) && command != "handoff"_L1 && command != "store"_L1)
        || (parser.isSet(jsonOption) && command != "handoff"_L1))
        return ctx.fail(
            ExitUsage, tr("--to and --json only apply to `baton handoff` (and --to to `baton store copy`)."));
    if (parser.isSet(fromOption) && command != "store"_L1)
        return ctx.fail(ExitUsage, tr("--from only applies to `baton store copy`."));
    if (command == "sessions"_L1)
        return SessionsCommand(ctx).run(positional.mid(1), parser.value(formatOption));
    if ((parser.isSet(sessionOption) || parser.isSet(continueOption)) && command != "chat"_L1)
        return ctx.fail(ExitUsage, tr("--session and --continue only apply to `baton chat`."));
    if (command == "chat"_L1) {
        if (positional.size() > 1)
            return ctx.fail(ExitUsage, tr("usage: baton chat [--session ID | --continue]"));
        auto *chat = new ChatCommand(ctx, this);
        connect(chat, &ChatCommand::finished, this, &CommandLine::finish);
        chat->start(parser.value(sessionOption), parser.isSet(continueOption));
        return stillRunning;
    }
    if (command == "handoff"_L1) {
        auto *handoff = new HandoffCommand(ctx, this);
        connect(handoff, &HandoffCommand::finished, this, &CommandLine::finish);
        handoff->start(positional.mid(1), parser.value(toOption), parser.isSet(jsonOption));
        return stillRunning;
    }
    if (command == "pairing"_L1)
        return PairingCommand(ctx).run(positional.mid(1));
    if (command == "pair"_L1) {
        auto *pair = new PairCommand(ctx, this);
        connect(pair, &PairCommand::finished, this, &CommandLine::finish);
        pair->start(positional.mid(1));
        return stillRunning;
    }
    if (command == "secret"_L1) {
        auto *secret = new SecretCommand(ctx, this);
        connect(secret, &SecretCommand::finished, this, &CommandLine::finish);
        secret->start(positional.mid(1));
        return stillRunning;
    }
    if (command == "store"_L1) {
        auto *store = new StoreCommand(ctx, this);
        connect(store, &StoreCommand::finished, this, &CommandLine::finish);
        store->start(positional.mid(1), parser.value(fromOption), parser.value(toOption));
        return stillRunning;
    }
    if (command == "doctor"_L1) {
        if (positional.size() > 1)
            return ctx.fail(ExitUsage, tr("usage: baton doctor"));
        auto *doctor = new DoctorCommand(ctx, this);
        connect(doctor, &DoctorCommand::finished, this, &CommandLine::finish);
        doctor->start();
        return stillRunning;
    }
    return ctx.fail(ExitUsage, tr("unknown command '%1'. Run `baton --help` for the list.").arg(command));
}
