// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>

class QrMatrix;

/**
 * @brief A QR code as pixels for the window: libqrencode's modules (QrMatrix) drawn dark on white
 * with the quiet zone readers need.
 */
namespace QrImage {

/// Each module @p scale pixels square; a null image for an invalid matrix.
[[nodiscard]] QImage render(const QrMatrix &matrix, int scale = 8);
/// @p text encoded and drawn, as a data: URL an Image item shows without a provider.
[[nodiscard]] QString dataUrl(const QString &text, int scale = 8);

} // namespace QrImage
