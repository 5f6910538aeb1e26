// SPDX-License-Identifier: GPL-3.0-or-later
#include "storepassword.h"

#include "config/secretstore.h"
#include "config/storelocation.h"
#include "store/database.h"

#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcStore)

bool StorePassword::needed(const AppPaths &paths)
{
    return StoreLocation::isUrl(paths.storeUrl) && qEnvironmentVariableIsEmpty("BATON_STORE_PASSWORD");
}

void StorePassword::load(const AppPaths &paths)
{
    if (!needed(paths)) {
        QTimer::singleShot(0, this, &StorePassword::ready);
        return;
    }
    auto *secrets = new SecretStore(this);
    connect(secrets, &SecretStore::readFinished, this,
        [this, secrets](const QString &, const QString &value, const QString &error) {
            if (!error.isEmpty())
                qCInfo(lcStore).noquote() << error;
            Database::setPostgresPassword(value);
            secrets->deleteLater();
            Q_EMIT ready();
        });
    secrets->read(u"store.password"_s);
}
