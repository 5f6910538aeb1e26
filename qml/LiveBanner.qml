// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Shown while the conversation lives on a platform, with the way to take it back.
Rectangle {
    id: banner

    required property ChatController controller

    visible: controller.livePlatform !== ""
    color: Theme.tint(Theme.accent, 0.15)
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.padding
        Label {
            objectName: "liveBanner"
            Layout.fillWidth: true
            text: qsTr("Continuing on %1 — %2").arg(banner.controller.displayName(banner.controller.livePlatform))
                .arg(banner.controller.title)
            textFormat: Text.PlainText
            elide: Text.ElideRight
            Accessible.ignored: !visible // the banner hides with the handoff
        }
        // What the phone said while the screen was locked.
        Label {
            objectName: "awayNote"
            visible: banner.controller.awayNote !== ""
            text: banner.controller.awayNote
            textFormat: Text.PlainText
            font.weight: Font.DemiBold
            Accessible.ignored: !visible
        }
        Button {
            objectName: "takeBackButton"
            text: qsTr("Take back")
            flat: true
            onClicked: banner.controller.takeBack()
            Accessible.ignored: !visible
        }
    }
}
