// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include "platformcatalog.h"
#include "secretscrubber.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

const QString SecretStore::service = u"baton"_s;

namespace {
// QtKeychain's own text can name the backend's problem; it never contains the value.
QString describe(const QKeychain::Job *job, const QString &name)
{
    // Without a session bus QtKeychain reports OtherError; for the user it is the same: no keychain.
    const bool noBus = job->errorString().contains("D-Bus"_L1, Qt::CaseInsensitive)
        || job->errorString().contains("DBus"_L1, Qt::CaseInsensitive);
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::OtherError:
        if (!noBus)
            break;
        [[fallthrough]];
    case QKeychain::NoBackendAvailable:
        return QCoreApplication::translate(
            "SecretStore", "No keychain is available here (%1). Set the environment variable %2 instead.")
            .arg(job->errorString(), SecretStore::environmentVariable(name));
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return QCoreApplication::translate(
            "SecretStore", "The keychain refused access to %1 (%2). Unlock it, or set %3 instead.")
            .arg(name, job->errorString(), SecretStore::environmentVariable(name));
    default:
        break;
    }
    // A Secret Service without a keyring to write to (a server where no one ever logged in) ends here.
    return QCoreApplication::translate(
        "SecretStore", "The keychain failed on %1: %2. Set the environment variable %3 instead.")
        .arg(name, job->errorString(), SecretStore::environmentVariable(name));
}
} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{ }

QStringList SecretStore::names()
{
    // store.password: the PostgreSQL store's (docs/several-machines.md).
    QStringList names { u"llm.api_key"_s, u"store.password"_s };
    for (const QString &platform : PlatformCatalog::names())
        names << PlatformCatalog::secrets(platform);
    return names;
}

QString SecretStore::environmentVariable(const QString &name)
{
    if (!names().contains(name))
        return {};
    QString variable = u"BATON_"_s + name.toUpper();
    variable.replace(u'.', u'_');
    return variable;
}

void SecretStore::read(const QString &name)
{
    const QString fromEnvironment = qEnvironmentVariable(environmentVariable(name).toLatin1().constData());
    if (!fromEnvironment.isEmpty()) {
        SecretScrubber::remember(fromEnvironment);
        // Answer asynchronously like the keychain does, so callers need only one code path.
        QMetaObject::invokeMethod(
            this, [this, name, fromEnvironment] { Q_EMIT readFinished(name, fromEnvironment, {}); },
            Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, name](QKeychain::Job *done) {
        const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(done);
        if (done->error() == QKeychain::NoError)
            SecretScrubber::remember(readJob->textData());
        Q_EMIT readFinished(
            name, done->error() == QKeychain::NoError ? readJob->textData() : QString(), describe(done, name));
    });
    job->start();
}

void SecretStore::write(const QString &name, const QString &value)
{
    auto *job = new QKeychain::WritePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(name);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this,
        [this, name](QKeychain::Job *done) { Q_EMIT writeFinished(name, describe(done, name)); });
    job->start();
}

void SecretStore::remove(const QString &name)
{
    // Backends differ on deleting a missing entry, so look first to say truthfully whether it existed.
    auto *probe = new QKeychain::ReadPasswordJob(service, this);
    probe->setAutoDelete(true);
    probe->setKey(name);
    connect(probe, &QKeychain::Job::finished, this, [this, name](QKeychain::Job *read) {
        if (read->error() != QKeychain::NoError) {
            Q_EMIT removeFinished(name, false, describe(read, name));
            return;
        }
        auto *job = new QKeychain::DeletePasswordJob(service, this);
        job->setAutoDelete(true);
        job->setKey(name);
        connect(job, &QKeychain::Job::finished, this,
            [this, name](QKeychain::Job *done) { Q_EMIT removeFinished(name, true, describe(done, name)); });
        job->start();
    });
    probe->start();
}
