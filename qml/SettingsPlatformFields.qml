// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// A platform's fields typed by hand: its token (two on Slack), home chat and allowed users, each
// with a hint saying what the platform calls it and where to find it.
GridLayout {
    id: fields

    required property string platform
    /// The platform's saved settings: displayName, homeChatKey and its secrets.
    required property var info
    readonly property var secrets: info.secrets || []
    readonly property bool twoTokens: secrets.length > 1
    property alias token: tokenField.text
    property alias appToken: appTokenField.text
    property alias homeChat: homeField.text
    property alias allowedUsers: usersField.text

    // What each platform calls its things, and where to find them: the platform describes its own fields (platforms/<name>/<name>platform.cpp).
    function described(key) {
        return (fields.info.fields || []).find(field => field.key === key) || ({ label: "", hint: "" })
    }
    function hint(key) {
        return fields.described(key).hint
    }
    function tokenPlaceholder(secret) {
        if (!secret)
            return ""
        if (secret.variable)
            return qsTr("Set by %1, which wins over the keychain").arg(secret.variable)
        return secret.set ? qsTr("Saved in the keychain — type to replace") : qsTr("Not set")
    }

    columns: 2
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacingSmall

    SettingsFieldLabel { id: tokenLabel; text: fields.described("token").label }
    SettingsField {
        id: tokenField
        objectName: "tokenField"
        label: tokenLabel.text
        echoMode: TextInput.Password
        placeholderText: fields.tokenPlaceholder(fields.secrets[0])
    }
    Item { implicitWidth: 1 }
    SettingsHint { text: fields.hint("token") }

    SettingsFieldLabel { id: appTokenLabel; text: fields.described("app").label; visible: fields.twoTokens; Layout.topMargin: 8 }
    SettingsField {
        id: appTokenField
        objectName: "appTokenField"
        label: appTokenLabel.text
        visible: fields.twoTokens
        Layout.topMargin: 8
        echoMode: TextInput.Password
        placeholderText: fields.tokenPlaceholder(fields.secrets[1])
    }
    Item { implicitWidth: 1; visible: fields.twoTokens }
    SettingsHint { text: fields.hint("app"); visible: fields.twoTokens }

    SettingsFieldLabel {
        id: homeLabel
        Layout.topMargin: 8
        text: fields.described("home").label
    }
    SettingsField {
        id: homeField
        objectName: "homeField"
        label: homeLabel.text
        Layout.topMargin: 8
        placeholderText: qsTr("Not set: handoffs to %1 are off").arg(fields.info.displayName || "")
    }
    Item { implicitWidth: 1 }
    SettingsHint { text: fields.hint("home") }

    SettingsFieldLabel { id: usersLabel; text: fields.described("users").label; Layout.topMargin: 8 }
    SettingsField {
        id: usersField
        objectName: "usersField"
        label: usersLabel.text
        Layout.topMargin: 8
        placeholderText: qsTr("Nobody yet: only approved pairing requests")
    }
    Item { implicitWidth: 1 }
    SettingsHint { text: fields.hint("users") }
}
