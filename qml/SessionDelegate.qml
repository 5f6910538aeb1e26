// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// One conversation in the sidebar: its title, where it lives now, when it last changed and how many
// phone messages in it are unread.
ItemDelegate {
    id: row

    required property ChatController controller
    required property string sessionId
    required property string title
    required property string origin
    required property var updatedAt
    // Where the conversation lives now: its platform after a handoff, until it is taken back.
    required property string place
    required property int unread
    // "cli" as `baton sessions list` names it.
    readonly property string placeName: controller.displayName(place)
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
    Accessible.name: (place !== "desktop" ? qsTr("%1, on %2, %3").arg(title).arg(placeName).arg(age)
        : qsTr("%1, %2").arg(title).arg(age)) + (unread > 0 ? ", " + qsTr("%n unread", "", unread) : "")
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
        RowLayout {
            Label {
                Layout.fillWidth: true
                text: row.title
                textFormat: Text.PlainText // titles come from people and models
                elide: Text.ElideRight
                font.weight: row.highlighted || row.unread > 0 ? Font.DemiBold : Font.Normal
            }
            // Phone messages not yet seen here; opening the conversation clears it.
            CountBadge {
                objectName: "unreadBadge"
                count: row.unread
                visible: row.unread > 0
            }
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
