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
        // A handoff on its way; how it ended shows below the header (HandoffFailureBanner, LiveBanner).
        Label {
            id: handoffStatus
            objectName: "handoffStatus"
            readonly property bool inFlight: header.controller.handoffState === "queued"
                || header.controller.handoffState === "pending" || header.controller.handoffState === "running"
            Layout.maximumWidth: 240
            text: inFlight ? header.controller.handoffText : ""
            textFormat: Text.PlainText
            elide: Text.ElideRight
            color: Theme.subtle
            visible: text !== ""
            Accessible.ignored: !visible
            HoverHandler { id: statusHover }
            ToolTip.visible: statusHover.hovered && handoffStatus.truncated
            ToolTip.text: handoffStatus.text
        }
        Button {
            id: handoffButton
            objectName: "handoffButton"
            property alias menu: platformMenu
            text: qsTr("Hand off to phone")
            enabled: header.controller.sessionId !== "" && !handoffStatus.inFlight
            onClicked: platformMenu.open()
            Menu {
                id: platformMenu
                objectName: "handoffMenu"
                y: handoffButton.height
                // As wide as its longest entry (one may name the machine that answers it), opening
                // leftwards from the button's right edge.
                width: {
                    let widest = 200
                    for (let i = 0; i < count; ++i)
                        widest = Math.max(widest, itemAt(i).implicitWidth)
                    return widest + leftPadding + rightPadding
                }
                x: handoffButton.width - width
                // Enter picks the first platform that can take it, however the menu was opened.
                onOpened: {
                    const all = header.controller.handoff.platforms
                    currentIndex = Math.max(0, all.findIndex(p => p.available))
                }
                Repeater {
                    model: header.controller.handoff.platforms
                    MenuItem {
                        required property var modelData
                        objectName: "handoffTo_" + modelData.name
                        // Those that cannot take it now say why, and cannot be picked; one that
                        // a gateway on another machine answers names that machine.
                        text: modelData.reason === "" ? modelData.label
                            : qsTr("%1 — %2").arg(modelData.label).arg(modelData.reason)
                        enabled: modelData.available
                        onTriggered: header.controller.handOff(modelData.name)
                        Accessible.name: text
                        // A button takes Space; an entry of a menu takes Enter too.
                        Keys.onReturnPressed: clicked()
                        Keys.onEnterPressed: clicked()
                    }
                }
            }
        }
    }
}
