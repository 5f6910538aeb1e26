// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The setup's first steps: how to create the bot, and its token pasted and checked at once.
ColumnLayout {
    id: tokenStep

    required property SetupController setup
    required property string platform
    required property string displayName
    /// Whether the setup under way is this platform's.
    required property bool active
    /// The setup's step while active: token or checking.
    required property string step

    function creationHint() {
        if (tokenStep.platform === "telegram")
            return qsTr("1. In Telegram, open <a href=\"%1\">@BotFather</a>, send /newbot and choose a name. It answers with a token.").arg(tokenStep.setup.createUrl)
        if (tokenStep.platform === "discord")
            return qsTr("1. In the <a href=\"%1\">Discord developer portal</a>, create an application, add a bot, turn on Message Content under Privileged Gateway Intents and copy the bot's token.").arg(tokenStep.setup.createUrl)
        return qsTr("1. On <a href=\"%1\">Slack's app page</a>, create an app from the manifest below, make an app-level token with connections:write, install the app and copy its bot token (xoxb-…).").arg(tokenStep.setup.createUrl)
    }

    spacing: 8
    Label {
        Accessible.ignored: !visible
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        textFormat: Text.StyledText
        text: tokenStep.active ? tokenStep.creationHint() : ""
        onLinkActivated: link => Qt.openUrlExternally(link)
    }
    TextArea {
        Accessible.ignored: !visible
        objectName: "setupManifest"
        visible: tokenStep.platform === "slack"
        Layout.fillWidth: true
        readOnly: true
        selectByMouse: true
        font.family: "monospace"
        font.pixelSize: Theme.fontSmall
        text: tokenStep.active ? tokenStep.setup.manifest : ""
        Accessible.name: qsTr("Slack app manifest to paste")
    }
    Label {
        text: qsTr("2. Paste the token here; Baton checks it at once and keeps it in the system keychain.")
        Accessible.ignored: !visible
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        TextField {
            Accessible.ignored: !visible
            id: tokenField
            objectName: "setupTokenField"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: tokenStep.platform === "slack" ? qsTr("Bot token (xoxb-…)") : qsTr("Bot token")
            Accessible.name: qsTr("%1 bot token").arg(tokenStep.displayName)
            onAccepted: checkButton.clicked()
        }
        TextField {
            Accessible.ignored: !visible
            id: appTokenField
            objectName: "setupAppTokenField"
            visible: tokenStep.platform === "slack"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            placeholderText: qsTr("App token (xapp-…)")
            Accessible.name: qsTr("Slack app token")
        }
        AccentButton {
            Accessible.ignored: !visible
            id: checkButton
            objectName: "setupCheckButton"
            text: tokenStep.step === "checking" ? qsTr("Checking…") : qsTr("Check and save")
            fill: Theme.accent
            enabled: tokenStep.step === "token"
            Accessible.name: qsTr("Check the %1 token and save it").arg(tokenStep.displayName)
            onClicked: {
                tokenStep.setup.submitToken(tokenField.text, appTokenField.text)
                tokenField.text = ""
                appTokenField.text = ""
            }
        }
    }
}
