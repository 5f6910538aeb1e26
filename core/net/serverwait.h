// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>

#include <algorithm>
#include <chrono>
#include <cmath>

/**
 * @brief A wait a server asked for (Telegram's retry_after, Discord's rate limits, Slack's and a
 * model endpoint's Retry-After), made safe for a timer: whatever the server wrote, negative, zero,
 * garbage or 10^9, what comes out is between floor and ceiling, so nothing spins and nothing
 * overflows. A wait past the ceiling is marked too long: the caller gives up with a sentence
 * instead of blocking a chat for days.
 */
namespace ServerWait {

using namespace std::chrono_literals;

/// Below this a "retry now" answer would become a busy loop.
inline constexpr std::chrono::milliseconds floor = 1s;
/// Longer than this and the caller gives the item up.
inline constexpr std::chrono::milliseconds ceiling = 15min;

struct Wait
{
    std::chrono::milliseconds delay = floor; // always within [floor, ceiling]
    bool tooLong = false;
};

/// @p seconds as the server said it; NaN, zero and negative become the floor.
[[nodiscard]] inline Wait fromSeconds(double seconds)
{
    if (std::isnan(seconds) || seconds <= 0)
        return {};
    const double ms = std::ceil(seconds * 1000.0); // inf stays inf: never cast before comparing
    if (ms > double(ceiling.count()))
        return { ceiling, true };
    return { std::clamp(std::chrono::milliseconds(qint64(ms)), floor, ceiling), false };
}

/// A header value such as Retry-After ("3", "0.25", "-1", "soon"): what is not a number is the floor.
[[nodiscard]] inline Wait fromText(const QByteArray &text)
{
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    return ok ? fromSeconds(seconds) : Wait {};
}

/// A JSON field such as retry_after: a number, or a number written as text.
[[nodiscard]] inline Wait fromJson(const QJsonValue &value)
{
    if (value.isDouble())
        return fromSeconds(value.toDouble());
    if (value.isString())
        return fromText(value.toString().toUtf8());
    return {};
}

/// For sentences: whole seconds, as the server would say them.
[[nodiscard]] inline qint64 seconds(const Wait &wait)
{
    return std::chrono::ceil<std::chrono::seconds>(wait.delay).count();
}

} // namespace ServerWait
