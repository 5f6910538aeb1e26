// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Baton

// The window without a mouse: search and the session list with arrows and Enter, Tab and Shift+Tab
// between the sidebar, the conversation and the composer, and the handoff menu. Each function
// starts from the same place (init): nothing searched, an empty composer with the focus.
TestCase {
    id: test
    name: "Keyboard"
    when: windowShown
    width: 1100
    height: 720

    property var window: null
    property int handoffs: 0

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
    function named(name) {
        const found = findNamed(window.contentItem, name)
        verify(found, "no item named " + name)
        return found
    }
    function type(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }
    // A conversation of its own, so a handoff in one function leaves the others alone.
    function freshSession(text) {
        ChatController.newChat()
        ChatController.send(text)
        tryVerify(() => !ChatController.busy && ChatController.sessionId !== "", 10000)
    }

    function initTestCase() {
        const component = Qt.createComponent("qrc:/qt/qml/Baton/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null)
        verify(window !== null)
        freshSession("Lisbon trip")
        freshSession("Porto wine")
    }
    function cleanupTestCase() {
        window.destroy()
    }
    function init() {
        window.requestActivate()
        tryVerify(() => window.active, 5000, "the window has the keyboard")
        named("searchField").text = ""
        named("composer").text = ""
        named("composer").forceActiveFocus()
        tryVerify(() => named("composer").activeFocus)
    }
    function cleanup() {
        named("handoffButton").menu.close()
        tryVerify(() => !named("handoffButton").menu.visible)
    }

    function test_downFromTheSearchThenEnterOpensAResult() {
        keyClick(Qt.Key_K, Qt.ControlModifier)
        verify(named("searchField").activeFocus, "Ctrl+K goes to the search")
        type("porto")
        const list = named("sessionList")
        tryVerify(() => list.count === 1, 5000, "one conversation matches")
        keyClick(Qt.Key_Down)
        verify(list.activeFocus, "Down goes from the search to its results")
        compare(list.currentIndex, 0)
        ChatController.newChat()
        keyClick(Qt.Key_Return)
        compare(ChatController.title, "Porto wine")
    }

    function test_enterInTheSearchOpensTheFirstResult() {
        ChatController.newChat()
        named("searchField").forceActiveFocus()
        type("lisbon")
        tryVerify(() => named("sessionList").count === 1)
        keyClick(Qt.Key_Enter)
        compare(ChatController.title, "Lisbon trip")
    }

    function test_arrowsAndEnterOpenASession() {
        ChatController.newChat()
        const list = named("sessionList")
        verify(list.count >= 2)
        list.forceActiveFocus()
        compare(list.currentIndex, 0, "the list starts at its first conversation")
        keyClick(Qt.Key_Down)
        compare(list.currentIndex, 1)
        keyClick(Qt.Key_Return)
        compare(ChatController.sessionId, list.currentItem.sessionId)
        const second = ChatController.sessionId
        keyClick(Qt.Key_Up)
        keyClick(Qt.Key_Return)
        compare(ChatController.sessionId, list.itemAtIndex(0).sessionId)
        verify(ChatController.sessionId !== second, "Up and Enter opened another conversation")
    }

    function test_tabAndShiftTabMoveBetweenSidebarConversationAndComposer() {
        const search = named("searchField")
        const list = named("sessionList")
        const conversation = named("messageList")
        const composer = named("composer")
        search.forceActiveFocus()
        keyClick(Qt.Key_Tab)
        verify(list.activeFocus, "Tab goes from the search to the conversations")
        keyClick(Qt.Key_Backtab)
        verify(search.activeFocus, "Shift+Tab goes back to the search")
        keyClick(Qt.Key_Tab)
        // From the sidebar to the conversation, through the header's controls only.
        for (let i = 0; i < 6 && !conversation.activeFocus; ++i) {
            keyClick(Qt.Key_Tab)
            verify(!composer.activeFocus, "the conversation comes before the composer")
        }
        verify(conversation.activeFocus, "Tab reaches the conversation")
        keyClick(Qt.Key_Tab)
        verify(composer.activeFocus, "Tab goes from the conversation to the composer")
        keyClick(Qt.Key_Backtab)
        verify(conversation.activeFocus, "Shift+Tab goes from the composer to the conversation")
    }

    function test_tabAtTheEndOfTheTextLeavesTheComposer() {
        const composer = named("composer")
        type("ab")
        keyClick(Qt.Key_Tab)
        verify(!composer.activeFocus, "Tab after the last character leaves the composer")
        compare(composer.text, "ab")
        verify(named("sendButton").activeFocus, "the next stop is Send")
    }

    function test_tabInsideTheTextTypesATabAndCtrlTabLeaves() {
        const composer = named("composer")
        type("ab")
        keyClick(Qt.Key_Left)
        keyClick(Qt.Key_Tab)
        compare(composer.text, "a\tb")
        verify(composer.activeFocus)
        keyClick(Qt.Key_Tab, Qt.ControlModifier)
        verify(!composer.activeFocus, "Ctrl+Tab leaves the composer from anywhere in the text")
        compare(composer.text, "a\tb")
    }

    SignalSpy {
        id: triggered
        signalName: "triggered"
    }
    // The handoff button of a conversation of its own, with a spy on the menu's first platform.
    function handoffButton(text) {
        freshSession(text)
        const button = named("handoffButton")
        verify(button.enabled)
        triggered.clear()
        triggered.target = button.menu.itemAt(0)
        return button
    }

    function test_theHandoffMenuOpenedWithTheMouseTakesEnter() {
        const button = handoffButton("Hand this off by mouse")
        mouseClick(button)
        tryVerify(() => button.menu.opened)
        compare(button.menu.currentIndex, 0, "the first platform is current, no Down needed")
        keyClick(Qt.Key_Return)
        tryVerify(() => !button.menu.visible)
        compare(triggered.count, 1)
        compare(ChatController.handoffState, "pending")
    }

    function test_theHandoffMenuWorksFromTheKeyboardAlone() {
        const button = handoffButton("Hand this off by keyboard")
        button.forceActiveFocus()
        keyClick(Qt.Key_Space)
        tryVerify(() => button.menu.opened)
        keyClick(Qt.Key_Escape)
        tryVerify(() => !button.menu.visible)
        verify(button.activeFocus, "Escape gives the focus back to the button")
        compare(triggered.count, 0, "Escape hands nothing off")
        keyClick(Qt.Key_Space)
        tryVerify(() => button.menu.opened)
        keyClick(Qt.Key_Enter)
        tryVerify(() => !button.menu.visible)
        compare(triggered.count, 1)
    }
}
