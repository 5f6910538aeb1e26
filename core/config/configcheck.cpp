// SPDX-License-Identifier: GPL-3.0-or-later
#include "configcheck.h"

#include "platformcatalog.h"
#include "storelocation.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>

#include <functional>

using namespace Qt::StringLiterals;

namespace {

/// What a key accepts: empty when @p value is fine, otherwise why not.
using ValueRule = std::function<QString(const QString &value)>;

ValueRule boolean()
{
    // Settings reads with QVariant::toBool(), which takes "yes please" (and "no") for true.
    return [](const QString &value) {
        static const QStringList accepted { u"true"_s, u"false"_s, u"1"_s, u"0"_s };
        return accepted.contains(value.toLower())
            ? QString()
            : QCoreApplication::translate("ConfigCheck", "expected true or false");
    };
}

ValueRule wholeNumber(int lowest, int highest)
{
    return [=](const QString &value) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok)
            return QCoreApplication::translate("ConfigCheck", "expected a whole number");
        if (number < lowest || number > highest)
            return QCoreApplication::translate("ConfigCheck", "expected a number from %1 to %2")
                .arg(lowest)
                .arg(highest);
        return QString();
    };
}

ValueRule url(const QStringList &schemes) // two: the plain and the encrypted one
{
    return [=](const QString &value) {
        if (value.isEmpty())
            return QString();
        const QUrl parsed(value, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() || !schemes.contains(parsed.scheme()))
            return QCoreApplication::translate("ConfigCheck", "expected an address starting with %1 or %2")
                .arg(schemes.at(0), schemes.at(1));
        return QString();
    };
}

ValueRule oneOf(const QStringList &choices)
{
    return [=](const QString &value) {
        return choices.contains(value)
            ? QString()
            : QCoreApplication::translate("ConfigCheck", "expected one of: %1").arg(choices.join(u", "_s));
    };
}

ValueRule userIds(const QString &platform)
{
    return [=](const QString &value) {
        // Telegram and Discord ids are numbers; Slack's are letters and digits (U0123ABC).
        const bool numeric = platform != "slack"_L1;
        for (const QString &raw : value.split(u',', Qt::SkipEmptyParts)) {
            const QString id = raw.trimmed();
            bool valid = !id.isEmpty();
            for (const QChar c : id)
                valid = valid && (numeric ? c.isDigit() : (c.isDigit() || (c.isLetter() && c.isUpper())));
            if (!valid)
                return numeric ? QCoreApplication::translate(
                           "ConfigCheck", "\"%1\" is not a user id: expected numbers separated by commas")
                                     .arg(id)
                               : QCoreApplication::translate("ConfigCheck",
                                   "\"%1\" is not a user id: expected ids like U0123ABC separated by commas")
                                     .arg(id);
        }
        return QString();
    };
}

template<typename Hash> QString sortedKeys(const Hash &hash)
{
    QStringList names = hash.keys();
    names.sort();
    return names.join(u", "_s);
}

ValueRule text()
{
    return [](const QString &) { return QString(); };
}

ValueRule platformName()
{
    return [](const QString &value) {
        return value.isEmpty() || PlatformCatalog::isKnown(value)
            ? QString()
            : QCoreApplication::translate("ConfigCheck", "expected one of: %1")
                  .arg(PlatformCatalog::names().join(u", "_s));
    };
}

ValueRule storeUrl()
{
    return [](const QString &value) {
        if (value.isEmpty())
            return QString();
        if (!StoreLocation::isUrl(value))
            return QCoreApplication::translate(
                "ConfigCheck", "expected a postgresql:// url, or nothing for state.db in the data directory");
        QString error;
        (void)StoreLocation::parse(value, &error);
        return error;
    };
}

