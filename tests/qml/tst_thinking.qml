// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Baton
import BatonTest

// A reasoning model's reply: its thinking in a section above the answer (open while it thinks,
// folded once the answer begins, opened again by click or Space) and the stats line under it.
TestCase {
    id: test
    name: "Thinking"
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

    function init() {
        Probe.setModelThinking(true)
        ChatController.newChat()
        const component = Qt.createComponent("qrc:/qt/qml/Baton/Main.qml")
        verify(component.status === Component.Ready, component.errorString())
        window = component.createObject(null)
        verify(window !== null)
        window.width = 1100
        window.height = 720
        window.requestActivate()
        tryVerify(() => window.active || window.visible)
    }

    function cleanup() {
        Probe.setModelThinking(false)
        if (ChatController.busy)
            ChatController.stop()
        tryVerify(() => !ChatController.busy, 10000)
        window.destroy()
        window = null
    }

    function ask(text) {
        const composer = findNamed(window.contentItem, "composer")
        composer.text = text
        mouseClick(findNamed(window.contentItem, "sendButton"))
        tryVerify(() => ChatController.messages.rowCount() === 2, 5000, "the question and the reply's row")
    }

    function reply() {
        const list = findNamed(window.contentItem, "messageList")
        return list.itemAtIndex(1)
    }

    function test_theThinkingIsLiveThenFoldedAndTheAnswerClean() {
        ask("Hi")
        // Open while the model reasons, before any answer.
        tryVerify(() => reply() && findNamed(reply(), "thinkingSection").visible, 5000)
        const section = findNamed(reply(), "thinkingSection")
        const toggle = findNamed(section, "thinkingToggle")
        if (reply().content === "")
            verify(section.expanded, "open while the model is still thinking")
        tryVerify(() => !ChatController.busy, 10000)
        // Folded once the answer came; the answer has no trace of the reasoning.
        verify(!section.expanded)
        compare(reply().content, "You said: Hi")
        compare(section.reasoning, "The person wrote something; I will echo it.")
        compare(toggle.Accessible.name, "Show the model's thinking")
        mouseClick(toggle)
        verify(section.expanded)
        const text = findNamed(section, "thinkingText")
        verify(text.visible)
        compare(text.text, "The person wrote something; I will echo it.")
        compare(toggle.Accessible.name, "Hide the model's thinking")
    }

    function test_theStatsLineShowsTheReportedCount() {
        ask("Hi")
        tryVerify(() => !ChatController.busy, 10000)
        const stats = findNamed(reply(), "messageStats")
        tryVerify(() => stats.visible, 2000)
        // The fake's usage chunk: 7 content and 2 reasoning deltas, not estimated.
        verify(stats.text.startsWith("9 tokens"), stats.text)
        verify(!stats.text.includes("estimated"), stats.text)
        verify(stats.Accessible.name.startsWith("9 tokens"), stats.Accessible.name)
    }

    function test_spaceOnTheMessageOpensTheThinking() {
        ask("Hi")
        tryVerify(() => !ChatController.busy, 10000)
        const list = findNamed(window.contentItem, "messageList")
        list.forceActiveFocus()
        list.currentIndex = 1
        const section = findNamed(reply(), "thinkingSection")
        verify(!section.expanded)
        keyClick(Qt.Key_Space)
        verify(section.expanded)
        keyClick(Qt.Key_Space)
        verify(!section.expanded)
        if (Probe.screenshotDir !== "") {
            keyClick(Qt.Key_Space)
            waitForRendering(window.contentItem)
            grabImage(window.contentItem).save(Probe.screenshotDir + "/thinking.png")
        }
    }

    function test_anEstimatedCountSaysSo() {
        const statsLine = Qt.createComponent("qrc:/qt/qml/Baton/MessageStats.qml")
        verify(statsLine.status === Component.Ready, statsLine.errorString())
        const estimated = createTemporaryObject(statsLine, test, { stats: { tokens: 400, tokensPerSecond: 0, estimated: true } })
        compare(estimated.text, "~400 tokens (estimated)")
        const reported = createTemporaryObject(statsLine, test, { stats: { tokens: 412, tokensPerSecond: 38, estimated: false } })
        compare(reported.text, "412 tokens · 38 tok/s")
        compare(reported.Accessible.name, "412 tokens, 38 tokens per second")
        const none = createTemporaryObject(statsLine, test, { stats: {} })
        compare(none.text, "")
        verify(!none.visible)
    }

    function test_reopenedChatsKeepThinkingAndCounts() {
        ask("Again")
        tryVerify(() => !ChatController.busy, 10000)
        const id = ChatController.sessionId
        ChatController.newChat()
        ChatController.openSession(id)
        tryVerify(() => reply() !== null && reply().content === "You said: Again", 5000)
        compare(reply().reasoning, "The person wrote something; I will echo it.")
        verify(findNamed(reply(), "messageStats").text.startsWith("9 tokens"))
    }
}
