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

    /// The context menu for this chat, at (@p x, @p y) of the row.
    signal menuRequested(real x, real y)

    highlighted: sessionId === controller.sessionId
    onClicked: controller.openSession(sessionId)
    rightPadding: moreButton.visible ? moreButton.width + Theme.spacingSmall : padding
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: eventPoint => row.menuRequested(eventPoint.position.x, eventPoint.position.y)
    }
    // The context menu for the mouse; the keyboard opens it with the Menu key on the list.
    ToolButton {
        id: moreButton
        objectName: "sessionMoreButton"
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        visible: row.hovered || row.highlighted
        focusPolicy: Qt.NoFocus
        text: "⋯"
        onClicked: row.menuRequested(x, y + height)
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Rename, export or delete")
        Accessible.name: qsTr("More actions for %1").arg(row.title)
        Accessible.ignored: !visible
    }
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
