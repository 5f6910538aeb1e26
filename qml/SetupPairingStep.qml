// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The setup's third step: proving who you are with the phone, by a QR code on Telegram or a code
// sent to the bot elsewhere.
ColumnLayout {
    id: pairingStep

    required property SetupController setup
    required property string platform
    /// Whether the setup under way is this platform's.
    required property bool active

    spacing: 8
    Label {
        Accessible.ignored: !visible
        objectName: "setupBotName"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: pairingStep.active ? qsTr("The bot is @%1. Now show Baton it is you:").arg(pairingStep.setup.botName) : ""
        font.weight: Font.DemiBold
    }
    RowLayout {
        visible: pairingStep.platform === "telegram"
        spacing: 16
        Rectangle {
            implicitWidth: 196
            implicitHeight: 196
            color: "white"
            radius: 4
            Image {
                Accessible.ignored: !visible
                objectName: "setupQr"
                anchors.fill: parent
                anchors.margins: 2
                source: pairingStep.active ? pairingStep.setup.qrImage : ""
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
                Accessible.ignored: !visible
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("3. Scan this with your phone's camera and press Start in Telegram. No camera at hand? Open this link on the phone:")
            }
            TextEdit {
                Accessible.ignored: !visible
                objectName: "setupLink"
                Layout.fillWidth: true
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.WrapAnywhere
                color: Theme.accent
                text: pairingStep.active ? pairingStep.setup.link : ""
                Accessible.name: qsTr("Telegram link with your setup code")
            }
        }
    }
    Label {
        Accessible.ignored: !visible
        visible: pairingStep.platform === "discord"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        textFormat: Text.StyledText
        text: pairingStep.active ? qsTr("3. <a href=\"%1\">Invite the bot to your server</a> (it asks only for what Baton uses: reading and sending messages, threads). Then send the bot this code in a direct message:").arg(pairingStep.setup.inviteUrl) : ""
        onLinkActivated: link => Qt.openUrlExternally(link)
    }
    Label {
        Accessible.ignored: !visible
        visible: pairingStep.platform === "slack"
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: qsTr("3. Open the app in Slack (Apps, then Baton) and send it this code as a message:")
    }
    TextEdit {
        Accessible.ignored: !visible
        objectName: "setupCode"
        visible: pairingStep.platform !== "telegram"
        readOnly: true
        selectByMouse: true
        text: pairingStep.active ? pairingStep.setup.code : ""
        font.family: "monospace"
        font.pixelSize: Theme.fontDisplay
        font.letterSpacing: 3
        color: Theme.system.text
        Accessible.name: qsTr("Setup code to send the bot")
    }
    SettingsHint {
        text: qsTr("The code works once, for ten minutes, and only while Baton runs. Waiting for your phone…")
    }
}
