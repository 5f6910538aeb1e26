// SPDX-License-Identifier: GPL-3.0-or-later
// baton.ini as anyone may write it: Settings reads any bytes without failing, and the Settings
// page's writes (model, home, allowed users) keep every other value as it was read and come back
// as written.
#include "config/settings.h"
#include "fuzzcheck.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace {
const QStringList platforms { u"telegram"_s, u"discord"_s, u"slack"_s };

struct Snapshot
{
    QString llmBaseUrl, model, systemPrompt;
    int timeout = 0;
    bool includeUsage = false, gateway = false;
    QList<Settings::Platform> platforms;
};

Snapshot read(const Settings &settings)
{
    Snapshot s { settings.llmBaseUrl(), settings.model(), settings.systemPrompt(), settings.llmTimeoutSeconds(),
        settings.llmIncludeUsage(), settings.gatewayEnabled(), {} };
    for (const QString &name : platforms)
        s.platforms.append(settings.platform(name));
    FUZZ_CHECK(s.timeout > 0, u"a timeout of %1 s"_s.arg(s.timeout));
    return s;
}

bool samePlatform(const Settings::Platform &a, const Settings::Platform &b)
{
    return a.name == b.name && a.enabled == b.enabled && a.apiBase == b.apiBase && a.gatewayUrl == b.gatewayUrl
        && a.homeChat == b.homeChat && a.homeThread == b.homeThread && a.allowedUsers == b.allowedUsers;
}

// A value the Settings page could be asked to write: no edge whitespace (reads trim it).
QString value(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes).trimmed();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    static int runs = 0;
    // A new name each run: QSettings caches files by name.
    const QString file = dir.filePath(u"baton-%1.ini"_s.arg(++runs));
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The input: the file, then (after the last 0xff, if any) the values to write.
    const qsizetype split = bytes.lastIndexOf('\xff');
    const QByteArray ini = split < 0 ? bytes : bytes.left(split);
    const QList<QByteArray> values = split < 0 ? QList<QByteArray>() : bytes.mid(split + 1).split('\xfe');
    {
        QFile out(file);
        FUZZ_CHECK(out.open(QIODevice::WriteOnly), out.errorString());
        out.write(ini);
    }
    Snapshot before;
    {
        Settings settings(file);
        before = read(settings);
        if (!settings.errorString().isEmpty()) {
            QFile::remove(file);
            return 0; // an unreadable file is reported, never rewritten
        }
        const QString model = values.value(0).isNull() ? u"some-model"_s : value(values.value(0));
        settings.setModel(model);
        before.model = model;
        if (values.size() > 1) {
            const QString platform = platforms.at(values.at(1).size() % platforms.size());
            const QString chat = value(values.at(1));
            const QString thread = value(values.value(2));
            settings.setHome(platform, chat, thread);
            Settings::Platform &p = before.platforms[platforms.indexOf(platform)];
            p.homeChat = chat;
            p.homeThread = thread;
            if (values.size() > 3) {
                QStringList users;
                for (const QByteArray &user : values.mid(3)) {
                    // Ids hold no commas or spaces; the page writes what it validated.
                    if (const QString id = value(user); !id.isEmpty() && !id.contains(u',') && !id.contains(u' '))
                        users << id;
                }
                settings.setAllowedUsers(platform, users);
                p.allowedUsers = users;
            }
        }
        FUZZ_CHECK(settings.save().isEmpty(), u"cannot save"_s);
    }
    Settings again(file);
    FUZZ_CHECK(again.errorString().isEmpty(), u"the written file does not read: "_s + again.errorString());
    const Snapshot after = read(again);
    FUZZ_CHECK(after.model == before.model, u"model %1 came back as %2"_s.arg(before.model, after.model));
    FUZZ_CHECK(
        after.llmBaseUrl == before.llmBaseUrl, u"base_url %1 became %2"_s.arg(before.llmBaseUrl, after.llmBaseUrl));
    FUZZ_CHECK(after.systemPrompt == before.systemPrompt, u"the system prompt changed"_s);
    FUZZ_CHECK(
        after.timeout == before.timeout && after.includeUsage == before.includeUsage && after.gateway == before.gateway,
        u"timeout, include_usage or gateway/enabled changed"_s);
    for (qsizetype i = 0; i < platforms.size(); ++i) {
        const Settings::Platform &a = before.platforms.at(i);
        const Settings::Platform &b = after.platforms.at(i);
        FUZZ_CHECK(samePlatform(a, b),
            u"[%1] changed: home %2/%3 -> %4/%5, users %6 -> %7, api %8 -> %9"_s.arg(a.name, a.homeChat, a.homeThread,
                b.homeChat, b.homeThread, a.allowedUsers.join(u','), b.allowedUsers.join(u','), a.apiBase, b.apiBase));
    }
    QFile::remove(file);
    return 0;
}
