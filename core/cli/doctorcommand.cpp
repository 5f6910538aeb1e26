// SPDX-License-Identifier: GPL-3.0-or-later
#include "doctorcommand.h"

#include "agent/llmclient.h"
#include "config/configcheck.h"
#include "config/connectioncheck.h"
#include "config/homechatcheck.h"
#include "config/platformcatalog.h"
#include "config/secretstore.h"
#include "config/settings.h"
#include "store/database.h"
#include "store/platformleases.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

DoctorCommand::DoctorCommand(const CliContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_network(new QNetworkAccessManager(this))
    , m_check(new ConnectionCheck(m_network, this))
    , m_llm(new LlmClient(m_network, this))
    , m_homeCheck(new HomeChatCheck(m_network, this))
{ }

int DoctorCommand::expect(const QString &name)
{
    m_lines.append({ name, false, false, {} });
    return int(m_lines.size()) - 1;
}

void DoctorCommand::report(int line, bool ok, const QString &sentence)
{
    m_lines[line].done = true;
    m_lines[line].ok = ok;
    m_lines[line].sentence = sentence;
    if (!m_allReserved)
        return;
    // Lines go out in order, as soon as everything before them is known.
    while (m_printed < m_lines.size() && m_lines.at(m_printed).done) {
        const Line &l = m_lines.at(m_printed++);
        m_ctx.out << (l.ok ? "ok    " : "FAIL  ") << l.name.leftJustified(12) << l.sentence << Qt::endl;
    }
    if (m_printed == m_lines.size()) {
        const bool allOk = std::all_of(m_lines.cbegin(), m_lines.cend(), [](const Line &l) { return l.ok; });
        Q_EMIT finished(allOk ? ExitOk : ExitFailure);
    }
}

void DoctorCommand::start()
{
    // Every line is reserved first, so the report's order never depends on who answers first.
    const Settings settings(m_ctx.paths.configFile); // read once: every check sees the same file
    checkLocal(settings);
    checkKeychain(settings);
    checkRemote(settings);
    m_allReserved = true;
    report(0, m_lines.at(0).ok, m_lines.at(0).sentence); // the config line is always known by now
}

void DoctorCommand::checkLocal(const Settings &settings)
{
    const int config = expect(tr("config"));
    const int dataDir = expect(tr("data dir"));
    const int database = expect(tr("state.db"));
    const int lock = expect(tr("gateway"));

    // Every problem, not only the first: unknown keys do not stop Baton but are named here.
    QStringList problems;
    for (const ConfigProblem &problem : ConfigCheck::check(m_ctx.paths.configFile))
        problems << problem.describe(m_ctx.paths.configFile);
    if (!settings.errorString().isEmpty())
        report(config, false, problems.isEmpty() ? settings.errorString() : problems.join(u"; "_s));
    else if (!problems.isEmpty())
        report(config, true, problems.join(u"; "_s));
    else
        report(config, true,
            QFileInfo::exists(m_ctx.paths.configFile)
                ? m_ctx.paths.configFile
                : tr("%1 does not exist: the defaults apply").arg(m_ctx.paths.configFile));

    QTemporaryFile probe(QDir(m_ctx.paths.dataDir).filePath(u"doctor-XXXXXX"_s));
    if (!QDir().mkpath(m_ctx.paths.dataDir) || !probe.open())
        report(dataDir, false,
            tr("%1 is not writable: check its permissions or pass --data-dir.").arg(m_ctx.paths.dataDir));
    else
        report(dataDir, true, tr("%1 is writable").arg(m_ctx.paths.dataDir));

    Database db;
    if (!db.open(m_ctx.paths.storeLocation()))
        report(database, false, db.errorString());
    else
        report(database, true, tr("opens, schema version %1").arg(db.schemaVersion()));

    if (db.isOpen() && !m_ctx.paths.storeUrl.isEmpty())
        reportLeaders(db);

    QLockFile gatewayLock(QDir(m_ctx.paths.dataDir).filePath(u"gateway.lock"_s));
    gatewayLock.setStaleLockTime(0);
    if (gatewayLock.tryLock(0)) {
        gatewayLock.unlock();
        report(lock, true, tr("no gateway runs for this data dir (start one with `baton` or `baton --no-gui`)"));
    } else if (qint64 pid = 0;
               gatewayLock.error() == QLockFile::LockFailedError && gatewayLock.getLockInfo(&pid, nullptr, nullptr)) {
        report(lock, true, tr("one gateway runs for this data dir (process %1)").arg(pid));
    } else {
        report(lock, false, tr("the gateway lock in %1 cannot be used.").arg(m_ctx.paths.dataDir));
    }
}

void DoctorCommand::reportLeaders(Database &db)
{
    // Several gateways may share a store named in [store] url; one at a time connects to each platform.
    const int line = expect(tr("leaders"));
    PlatformLeases leases(db);
    const auto all = leases.all();
    if (!all)
        return report(line, false, leases.errorString());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QStringList said;
    for (const PlatformLeases::Lease &lease : *all) {
        const QString until = QDateTime::fromMSecsSinceEpoch(lease.leaseUntil).toString(u"HH:mm:ss"_s);
        said << (lease.leaseUntil >= now ? tr("%1 led by process %2 on %3 (lease until %4)")
                                               .arg(PlatformCatalog::displayName(lease.platform))
                                               .arg(lease.pid)
                                               .arg(lease.host, until)
                                         : tr("%1 led by nobody (the lease of process %2 on %3 ended at %4)")
                                               .arg(PlatformCatalog::displayName(lease.platform))
                                               .arg(lease.pid)
                                               .arg(lease.host, until));
    }
    report(line, true, said.isEmpty() ? tr("no gateway leads a platform on this store") : said.join(u"; "_s));
}

QStringList DoctorCommand::platformSecrets(const Settings &settings)
{
    QStringList names;
    for (const QString &platform : PlatformCatalog::names()) {
        if (settings.platform(platform).enabled)
            names << PlatformCatalog::secrets(platform);
    }
    return names;
}

void DoctorCommand::checkKeychain(const Settings &settings)
{
    const int line = expect(tr("keychain"));
    // A server without a desktop session has no keychain; that is fine when the environment
    // holds every token the enabled platforms need (the model's key is optional for local models).
    QStringList missing;
    for (const QString &name : platformSecrets(settings)) {
        if (qEnvironmentVariableIsEmpty(qPrintable(SecretStore::environmentVariable(name))))
            missing << SecretStore::environmentVariable(name);
    }
    // A name no environment variable stands for: the keychain itself answers.
    auto *secrets = new SecretStore(this);
    connect(secrets, &SecretStore::readFinished, this,
        [this, line, secrets, missing](const QString &, const QString &, const QString &error) {
            secrets->deleteLater();
            if (error.isEmpty())
                report(line, true, tr("reachable"));
            else if (missing.isEmpty())
                report(line, true, tr("not reachable; the environment holds every token this configuration needs"));
            else
                report(line, false,
                    tr("cannot be reached; set the secrets in the environment instead: %1.")
                        .arg(missing.join(u", "_s)));
        });
    secrets->read(u"doctor.probe"_s);
}

void DoctorCommand::checkRemote(const Settings &settings)
{
    QHash<QString, int> lines;
    lines.insert(u"model"_s, expect(tr("model")));
    QStringList platforms;
    QHash<QString, QString> homes; // enabled platform -> its home chat, empty when none is set
    QHash<QString, QString> apiBases;
    for (const QString &platform : PlatformCatalog::names()) {
        if (settings.platform(platform).enabled) {
            platforms << platform;
            lines.insert(platform, expect(PlatformCatalog::displayName(platform)));
            homes.insert(platform, settings.platform(platform).homeChat);
            apiBases.insert(platform, settings.platform(platform).apiBase);
        }
    }
    auto tokens = std::make_shared<QHash<QString, QString>>();
    auto connected = std::make_shared<QHash<QString, QString>>(); // what the connection check said
    connect(m_check, &ConnectionCheck::finished, this,
        [this, lines, homes, apiBases, tokens, connected](const QString &what, bool ok, const QString &sentence) {
            if (!ok)
                return report(lines.value(what), ok, sentence);
            if (homes.value(what).isEmpty())
                return report(lines.value(what), false,
                    sentence + u' '
                        + tr("It has no home channel: send /sethome in the chat handoffs should go to, or set %1 "
                             "under [%2].")
                              .arg(PlatformCatalog::homeChatKey(what), what));
            // Connected: does the home exist, and may the bot post there?
            connected->insert(what, sentence);
            m_homeCheck->check(what, apiBases.value(what), tokens->value(what), homes.value(what));
        });
    connect(m_homeCheck, &HomeChatCheck::finished, this,
        [this, lines, connected](const QString &platform, bool ok, const QString &sentence) {
            report(lines.value(platform), ok, connected->value(platform) + u' ' + sentence);
        });

    const int modelLine = lines.value(u"model"_s);
    const QString model = settings.model();
    connect(m_llm, &LlmClient::modelsListed, this, [this, modelLine, model](const QStringList &ids) {
        report(modelLine, true, LlmClient::listedSentence(ids, model));
    });
    connect(m_llm, &LlmClient::modelsFailed, this,
        [this, modelLine](const QString &sentence) { report(modelLine, false, sentence); });

    // Secrets first (the keychain answers asynchronously), then each endpoint.
    auto *secrets = new SecretStore(this);
    auto wanted = std::make_shared<QStringList>(QStringList { u"llm.api_key"_s } + platformSecrets(settings));
    auto values = std::make_shared<QHash<QString, QString>>();
    auto errors = std::make_shared<QHash<QString, QString>>();
    const QString baseUrl = settings.llmBaseUrl();
    connect(secrets, &SecretStore::readFinished, this,
        [=, this](const QString &name, const QString &value, const QString &error) {
            values->insert(name, value);
            errors->insert(name, error);
            if (values->size() < wanted->size())
                return;
            secrets->deleteLater();
            m_llm->listModels(baseUrl, values->value(u"llm.api_key"_s));
            for (const QString &platform : platforms) {
                const QString secret = PlatformCatalog::secrets(platform).constFirst();
                const QString token = values->value(secret);
                if (token.isEmpty()) {
                    report(lines.value(platform), false,
                        errors->value(secret).isEmpty() ? tr("enabled, but no %1 is set: `baton secret set %1` or %2.")
                                                              .arg(secret, SecretStore::environmentVariable(secret))
                                                        : errors->value(secret));
                    continue;
                }
                tokens->insert(platform, token);
                QStringList missing;
                for (const QString &other : PlatformCatalog::secrets(platform).mid(1)) {
                    if (values->value(other).isEmpty())
                        missing << other;
                }
                m_check->checkPlatform(platform, apiBases.value(platform), token, missing);
            }
        });
    for (const QString &name : std::as_const(*wanted))
        secrets->read(name);
}
