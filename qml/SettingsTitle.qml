// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

Label {
    font.pixelSize: 20
    font.weight: Font.DemiBold
}
