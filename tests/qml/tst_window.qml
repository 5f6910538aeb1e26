// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Baton

// The window's own behaviour, driven through its controls: the composer, streaming, the handoff
// button's states and the banner.
TestCase {
    id: test
    name: "Window"
    when: windowShown
    width: 1100
    height: 720

    property var window: null

    function findNamed(item, name) {
        if (!item)
            return null
        if (item.objectName === name)
            return item
        const children = item.children !== undefined ? item.children : []
        for (let i = 0; i < children.length; ++i) {
            const found = findNamed(children[i], name)
            if (found)
                return found
        }
        if (item.contentItem && item.contentItem !== item) {
            const inContent = findNamed(item.contentItem, name)
            if (inContent)
                return inContent
        }
        return null
    }

    // Each function on a window of its own and a new conversation: none needs another to run first.
    function init() {
        ChatController.newChat()
        const component = Qt.createComponent("qrc:/qt/qml/Baton/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null)
        verify(window !== null)
        window.requestActivate()
        tryVerify(() => window.active || window.visible)
    }

    function cleanup() {
        if (ChatController.busy)
            ChatController.stop()
        tryVerify(() => !ChatController.busy, 10000)
        window.destroy()
        window = null
    }

    function sendHi() {
        const composer = findNamed(window.contentItem, "composer")
        composer.text = "Hi"
        mouseClick(findNamed(window.contentItem, "sendButton"))
        tryVerify(() => ChatController.messages.rowCount() === 2, 5000, "the question and the reply's row")
    }

    function test_sendButtonSends() {
        const composer = findNamed(window.contentItem, "composer")
        const send = findNamed(window.contentItem, "sendButton")
        verify(composer && send)
        verify(!send.enabled, "nothing to send yet")
        composer.text = "Hi"
        verify(send.enabled)
        mouseClick(send)
        compare(composer.text, "")
        tryVerify(() => ChatController.messages.rowCount() === 2, 5000, "the question and the reply's row")
    }

    function test_theReplyStreamsAndStopBecomesSend() {
        sendHi()
        const send = findNamed(window.contentItem, "sendButton")
        verify(ChatController.busy)
        compare(send.text, "Stop")
        tryVerify(() => !ChatController.busy, 10000)
        compare(send.text, "Send")
        verify(!send.enabled, "nothing to send")
        compare(window.title, "Baton — Hi")
    }

    function test_handoffButtonStates() {
        sendHi()
        tryVerify(() => !ChatController.busy, 10000)
        const button = findNamed(window.contentItem, "handoffButton")
        verify(button.enabled)
        compare(ChatController.handoffPlatforms, ["telegram"])
        mouseClick(button)
        tryVerify(() => button.menu.opened)
        // Every platform is listed; those that cannot take it now say why and cannot be picked.
        const platforms = ChatController.handoff.platforms
        compare(button.menu.count, platforms.length)
        verify(platforms.length > 1, "the build registers more than Telegram")
        for (let i = 1; i < button.menu.count; ++i) {
            const other = button.menu.itemAt(i)
            verify(!other.enabled, other.objectName + " has no home chat here")
            compare(other.text, platforms[i].label + " — not set up")
        }
        const item = button.menu.itemAt(0)
        compare(item.objectName, "handoffTo_telegram")
        compare(item.text, "Telegram")
        verify(item.enabled)
        mouseClick(item)
        compare(ChatController.handoffState, "pending")
        verify(!button.enabled, "no second handoff while one is pending")
        const status = findNamed(window.contentItem, "handoffStatus")
        verify(status.visible)
        verify(status.text.length > 0)
        const banner = findNamed(window.contentItem, "liveBanner")
        verify(!banner.visible, "no banner before the handoff completes")
    }
}
