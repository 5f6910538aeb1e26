// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Shown while no platform can take a handoff: the way to the guided setup, one button per platform.
Rectangle {
    id: card

    /// The person chose @p platform: Settings opens on it with the setup started.
    signal setUp(string platform)

    objectName: "firstRunCard"
    implicitWidth: Math.min(520, column.implicitWidth + 40)
    implicitHeight: column.implicitHeight + 32
    radius: Theme.radius
    color: Theme.tint(Theme.accent, 0.08)
    border.color: Theme.tint(Theme.accent, 0.35)

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        Label {
            text: qsTr("Take conversations with you")
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
            Accessible.ignored: !visible // the card hides once a platform is ready
        }
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 460
            wrapMode: Text.Wrap
            color: Theme.subtle
            text: qsTr("Connect a messenger and hand any conversation off to your phone. Baton walks you through it: create a bot, paste its token, scan a code with your phone.")
            Accessible.ignored: !visible // the card hides once a platform is ready
        }
        RowLayout {
            spacing: 8
            Repeater {
                model: SettingsController.platforms // every platform this build registered
                delegate: Button {
                    id: choice
                    required property var modelData
                    objectName: "firstRun_" + modelData.name
                    text: modelData.displayName
                    Accessible.name: qsTr("Set up %1").arg(modelData.displayName)
                    Accessible.ignored: !visible // the card hides once a platform is ready
                    onClicked: card.setUp(choice.modelData.name)
                }
            }
        }
    }
}
