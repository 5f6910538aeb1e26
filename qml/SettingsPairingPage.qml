// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The Settings page of pairing requests: people waiting for a yes or no, and who may talk to Baton.
ScrollView {
    // The Settings dialog whose page this is.
    required property var dialog
    id: pairingPage
    objectName: "pairingPage"
    visible: pairingPage.dialog.page === "pairing"
    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        x: 28
        width: pairingPage.availableWidth - 56
        spacing: 14

        Item { implicitHeight: 8 }
        SettingsTitle { text: qsTr("Pairing requests") }
        SettingsHint {
            text: qsTr("People who write to your bot and are not allowed yet get a code. Approve the ones you know: they can talk to Baton at once.")
            font.pixelSize: Theme.fontBody
        }
        Repeater {
            model: pairingPage.dialog.settings.pairingRequests
            delegate: Rectangle {
                id: request
                required property var modelData
                objectName: "pairingRow_" + modelData.code
                Layout.fillWidth: true
                implicitHeight: requestRow.implicitHeight + 24
                radius: 8
                color: Theme.card
                RowLayout {
                    id: requestRow
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 12
                    spacing: 16
                    Label {
                        text: request.modelData.code
                        font.family: "monospace"
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        font.letterSpacing: 1.5
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            text: request.modelData.userName || qsTr("User %1").arg(request.modelData.userId)
                            textFormat: Text.PlainText // the name a stranger gave themselves
                            font.weight: Font.DemiBold
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("%1 · user id %2 · %3").arg(request.modelData.displayName)
                                .arg(request.modelData.userId).arg(Theme.timeAgo(request.modelData.requestedAt))
                            color: Theme.subtle
                            font.pixelSize: Theme.fontHint
                            elide: Text.ElideRight
                        }
                    }
                    Button {
                        objectName: "denyButton"
                        text: qsTr("Deny")
                        flat: true
                        onClicked: pairingPage.dialog.settings.deny(request.modelData.code)
                    }
                    AccentButton {
                        objectName: "approveButton"
                        text: qsTr("Approve")
                        fill: Theme.accent
                        onClicked: pairingPage.dialog.settings.approve(request.modelData.code)
                    }
                }
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.topMargin: 24
            visible: pairingPage.dialog.settings.pairingRequests.length === 0
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("No one is waiting for approval.")
            color: Theme.subtle
        }
        SettingsTitle {
            Layout.topMargin: 18
            text: qsTr("Who may talk to Baton")
        }
        SettingsHint {
            text: qsTr("Owners are the allowed users of each platform: they can do everything. Guests are people you approved: they talk to Baton in their own chats and see only the conversations they began.")
            font.pixelSize: Theme.fontBody
        }
        Repeater {
            model: pairingPage.dialog.settings.people
            delegate: Rectangle {
                id: person
                required property var modelData
                objectName: "personRow_" + modelData.platform + "_" + modelData.userId
                Layout.fillWidth: true
                implicitHeight: personRow.implicitHeight + 20
                radius: 8
                color: Theme.card
                RowLayout {
                    id: personRow
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 12
                    spacing: 16
                    Label {
                        objectName: "roleLabel"
                        Layout.preferredWidth: 64
                        text: person.modelData.roleText
                        font.weight: Font.DemiBold
                    }
                    Label {
                        Layout.fillWidth: true
                        text: (person.modelData.userName ? person.modelData.userName + " · " : "")
                            + qsTr("%1 · user id %2").arg(person.modelData.displayName).arg(person.modelData.userId)
                        elide: Text.ElideRight
                    }
                    Button {
                        objectName: "revokeButton"
                        visible: person.modelData.role === "guest"
                        text: qsTr("Revoke")
                        flat: true
                        Accessible.name: qsTr("Revoke the access of %1").arg(person.modelData.userName || person.modelData.userId)
                        onClicked: pairingPage.dialog.settings.revoke(person.modelData.platform, person.modelData.userId)
                    }
                }
            }
        }
        Label {
            objectName: "pairingNote"
            Layout.fillWidth: true
            visible: text !== ""
            text: pairingPage.dialog.settings.pairingNote
            wrapMode: Text.Wrap
            color: Theme.subtle
            Accessible.ignored: !visible
        }
        Item { implicitHeight: 12 }
    }
}
