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

    highlighted: sessionId === controller.sessionId
    onClicked: controller.openSession(sessionId)
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
                // Where the conversation lives now: its platform after a handoff.
                readonly property string where: row.handoffState === "completed" ? row.handoffPlatform : row.origin
                text: row.controller.displayName(where === "cli" ? qsTr("terminal") : where)
                font.pixelSize: Theme.fontSmall
                color: row.highlighted ? Theme.system.highlightedText : Theme.accent
                visible: where !== "desktop"
            }
            Label {
                text: Theme.relativeTime(row.updatedAt)
                font.pixelSize: Theme.fontSmall
                color: row.highlighted ? Theme.system.highlightedText : Theme.subtle
            }
        }
    }
}
