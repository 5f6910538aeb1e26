// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// One conversation in the sidebar: its title, where it lives now and when it last changed.
ItemDelegate {
    id: row

    required property ChatController controller
    required property string sessionId
    required property string title
    required property string origin
    required property var updatedAt
    required property string handoffState
    required property string handoffPlatform
    // Where the conversation lives now: its platform after a handoff.
    readonly property string place: handoffState === "completed" ? handoffPlatform : origin
    readonly property string placeName: controller.displayName(place === "cli" ? qsTr("terminal") : place)
    readonly property string age: Theme.relativeTime(updatedAt)

    highlighted: sessionId === controller.sessionId
    onClicked: controller.openSession(sessionId)
    focusPolicy: Qt.NoFocus // the list is the Tab stop, not each row
    Accessible.name: place !== "desktop" ? qsTr("%1, on %2, %3").arg(title).arg(placeName).arg(age)
        : qsTr("%1, %2").arg(title).arg(age)
    // Where the keyboard is in the list.
    Rectangle {
        anchors.fill: parent
        radius: 4
        color: "transparent"
        border.width: 2
        border.color: Theme.accent
        visible: row.ListView.isCurrentItem && row.ListView.view.activeFocus
    }
    contentItem: ColumnLayout {
        spacing: Theme.spacingTiny
        Label {
            Layout.fillWidth: true
            text: row.title
            textFormat: Text.PlainText // titles come from people and models
            elide: Text.ElideRight
            font.weight: row.highlighted ? Font.DemiBold : Font.Normal
        }
        RowLayout {
            spacing: Theme.spacingSmall
            Label {
                text: row.placeName
                font.pixelSize: Theme.fontSmall
                color: row.highlighted ? Theme.system.highlightedText : Theme.accent
                visible: row.place !== "desktop"
                Accessible.ignored: !visible
            }
            Label {
                text: row.age
                font.pixelSize: Theme.fontSmall
                color: row.highlighted ? Theme.system.highlightedText : Theme.subtle
            }
        }
    }
}
