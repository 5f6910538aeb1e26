// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdio>
#include <cstdlib>

/// A broken oracle: says what and where on stderr, then aborts, which libFuzzer reports as a
/// crash and saves the input as an artifact.
#define FUZZ_CHECK(condition, what)                                                                                    \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n  %s\n", __FILE__, __LINE__, #condition,             \
                qPrintable(QString(what)));                                                                            \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace FuzzCheck {
/// Whether @p text holds a high surrogate without its low half, or a low one without its high.
[[nodiscard]] inline bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (text.at(i).isLowSurrogate()) {
            return true;
        }
    }
    return false;
}
} // namespace FuzzCheck
