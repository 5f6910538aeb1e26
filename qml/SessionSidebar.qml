// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Baton

// The sidebar: a new chat, search, the sessions newest first, Settings and the gateway's note.
Pane {
    id: sidebar

    required property ChatController controller
    /// Where the gateway runs when it is not this process, or "".
    property string gatewayNote: ""

    signal newChatRequested()
    signal settingsRequested()

    function focusSearch() {
        search.forceActiveFocus()
    }

    padding: Theme.padding
    background: Rectangle { color: Theme.sidebar }

    SessionContextMenu {
        id: sessionMenu
        controller: sidebar.controller
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 10

        Button {
            Layout.fillWidth: true
            text: qsTr("New chat")
            icon.name: "document-new"
            onClicked: sidebar.newChatRequested()
        }
        TextField {
            id: search
            objectName: "searchField"
            Layout.fillWidth: true
            placeholderText: qsTr("Search conversations (Ctrl+K)")
            onTextChanged: sidebar.controller.sessions.filter = text
            Accessible.name: qsTr("Search conversations")
            // Down goes to the results; Enter opens the first one.
            Keys.onDownPressed: sessionList.enter(0)
            Keys.onReturnPressed: sessionList.openAt(0)
            Keys.onEnterPressed: sessionList.openAt(0)
        }
        ListView {
            id: sessionList
            objectName: "sessionList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacingTiny
            model: sidebar.controller.sessions
            // One Tab stop for the list: the arrows choose a conversation, Enter opens it.
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversations")
            function enter(index) {
                currentIndex = index
                forceActiveFocus()
            }
            function openAt(index) {
                const row = itemAtIndex(index) as SessionDelegate
                if (row)
                    sidebar.controller.openSession(row.sessionId)
            }
            // Entering the list starts at the open conversation.
            onActiveFocusChanged: if (activeFocus)
                currentIndex = Math.max(0, sidebar.controller.sessions.rowOf(sidebar.controller.sessionId))
            Keys.onReturnPressed: openAt(currentIndex)
            Keys.onEnterPressed: openAt(currentIndex)
            // The chosen conversation's menu: the Menu key or Shift+F10; F2 renames, Delete deletes.
            function menuAt(index) {
                const row = itemAtIndex(index) as SessionDelegate
                if (row)
                    sessionMenu.openFor(row.sessionId, row.title, row, row.width / 2, row.height / 2)
            }
            Keys.onPressed: event => {
                const row = itemAtIndex(currentIndex) as SessionDelegate
                if (!row)
                    return
                if (event.key === Qt.Key_Menu || (event.key === Qt.Key_F10 && (event.modifiers & Qt.ShiftModifier)))
                    menuAt(currentIndex)
                else if (event.key === Qt.Key_F2)
                    sessionMenu.renameChat(row.sessionId, row.title)
                else if (event.key === Qt.Key_Delete)
                    sidebar.controller.actions.remove(row.sessionId)
                else
                    return
                event.accepted = true
            }
            delegate: SessionDelegate {
                id: sessionRow
                width: ListView.view.width
                controller: sidebar.controller
                onMenuRequested: (x, y) => sessionMenu.openFor(sessionRow.sessionId, sessionRow.title, sessionRow, x, y)
            }
            Label {
                anchors.centerIn: parent
                visible: sessionList.count === 0
                text: search.text ? qsTr("No match") : qsTr("No conversations yet")
                color: Theme.subtle
                Accessible.ignored: !visible
            }
        }
        SessionActionsBar {
            Layout.fillWidth: true
            controller: sidebar.controller
        }
        Button {
            objectName: "settingsButton"
            Layout.fillWidth: true
            flat: true
            text: qsTr("Settings")
            icon.name: "configure"
            onClicked: sidebar.settingsRequested()
        }
        Label {
            // On a shared store: which machine's gateway answers each platform.
            objectName: "gatewayHosts"
            Layout.fillWidth: true
            visible: text !== ""
            text: sidebar.controller.gatewayHosts ? sidebar.controller.gatewayHosts.line : ""
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.subtle
            Accessible.ignored: !visible
        }
        Label {
            objectName: "gatewayNote"
            Layout.fillWidth: true
            visible: sidebar.gatewayNote !== ""
            text: sidebar.gatewayNote
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.subtle
            Accessible.ignored: !visible
        }
    }
}
