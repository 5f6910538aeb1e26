// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QrMatrix;

/**
 * @brief A QR code as text for a terminal: two rows of modules per line in Unicode half blocks.
 */
namespace TerminalQr {

/// Light modules (the quiet zone too) are drawn, dark ones left blank: on the usual dark terminal
/// the code reads dark on light, as scanners expect. Lines end with '\n'.
[[nodiscard]] QString render(const QrMatrix &matrix);

} // namespace TerminalQr