/// Every section and key Baton reads (README "Configuration"), with what each accepts.
QHash<QString, QHash<QString, ValueRule>> knownKeys()
{
    const QStringList web { u"http"_s, u"https"_s };
    QHash<QString, QHash<QString, ValueRule>> keys;
    keys[u"llm"_s] = { { u"base_url"_s, url(web) }, { u"model"_s, text() }, { u"timeout_s"_s, wholeNumber(1, 86'400) },
        { u"system_prompt"_s, text() }, { u"include_usage"_s, boolean() } };
    keys[u"gateway"_s] = { { u"enabled"_s, boolean() }, { u"show_thinking"_s, boolean() } };
    for (const QString &platform : PlatformCatalog::names()) {
        QHash<QString, ValueRule> &section = keys[platform];
        section = { { u"enabled"_s, boolean() }, { u"api_base"_s, url(web) },
            { PlatformCatalog::homeChatKey(platform), text() }, { u"home_thread"_s, text() },
            { u"allowed_users"_s, userIds(platform) }, { u"max_reply_chars"_s, wholeNumber(1, 1'000'000) } };
        if (platform == "discord"_L1)
            section.insert(u"gateway_url"_s, url({ u"ws"_s, u"wss"_s }));
    }
    keys[u"away"_s] = { { u"on_lock"_s, oneOf({ u"ask"_s, u"handoff"_s, u"nothing"_s }) },
        { u"platform"_s, platformName() }, { u"active_minutes"_s, wholeNumber(1, 24 * 60) },
        { u"keep_awake"_s, boolean() }, { u"notify"_s, boolean() } };
    keys[u"store"_s] = { { u"url"_s, storeUrl() } };
    return keys;
}

/// The value as QSettings reads it: quotes removed, a ';' outside quotes starting a comment.
QString unquoted(const QString &raw, bool *closed)
{
    *closed = true;
    QString value;
    bool quoted = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == u'"') {
            quoted = !quoted;
        } else if (c == u'\\' && i + 1 < raw.size()) {
            value += raw.at(++i);
        } else if (c == u';' && !quoted) {
            break;
        } else {
            value += c;
        }
    }
    *closed = !quoted;
    return value.trimmed();
}

} // namespace

QString ConfigProblem::describe(const QString &file) const
{
    if (line <= 0)
        return QCoreApplication::translate("ConfigCheck", "%1: %2").arg(file, sentence);
    return QCoreApplication::translate("ConfigCheck", "%1, line %2: %3").arg(file).arg(line).arg(sentence);
}

QList<ConfigProblem> ConfigCheck::checkText(const QString &content)
{
    const auto keys = knownKeys();
    QList<ConfigProblem> problems;
    QString section;
    bool brokenSection = false; // its keys are not judged: the header is the one mistake to name
    QSet<QString> seen;
    const QStringList lines = content.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        QString line = lines.at(i).trimmed();
        if (line.startsWith(u'[') && line.contains(u';')) // "[away] ; a comment"
            line = line.left(line.indexOf(u';')).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                problems << ConfigProblem { number, section, {},
                    QCoreApplication::translate("ConfigCheck", "the section name \"%1\" lacks its closing \"]\"")
                        .arg(line) };
                brokenSection = true;
                continue;
            }
            brokenSection = false;
            section = line.mid(1, line.size() - 2).trimmed();
            if (!keys.contains(section) && section != "General"_L1)
                problems << ConfigProblem { number, section, {},
                    QCoreApplication::translate("ConfigCheck", "unknown section [%1]; Baton reads %2")
                        .arg(section, sortedKeys(keys)),
                    false };
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0) {
            problems << ConfigProblem { number, section, {},
                QCoreApplication::translate("ConfigCheck", "\"%1\" is not a setting: expected key=value or [section]")
                    .arg(line) };
            continue;
        }
        if (brokenSection)
            continue;
        const QString key = line.left(equals).trimmed();
        bool closed = true;
        const QString value = unquoted(line.mid(equals + 1).trimmed(), &closed);
        if (!closed) {
            problems << ConfigProblem { number, section, key,
                QCoreApplication::translate("ConfigCheck", "%1: a quote is not closed").arg(key) };
            continue;
        }
        if (section.isEmpty() || section == "General"_L1) {
            problems << ConfigProblem { number, section, key,
                QCoreApplication::translate("ConfigCheck", "%1 is outside any section; Baton reads it from none")
                    .arg(key),
                false };
            continue;
        }
        const auto known = keys.constFind(section);
        if (known == keys.cend())
            continue; // the unknown section is named once, above
        const auto rule = known->constFind(key);
        if (rule == known->cend()) {
            problems << ConfigProblem { number, section, key,
                QCoreApplication::translate("ConfigCheck", "unknown key %1 in [%2]; it knows %3")
                    .arg(key, section, sortedKeys(*known)),
                false };
            continue;
        }
        if (seen.contains(section + u'/' + key))
            problems << ConfigProblem { number, section, key,
                QCoreApplication::translate("ConfigCheck", "%1 is set twice in [%2]; the last one counts")
                    .arg(key, section),
                false };
        seen.insert(section + u'/' + key);
        const QString why = (*rule)(value);
        if (!why.isEmpty())
            problems << ConfigProblem { number, section, key,
                QCoreApplication::translate("ConfigCheck", "%1=%2: %3").arg(key, value, why) };
    }
    return problems;
}

QList<ConfigProblem> ConfigCheck::check(const QString &file)
{
    QFile in(file);
    if (!in.exists())
        return {};
    if (!in.open(QIODevice::ReadOnly))
        return { ConfigProblem {
            0, {}, {}, QCoreApplication::translate("ConfigCheck", "it cannot be read; check its permissions") } };
    return checkText(QString::fromUtf8(in.readAll()));
}
