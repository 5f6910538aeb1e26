// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include "configcheck.h"
#include "platformcatalog.h"
#include "privatefiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <algorithm>

using namespace Qt::StringLiterals;

Settings::Settings(const QString &file)
    : m_settings(file, QSettings::IniFormat)
{ }

QString Settings::errorString() const
{
    const QFileInfo info(m_settings.fileName());
    if (info.exists() && !info.isReadable())
        return QCoreApplication::translate("Settings", "The config file %1 cannot be read. Check its permissions.")
            .arg(info.filePath());
    for (const ConfigProblem &problem : ConfigCheck::check(info.filePath())) {
        if (problem.fatal)
            return problem.describe(info.filePath());
    }
    if (m_settings.status() == QSettings::FormatError)
        return QCoreApplication::translate("Settings", "The config file %1 is not a valid INI file.")
            .arg(info.filePath());
    return {};
}

QString Settings::llmBaseUrl() const
{
    return m_settings.value(u"llm/base_url"_s, u"http://127.0.0.1:11434/v1"_s).toString().trimmed();
}

QString Settings::storeUrl() const
{
    return m_settings.value(u"store/url"_s).toString().trimmed();
}

QString Settings::model() const
{
    return m_settings.value(u"llm/model"_s).toString().trimmed();
}

int Settings::llmTimeoutSeconds() const
{
    bool ok = false;
    const int seconds = m_settings.value(u"llm/timeout_s"_s, 120).toInt(&ok);
    return ok && seconds > 0 ? seconds : 120;
}

QString Settings::systemPrompt() const
{
    return m_settings.value(u"llm/system_prompt"_s).toString();
}

bool Settings::llmIncludeUsage() const
{
    return m_settings.value(u"llm/include_usage"_s, true).toBool();
}

bool Settings::gatewayEnabled() const
{
    return m_settings.value(u"gateway/enabled"_s, true).toBool();
}

bool Settings::gatewayShowThinking() const
{
    return m_settings.value(u"gateway/show_thinking"_s, false).toBool();
}

void Settings::setGatewayShowThinking(bool show)
{
    m_settings.setValue(u"gateway/show_thinking"_s, show);
}

Settings::Platform Settings::platform(const QString &name) const
{
    Platform p;
    p.name = name;
    m_settings.beginGroup(name);
    p.enabled = m_settings.value(u"enabled"_s, false).toBool();
    p.apiBase = m_settings.value(u"api_base"_s, PlatformCatalog::defaultApiBase(name)).toString().trimmed();
    p.gatewayUrl = m_settings.value(u"gateway_url"_s).toString().trimmed();
    p.homeChat = m_settings.value(PlatformCatalog::homeChatKey(name)).toString().trimmed();
    p.homeThread = m_settings.value(u"home_thread"_s).toString().trimmed();
    // QSettings reads "1,2" as a list and "1" as a string: accept both.
    const QVariant users = m_settings.value(u"allowed_users"_s);
    for (const QString &user : users.toStringList().join(u',').split(u',', Qt::SkipEmptyParts))
        p.allowedUsers << user.trimmed();
    bool ok = false;
    const qint64 maxReply = m_settings.value(u"max_reply_chars"_s, defaultMaxReplyChars).toLongLong(&ok);
    p.maxReplyChars = ok && maxReply > 0 ? int(std::min<qint64>(maxReply, 1'000'000)) : defaultMaxReplyChars;
    m_settings.endGroup();
    return p;
}

void Settings::setModel(const QString &model)
{
    m_settings.setValue(u"llm/model"_s, model);
}

void Settings::setHome(const QString &platform, const QString &chat, const QString &thread)
{
    m_settings.beginGroup(platform);
    m_settings.setValue(PlatformCatalog::homeChatKey(platform), chat);
    if (thread.isEmpty())
        m_settings.remove(u"home_thread"_s);
    else
        m_settings.setValue(u"home_thread"_s, thread);
    m_settings.endGroup();
}

void Settings::setLlmBaseUrl(const QString &url)
{
    m_settings.setValue(u"llm/base_url"_s, url.trimmed());
}

void Settings::setSystemPrompt(const QString &prompt)
{
    if (prompt.trimmed().isEmpty())
        m_settings.remove(u"llm/system_prompt"_s);
    else
        m_settings.setValue(u"llm/system_prompt"_s, prompt);
}

void Settings::setPlatformEnabled(const QString &platform, bool enabled)
{
    m_settings.setValue(platform + u"/enabled"_s, enabled);
}

void Settings::setAllowedUsers(const QString &platform, const QStringList &userIds)
{
    const QString key = platform + u"/allowed_users"_s;
    if (userIds.isEmpty())
        m_settings.remove(key);
    else
        m_settings.setValue(key, userIds);
}

void Settings::sync()
{
    m_settings.sync();
    // Allowed users and home chats are the owner's business; a file older versions wrote 0644 is tightened.
    PrivateFiles::tighten(m_settings.fileName());
}

QString Settings::save()
{
    sync();
    if (m_settings.status() == QSettings::AccessError)
        return QCoreApplication::translate("Settings", "The config file %1 cannot be written. Check its permissions.")
            .arg(m_settings.fileName());
    return {};
}

Settings::Away Settings::away() const
{
    Away away;
    const QString onLock = m_settings.value(u"away/on_lock"_s, u"ask"_s).toString().trimmed();
    away.onLock = onLock == "handoff"_L1 ? Away::OnLock::HandOff
        : onLock == "nothing"_L1         ? Away::OnLock::Nothing
                                         : Away::OnLock::Ask;
    away.platform = m_settings.value(u"away/platform"_s).toString().trimmed();
    bool ok = false;
    const int minutes = m_settings.value(u"away/active_minutes"_s, away.activeMinutes).toInt(&ok);
    away.activeMinutes = ok ? std::clamp(minutes, 1, 24 * 60) : away.activeMinutes;
    away.keepAwake = m_settings.value(u"away/keep_awake"_s, false).toBool();
    away.notify = m_settings.value(u"away/notify"_s, true).toBool();
    return away;
}

void Settings::setAway(const Away &away)
{
    const QString onLock = away.onLock == Away::OnLock::HandOff ? u"handoff"_s
        : away.onLock == Away::OnLock::Nothing                  ? u"nothing"_s
                                                                : u"ask"_s;
    m_settings.setValue(u"away/on_lock"_s, onLock);
    if (away.platform.isEmpty())
        m_settings.remove(u"away/platform"_s);
    else
        m_settings.setValue(u"away/platform"_s, away.platform);
    m_settings.setValue(u"away/active_minutes"_s, away.activeMinutes);
    m_settings.setValue(u"away/keep_awake"_s, away.keepAwake);
    m_settings.setValue(u"away/notify"_s, away.notify);
}
