// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Baton

// A number in an accent-coloured pill, such as the pairing requests waiting.
Rectangle {
    id: badge

    property int count: 0

    implicitWidth: Math.max(20, countLabel.implicitWidth + 10)
    implicitHeight: 20
    radius: 10
    color: Theme.accent
    Label {
        id: countLabel
        anchors.centerIn: parent
        text: badge.count
        Accessible.ignored: !badge.visible
        color: Theme.textOnAccent
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
    }
}
