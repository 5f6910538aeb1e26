// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminalqr.h"

#include "config/qrmatrix.h"

namespace TerminalQr {

QString render(const QrMatrix &matrix)
{
    if (!matrix.isValid())
        return {};
    // Two modules of border are enough for phone cameras and keep the code on an 80x24 screen.
    constexpr int border = 2;
    const int from = -border;
    const int to = matrix.size() + border;
    QString text;
    for (int y = from; y < to; y += 2) {
        for (int x = from; x < to; ++x) {
            const bool topLight = !matrix.dark(x, y);
            const bool bottomLight = y + 1 < to && !matrix.dark(x, y + 1);
            text += topLight && bottomLight ? QChar(0x2588) // █
                : topLight                  ? QChar(0x2580) // ▀
                : bottomLight               ? QChar(0x2584) // ▄
                                            : QChar(u' ');
        }
        text += u'\n';
    }
    return text;
}

} // namespace TerminalQr
