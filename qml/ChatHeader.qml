// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Above the conversation: its title, the model for the next replies and the handoff to a phone.
ToolBar {
    id: header

    required property ChatController controller

    background: Rectangle {
        color: Theme.system.window
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.headerLine }
    }
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.padding
        Label {
            objectName: "sessionTitle"
            Layout.fillWidth: true
            Layout.minimumWidth: 180
            text: header.controller.title
            textFormat: Text.PlainText
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            elide: Text.ElideRight
        }
        ComboBox {
            id: modelPicker
            objectName: "modelPicker"
            Layout.preferredWidth: 170
            editable: true
            model: header.controller.models.length > 0 ? header.controller.models : [header.controller.model]
            displayText: header.controller.model
            onActivated: index => header.controller.model = textAt(index)
            onAccepted: header.controller.model = editText
            onPressedChanged: if (pressed) header.controller.refreshModels()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("The model for the next replies")
            Accessible.name: qsTr("Model for the next replies")
        }
        Label {
            id: handoffStatus
            objectName: "handoffStatus"
            Layout.maximumWidth: 240
            text: header.controller.handoffText
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: header.controller.handoffState === "failed" ? Theme.errorColor : Theme.subtle
            visible: text !== ""
            Accessible.ignored: !visible
        }
        Button {
            id: handoffButton
            objectName: "handoffButton"
            property alias menu: platformMenu
            text: qsTr("Hand off to phone")
            enabled: header.controller.sessionId !== ""
                && header.controller.handoffPlatforms.length > 0
                && header.controller.handoffState !== "pending" && header.controller.handoffState !== "running"
                && header.controller.handoffState !== "queued"
            onClicked: platformMenu.open()
            ToolTip.visible: hovered && header.controller.handoffPlatforms.length === 0
            ToolTip.text: qsTr("Set a home channel for Telegram, Discord or Slack first.")
            Menu {
                id: platformMenu
                y: handoffButton.height
                // Enter picks the first platform at once, however the menu was opened.
                onOpened: currentIndex = 0
                Repeater {
                    model: header.controller.handoffPlatforms
                    MenuItem {
                        required property string modelData
                        objectName: "handoffTo_" + modelData
                        text: header.controller.displayName(modelData)
                        onTriggered: header.controller.handOff(modelData)
                        // A button takes Space; an entry of a menu takes Enter too.
                        Keys.onReturnPressed: clicked()
                        Keys.onEnterPressed: clicked()
                    }
                }
            }
        }
    }
}
