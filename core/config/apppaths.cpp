// SPDX-License-Identifier: GPL-3.0-or-later
#include "apppaths.h"

#include "settings.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString AppPaths::storeLocation() const
{
    return storeUrl.isEmpty() ? QDir(dataDir).filePath(u"state.db"_s) : storeUrl;
}

AppPaths AppPaths::resolve(const QString &dataDirOption, const QString &configOption)
{
    auto pick = [](const QString &option, const char *variable, const QString &fallback) {
        if (!option.isEmpty())
            return option;
        const QString fromEnvironment = qEnvironmentVariable(variable);
        return fromEnvironment.isEmpty() ? fallback : fromEnvironment;
    };
    const QString xdgData = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    const QString xdgConfig = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);

    AppPaths paths;
    paths.dataDir = QDir::cleanPath(
        QDir::current().absoluteFilePath(pick(dataDirOption, "BATON_DATA_DIR", QDir(xdgData).filePath(u"baton"_s))));
    paths.configFile = QDir::cleanPath(QDir::current().absoluteFilePath(
        pick(configOption, "BATON_CONFIG", QDir(xdgConfig).filePath(u"baton/baton.ini"_s))));
    paths.storeUrl = qEnvironmentVariable("BATON_STORE_URL");
    if (paths.storeUrl.isEmpty() && QFile::exists(paths.configFile))
        paths.storeUrl = Settings(paths.configFile).storeUrl();
    return paths;
}
