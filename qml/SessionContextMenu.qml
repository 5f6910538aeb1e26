// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Qt.labs.platform as Platform
import Baton

// What can be done to one chat of the sidebar: rename it, its system prompt, export it, delete it
// (with a few seconds to undo). Opened by a right click, the Menu key or Shift+F10 on the list, or
// a row's "more" button.
Item {
    id: menuRoot

    required property ChatController controller
    property string sessionId: ""
    property string title: ""

    /// The menu for @p sessionId, at (@p x, @p y) of @p item.
    function openFor(sessionId: string, title: string, item: Item, x: real, y: real) {
        menuRoot.sessionId = sessionId
        menuRoot.title = title
        menu.popup(item, x, y)
    }
    component Entry: MenuItem {
        // A button takes Space; an entry of a menu takes Enter too.
        Keys.onReturnPressed: clicked()
        Keys.onEnterPressed: clicked()
    }

    function renameChat(sessionId: string, title: string) {
        renameDialog.ask(sessionId, title)
    }
    function exportAs(format: string) {
        exportDialog.sessionId = menuRoot.sessionId
        exportDialog.format = format
        exportDialog.folder = menuRoot.controller.actions.exportFolder()
        exportDialog.open()
        // A file name is offered once the dialog is there to take it.
        exportDialog.currentFile = menuRoot.controller.actions.exportFolder() + "/"
            + menuRoot.controller.actions.exportFileName(menuRoot.sessionId, format)
    }

    Menu {
        id: menu
        objectName: "sessionMenu"
        // Enter picks the first entry at once, however the menu was opened.
        onOpened: currentIndex = 0

        Entry {
            objectName: "renameAction"
            text: qsTr("Rename…")
            onTriggered: renameDialog.ask(menuRoot.sessionId, menuRoot.title)
        }
        Entry {
            objectName: "chatSettingsAction"
            text: qsTr("Chat settings…")
            onTriggered: chatSettings.ask(menuRoot.sessionId, menuRoot.title)
        }
        MenuSeparator {}
        Entry {
            objectName: "exportMarkdownAction"
            text: qsTr("Export as Markdown…")
            onTriggered: menuRoot.exportAs("md")
        }
        Entry {
            objectName: "exportJsonAction"
            text: qsTr("Export as JSON…")
            onTriggered: menuRoot.exportAs("json")
        }
        MenuSeparator {}
        Entry {
            objectName: "deleteAction"
            text: qsTr("Delete")
            onTriggered: menuRoot.controller.actions.remove(menuRoot.sessionId)
        }
    }

    SessionRenameDialog {
        id: renameDialog
        controller: menuRoot.controller
    }

    ChatSettingsDialog {
        id: chatSettings
        controller: menuRoot.controller
    }

    // The desktop's own file dialog (or Qt's, where the desktop offers none).
    Platform.FileDialog {
        id: exportDialog
        objectName: "exportDialog"
        property string sessionId: ""
        property string format: "md"
        title: format === "json" ? qsTr("Export the chat as JSON") : qsTr("Export the chat as Markdown")
        fileMode: Platform.FileDialog.SaveFile
        defaultSuffix: format
        nameFilters: format === "json" ? [qsTr("JSON files (*.json)")] : [qsTr("Markdown files (*.md)")]
        onAccepted: menuRoot.controller.actions.exportTo(sessionId, file, format)
    }
}
