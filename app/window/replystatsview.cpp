// SPDX-License-Identifier: GPL-3.0-or-later
#include "replystatsview.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace ReplyStatsView {

QVariantMap toMap(const ReplyStats &stats)
{
    if (stats.completionTokens <= 0)
        return {};
    return { { u"tokens"_s, stats.completionTokens }, { u"tokensPerSecond"_s, int(std::lround(stats.tokensPerSecond)) },
        { u"estimated"_s, stats.estimated } };
}

} // namespace ReplyStatsView
