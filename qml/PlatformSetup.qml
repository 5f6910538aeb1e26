// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// Setting a platform up without a manual: create the bot, paste its token (checked at once), prove
// who you are with your phone (a QR code on Telegram, a code in a DM elsewhere), choose the home.
Rectangle {
    id: root

    required property SetupController setup
    required property string platform
    required property string displayName

    readonly property bool active: setup !== null && setup.platform === platform
    readonly property string step: active ? setup.step : "start"

    objectName: "platformSetup_" + platform
    implicitHeight: column.implicitHeight + 32
    radius: 8
    color: Theme.tint(Theme.accent, 0.08)
    border.color: Theme.tint(Theme.accent, 0.35)

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 16
        spacing: 10

        Label {
            Accessible.ignored: !visible
            text: qsTr("Set up %1 with your phone").arg(root.displayName)
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
        }

        // Not started: one button.
        RowLayout {
            visible: root.step === "start"
            spacing: 12
            SettingsHint {
                text: qsTr("A few steps, about two minutes: no ids to look up, no file to edit.")
            }
            AccentButton {
                Accessible.ignored: !visible
                objectName: "setupStart_" + root.platform
                text: qsTr("Start")
                fill: Theme.accent
                Accessible.name: qsTr("Start setting up %1").arg(root.displayName)
                onClicked: root.setup.begin(root.platform)
            }
        }

        SetupTokenStep {
            visible: root.step === "token" || root.step === "checking"
            Layout.fillWidth: true
            setup: root.setup
            platform: root.platform
            displayName: root.displayName
            active: root.active
            step: root.step
        }

        // Proving who you are.
        SetupPairingStep {
            visible: root.step === "pairing"
            Layout.fillWidth: true
            setup: root.setup
            platform: root.platform
            active: root.active
        }

        RowLayout {
            visible: root.step === "expired"
            Button {
                Accessible.ignored: !visible
                objectName: "setupNewCode"
                text: qsTr("New code")
                onClicked: root.setup.newCode()
            }
        }

        // The home.
        ColumnLayout {
            visible: root.step === "paired" || root.step === "done"
            Layout.fillWidth: true
            spacing: 6
            Label {
                Accessible.ignored: !visible
                objectName: "setupPaired"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: root.active ? qsTr("You are paired as %1.").arg(root.setup.pairedName) : ""
                font.weight: Font.DemiBold
                color: Theme.accent
            }
            Label {
                Accessible.ignored: !visible
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("4. Where should handoffs from the desktop go? Chats you use with the bot:")
            }
            Repeater {
                model: root.active ? root.setup.homes : []
                delegate: RowLayout {
                    id: homeRow
                    required property var modelData
                    spacing: 10
                    Label {
                        text: homeRow.modelData.label
                        Accessible.ignored: !visible
                    }
                    Button {
                        Accessible.ignored: !visible
                        objectName: "setupHome_" + homeRow.modelData.chat
                        text: homeRow.modelData.current ? qsTr("The home") : qsTr("Make it the home")
                        enabled: !homeRow.modelData.current
                        Accessible.name: qsTr("Make %1 the home for handoffs").arg(homeRow.modelData.label)
                        onClicked: root.setup.chooseHome(homeRow.modelData.chat)
                    }
                }
            }
            SettingsHint {
                text: qsTr("A group or another chat shows up here once you write to the bot there. /sethome in a chat works too.")
            }
        }

        // Sentences name commands in `backticks`, shown as code.
        SettingsOutcome {
            objectName: "setupSentence"
            visible: root.active && root.setup.sentence !== "" && root.step !== "paired"
            result: ({ text: root.active ? root.setup.sentence : "" })
            dotColor: root.active && root.setup.failed ? Theme.errorColor : root.step === "done" ? Theme.accent : Theme.subtle
        }
    }
}
