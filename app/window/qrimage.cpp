// SPDX-License-Identifier: GPL-3.0-or-later
#include "qrimage.h"

#include "config/qrmatrix.h"

#include <QBuffer>

using namespace Qt::StringLiterals;

namespace QrImage {

QImage render(const QrMatrix &matrix, int scale)
{
    if (!matrix.isValid() || scale < 1)
        return {};
    const int modules = matrix.size() + 2 * QrMatrix::quietZone;
    QImage image(modules * scale, modules * scale, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < matrix.size(); ++y) {
        for (int x = 0; x < matrix.size(); ++x) {
            if (!matrix.dark(x, y))
                continue;
            const int left = (x + QrMatrix::quietZone) * scale;
            const int top = (y + QrMatrix::quietZone) * scale;
            for (int row = top; row < top + scale; ++row)
                std::fill_n(image.scanLine(row) + left, scale, uchar(0));
        }
    }
    return image;
}

QString dataUrl(const QString &text, int scale)
{
    const QImage image = render(QrMatrix::encode(text), scale);
    if (image.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64());
}

} // namespace QrImage
