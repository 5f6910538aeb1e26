// SPDX-License-Identifier: GPL-3.0-or-later
#include "platformfactory.h"

#include "telegram/telegramadapter.h"

using namespace Qt::StringLiterals;

namespace PlatformFactory {

PlatformAdapter *create(const QString &platform, const Settings::Platform &config, const QString &token,
    QNetworkAccessManager *network, QObject *parent)
{
    if (platform == "telegram"_L1) {
        TelegramAdapter::Options options;
        options.apiBase = config.apiBase;
        options.token = token;
        // Tests and demos shorten the long poll so that a stopping gateway is not kept waiting.
        if (const int timeout = qEnvironmentVariableIntValue("BATON_TELEGRAM_POLL_TIMEOUT_S"); timeout > 0)
            options.pollTimeoutS = timeout;
        return new TelegramAdapter(network, options, parent);
    }
    return nullptr;
}

} // namespace PlatformFactory
