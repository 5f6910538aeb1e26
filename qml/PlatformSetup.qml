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
    property color accent
    property color subtle
    property color errorColor

    readonly property bool active: setup !== null && setup.platform === platform
    readonly property string step: active ? setup.step : "start"

    objectName: "platformSetup_" + platform
    implicitHeight: column.implicitHeight + 32
    radius: 8
    color: Qt.rgba(accent.r, accent.g, accent.b, 0.08)
    border.color: Qt.rgba(accent.r, accent.g, accent.b, 0.35)

    function creationHint() {
        if (platform === "telegram")
            return qsTr("1. In Telegram, open <a href=\"%1\">@BotFather</a>, send /newbot and choose a name. It answers with a token.").arg(setup.createUrl)
        if (platform === "discord")
            return qsTr("1. In the <a href=\"%1\">Discord developer portal</a>, create an application, add a bot, turn on Message Content under Privileged Gateway Intents and copy the bot's token.").arg(setup.createUrl)
        return qsTr("1. On <a href=\"%1\">Slack's app page</a>, create an app from the manifest below, make an app-level token with connections:write, install the app and copy its bot token (xoxb-…).").arg(setup.createUrl)
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 16
        spacing: 10

        Label {
            text: qsTr("Set up %1 with your phone").arg(root.displayName)
            font.pixelSize: 15
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
                objectName: "setupStart_" + root.platform
                text: qsTr("Start")
                fill: root.accent
                Accessible.name: qsTr("Start setting up %1").arg(root.displayName)
                onClicked: root.setup.begin(root.platform)
            }
        }

        // The token.
        ColumnLayout {
            visible: root.step === "token" || root.step === "checking"
            Layout.fillWidth: true
            spacing: 8
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                textFormat: Text.StyledText
                text: root.active ? root.creationHint() : ""
                onLinkActivated: link => Qt.openUrlExternally(link)
            }
            TextArea {
                objectName: "setupManifest"
                visible: root.platform === "slack"
                Layout.fillWidth: true
                readOnly: true
                selectByMouse: true
                font.family: "monospace"
                font.pixelSize: 11
                text: root.active ? root.setup.manifest : ""
                Accessible.name: qsTr("Slack app manifest to paste")
            }
            Label { text: qsTr("2. Paste the token here; Baton checks it at once and keeps it in the system keychain.") }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                TextField {
                    id: tokenField
                    objectName: "setupTokenField"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    placeholderText: root.platform === "slack" ? qsTr("Bot token (xoxb-…)") : qsTr("Bot token")
                    Accessible.name: qsTr("%1 bot token").arg(root.displayName)
                    onAccepted: checkButton.clicked()
                }
                TextField {
                    id: appTokenField
                    objectName: "setupAppTokenField"
                    visible: root.platform === "slack"
                    Layout.fillWidth: true
                    echoMode: TextInput.Password
                    placeholderText: qsTr("App token (xapp-…)")
                    Accessible.name: qsTr("Slack app token")
                }
                AccentButton {
                    id: checkButton
                    objectName: "setupCheckButton"
                    text: root.step === "checking" ? qsTr("Checking…") : qsTr("Check and save")
                    fill: root.accent
                    enabled: root.step === "token"
                    Accessible.name: qsTr("Check the %1 token and save it").arg(root.displayName)
                    onClicked: {
                        root.setup.submitToken(tokenField.text, appTokenField.text)
                        tokenField.text = ""
                        appTokenField.text = ""
                    }
                }
            }
        }

        // Proving who you are.
        ColumnLayout {
            visible: root.step === "pairing"
            Layout.fillWidth: true
            spacing: 8
            Label {
                objectName: "setupBotName"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: root.active ? qsTr("The bot is @%1. Now show Baton it is you:").arg(root.setup.botName) : ""
                font.weight: Font.DemiBold
            }
            RowLayout {
                visible: root.platform === "telegram"
                spacing: 16
                Rectangle {
                    implicitWidth: 196
                    implicitHeight: 196
                    color: "white"
                    radius: 4
                    Image {
                        objectName: "setupQr"
                        anchors.fill: parent
                        anchors.margins: 2
                        source: root.active ? root.setup.qrImage : ""
                        fillMode: Image.PreserveAspectFit
                        smooth: false
                        Accessible.role: Accessible.Graphic
                        Accessible.name: qsTr("QR code of the link to the right")
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 6
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("3. Scan this with your phone's camera and press Start in Telegram. No camera at hand? Open this link on the phone:")
                    }
                    TextEdit {
                        objectName: "setupLink"
                        Layout.fillWidth: true
                        readOnly: true
                        selectByMouse: true
                        wrapMode: TextEdit.WrapAnywhere
                        color: root.accent
                        text: root.active ? root.setup.link : ""
                        Accessible.name: qsTr("Telegram link with your setup code")
                    }
                }
            }
            Label {
                visible: root.platform === "discord"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                textFormat: Text.StyledText
                text: root.active ? qsTr("3. <a href=\"%1\">Invite the bot to your server</a> (it asks only for what Baton uses: reading and sending messages, threads). Then send the bot this code in a direct message:").arg(root.setup.inviteUrl) : ""
                onLinkActivated: link => Qt.openUrlExternally(link)
            }
            Label {
                visible: root.platform === "slack"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("3. Open the app in Slack (Apps, then Baton) and send it this code as a message:")
            }
            TextEdit {
                objectName: "setupCode"
                visible: root.platform !== "telegram"
                readOnly: true
                selectByMouse: true
                text: root.active ? root.setup.code : ""
                font.family: "monospace"
                font.pixelSize: 26
                font.letterSpacing: 3
                color: palette.text
                Accessible.name: qsTr("Setup code to send the bot")
            }
            SettingsHint {
                text: qsTr("The code works once, for ten minutes, and only while Baton runs. Waiting for your phone…")
            }
        }

        RowLayout {
            visible: root.step === "expired"
            Button {
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
                objectName: "setupPaired"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: root.active ? qsTr("You are paired as %1.").arg(root.setup.pairedName) : ""
                font.weight: Font.DemiBold
                color: root.accent
            }
            Label {
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
                    Label { text: homeRow.modelData.label }
                    Button {
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
            dotColor: root.active && root.setup.failed ? root.errorColor : root.step === "done" ? root.accent : root.subtle
        }
    }
}
