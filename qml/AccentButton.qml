// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The one action of a page, in the accent colour.
Button {
    id: accentButton
    property color fill
    leftPadding: 20
    rightPadding: 20
    contentItem: Label {
        text: accentButton.text
        Accessible.ignored: true // the button says it
        // Dark text on the light accent of dark palettes, white on the deep one of light palettes.
        color: accentButton.fill.hslLightness > 0.5 ? "#0d1f1c" : "white"
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        implicitHeight: 30
        radius: 5
        color: accentButton.down ? Qt.darker(accentButton.fill, 1.15) : accentButton.fill
        opacity: accentButton.enabled ? 1 : 0.4
    }
}
