// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretscrubber.h"

#include <QMutex>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace SecretScrubber {

namespace {
constexpr qsizetype minimumSecret = 4;

// The scrubber's state is never destroyed: the log filter runs until the very end of the process,
// past static destruction (Qt logs while it unloads plugins at exit).
QMutex &lock()
{
    static auto *mutex = new QMutex;
    return *mutex;
}

QStringList &remembered()
{
    static auto *values = new QStringList;
    return *values;
}

// Shapes of credentials, kept apart so each can say what it matches. The word in front (Bearer,
// api_key=) stays, so a sentence still tells what kind of thing was hidden.
const QList<QRegularExpression> &shapes()
{
    static const auto *patterns = new QList<QRegularExpression> {
        // A token has a digit or is long: "Bearer token" in a sentence is left alone.
        QRegularExpression(u"(\\b(?:Bearer|Basic)\\s+)(?:[A-Za-z0-9._~+/=:-]*[0-9][A-Za-z0-9._~+/=:-]*"
                           "|[A-Za-z0-9._~+/=:-]{16,})"_s,
            QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(u"(\\b(?:api[_-]?key|access[_-]?token|token|secret|password)[\"']?\\s*[:=]\\s*[\"']?)"
                           "[^\\s\"',;&}]{4,}"_s,
            QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(u"()\\bsk-[A-Za-z0-9_-]{8,}"_s),
        // Telegram bot token, also inside a URL path (/bot<token>/getMe).
        QRegularExpression(u"()(?<![0-9])\\d{5,12}:[A-Za-z0-9_-]{30,}"_s),
        QRegularExpression(u"()\\bx(?:ox[abposre]|app)-[A-Za-z0-9-]{6,}"_s), // Slack tokens
        QRegularExpression(u"()\\b[A-Za-z0-9_-]{23,28}\\.[A-Za-z0-9_-]{6,7}\\.[A-Za-z0-9_-]{27,40}"_s), // Discord
    };
    return *patterns;
}

QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

void filteredHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (QtMessageHandler previous = previousHandler())
        previous(type, context, scrub(message));
}
} // namespace

void remember(const QString &value)
{
    if (value.size() < minimumSecret)
        return;
    QMutexLocker locker(&lock());
    if (!remembered().contains(value))
        remembered().append(value);
}

QString scrub(const QString &text, const QString &extra)
{
    QString out = text;
    if (extra.size() >= minimumSecret)
        out.replace(extra, mask.toString());
    {
        QMutexLocker locker(&lock());
        for (const QString &value : std::as_const(remembered()))
            out.replace(value, mask.toString());
    }
    for (const QRegularExpression &shape : shapes())
        out.replace(shape, u"\\1"_s + mask.toString());
    return out;
}

void installLogFilter()
{
    if (!previousHandler())
        previousHandler() = qInstallMessageHandler(filteredHandler);
}

} // namespace SecretScrubber
