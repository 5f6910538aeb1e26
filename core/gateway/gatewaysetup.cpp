// SPDX-License-Identifier: GPL-3.0-or-later
// Setup codes: the person who opens the window's link (`/start <code>` on Telegram) or sends the
// window's code in a direct message becomes an owner, at once and for good (README.md, "Setting up a platform").
#include "gateway.h"

#include "config/platformcatalog.h"
#include "config/settings.h"
#include "store/setupcodestore.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

bool Gateway::redeemSetupCode(
    PlatformAdapter *adapter, const PlatformAdapter::Inbound &message, Authorizer::Verdict verdict)
{
    // A group is no place to hand out ownership: codes count only in a direct chat.
    if (message.fromBot || message.source.userId.isEmpty()
        || message.source.chatType != SessionSource::ChatType::Direct)
        return false;
    const QString text = message.text.trimmed();
    QString code;
    bool asked = false; // `/start <code>` is unmistakably a setup code; a bare word may be chat
    if (text.startsWith("/start"_L1, Qt::CaseInsensitive)) {
        QString command, argument;
        if (!isCommandForUs(adapter, text, &command, &argument) || command != "start"_L1 || argument.isEmpty())
            return false;
        code = argument;
        asked = true;
    } else if (SetupCodeStore::looksLikeCode(text)) {
        code = text;
    } else {
        return false;
    }
    // An owner's or a guest's bare eight-letter word that is no code is just a message.
    const bool served = verdict == Authorizer::Verdict::Serve;
    // A replayed update (catching up after a restart) was answered the first time.
    if (seenBefore(message))
        return asked || !served;

    SessionSource to = message.source;
    to.userId.clear();
    const auto redeemed = m_stores.setupCodes.redeem(
        adapter->name(), code, message.source.userId, message.userName, message.source.chatId);
    if (!redeemed) {
        if (!m_stores.setupCodes.errorString().isEmpty()) {
            qCWarning(lcGateway).noquote() << "setup code:" << m_stores.setupCodes.errorString();
            reply(to, somethingWentWrong());
            return true;
        }
        if (served && !asked)
            return false;
        qCInfo(lcGateway).noquote() << "a setup code that is not live from" << adapter->name() << "user"
                                    << message.source.userId;
        reply(to,
            tr("Sorry, that setup code does not work: codes are good once and for ten minutes. Make a new one in "
               "Baton's Settings."));
        return true;
    }

    // Owners are the people in allowed_users: written to baton.ini so a restart keeps them, and
    // given to the authorizer so this person's next message is served.
    const QString platform = adapter->name();
    QStringList owners = m_settings.platform(platform).allowedUsers;
    if (!owners.contains(message.source.userId)) {
        owners << message.source.userId;
        m_settings.setAllowedUsers(platform, owners);
        if (const QString error = m_settings.save(); !error.isEmpty())
            qCWarning(lcGateway).noquote() << "could not record the new owner:" << error;
    }
    m_authorizer.setAllowedUsers(platform, owners);
    qCInfo(lcGateway).noquote() << platform << "user" << message.source.userId << "is an owner now (setup code)";
    const QString who = message.userName.isEmpty() ? message.source.userId : message.userName;
    reply(to,
        tr("Hello %1, you are my owner on %2 now. Choose the home for handoffs in Baton's window, or send /sethome "
           "in the chat that should be it.")
            .arg(who, PlatformCatalog::displayName(platform)));
    return true;
}
